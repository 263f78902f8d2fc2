/**
 * Injection tokens of the ports. Handlers and resolvers inject by token; the app's wiring
 * provides the adapters chosen by configuration (see @calltrail/server).
 */
export const EVENT_STORE = Symbol.for('calltrail.EventStore');
export const DATABASE = Symbol.for('calltrail.Database');
export const PII_VAULT = Symbol.for('calltrail.PiiVault');
export const API_KEYS = Symbol.for('calltrail.ApiKeys');
export const LEDGER_INFO = Symbol.for('calltrail.LedgerInfo');

/** What the running ledger is, without secrets: for `health` and start-up messages. */
export interface LedgerInfo {
  storeKind: 'pglite' | 'postgres' | 'eventstoredb';
  /** A data folder, or a server address without credentials. */
  dataLocation: string;
  version: string;
}
