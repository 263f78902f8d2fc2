import { resolve } from 'node:path';

export type StoreChoice = 'pglite' | 'postgres' | 'eventstoredb';
const STORES: readonly StoreChoice[] = ['pglite', 'postgres', 'eventstoredb'];

export interface LedgerConfig {
  store: StoreChoice;
  /** The data folder: the embedded database and, without CALLTRAIL_MASTER_KEY, the master key file. */
  dataDir: string;
  /** PostgreSQL connection string (store `postgres`; for `eventstoredb`, where keys and read models live). */
  databaseUrl: string | null;
  /** EventStoreDB / KurrentDB connection string (store `eventstoredb`). */
  eventStoreUrl: string | null;
  host: string;
  port: number;
  env: Record<string, string | undefined>;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIGURATION';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Reads the CALLTRAIL_* variables (and DATABASE_URL), with a clear error naming a bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): LedgerConfig {
  const store = (env['CALLTRAIL_STORE'] || 'pglite') as StoreChoice;
  if (!STORES.includes(store)) throw new ConfigError('CALLTRAIL_STORE', `must be one of ${STORES.join(', ')}`);
  const databaseUrl = env['DATABASE_URL'] || null;
  if (store === 'postgres' && !databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'CALLTRAIL_STORE=postgres needs a connection string, e.g. postgres://user@127.0.0.1:5432/calltrail');
  }
  const eventStoreUrl = env['EVENTSTORE_URL'] || null;
  if (store === 'eventstoredb' && !eventStoreUrl) {
    throw new ConfigError('EVENTSTORE_URL', 'CALLTRAIL_STORE=eventstoredb needs a connection string, e.g. esdb://127.0.0.1:2113?tls=false');
  }
  return {
    store,
    dataDir: resolve(env['CALLTRAIL_DATA_DIR'] || '.calltrail'),
    databaseUrl,
    eventStoreUrl,
    // Loopback unless told otherwise: a container behind a balancer sets CALLTRAIL_HOST=0.0.0.0.
    host: env['CALLTRAIL_HOST'] || '127.0.0.1',
    port: parsePort(env['CALLTRAIL_PORT']),
    env,
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError('CALLTRAIL_PORT', 'must be a TCP port number from 0 to 65535 (0 picks a free port)');
  }
  return port;
}
