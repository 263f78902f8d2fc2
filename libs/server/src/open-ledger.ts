import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore } from '@calltrail/event-store';
import { openEventStoreDbEventStore } from '@calltrail/event-store-eventstoredb';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ApiKeys, type LedgerInfo } from '@calltrail/ledger';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { loadMasterKey, masterKeyFromBytes, openPiiVault, type MasterKey, type PiiVault } from '@calltrail/pii-vault';
import { openPglite, openPostgres, type Database } from '@calltrail/sql';
import { lockDataFolder } from './data-folder-lock';
import type { LedgerConfig } from './config';
import { CALLTRAIL_VERSION } from './version';

/** Everything a running ledger holds open: the store, the database beside it, the vault, the keys. */
export interface Ledger {
  config: LedgerConfig;
  database: Database;
  store: EventStore;
  vault: PiiVault;
  apiKeys: ApiKeys;
  masterKey: MasterKey;
  info: LedgerInfo;
  close(): Promise<void>;
}

export interface OpenLedgerOptions {
  warn?: (message: string) => void;
  /** A throwaway ledger in memory with a random master key (schema printing, tests). */
  inMemory?: boolean;
}

/** The folder of the embedded database inside the data folder. */
export function pgliteFolder(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/**
 * Opens the store chosen by configuration and applies every module's migrations (idempotent).
 * Keys, the PII vault and read models live in PostgreSQL or PGlite whatever the event store.
 */
export async function openLedger(config: LedgerConfig, options: OpenLedgerOptions = {}): Promise<Ledger> {
  const database = options.inMemory ? await openPglite() : await openDatabase(config);
  try {
    const masterKey = options.inMemory
      ? masterKeyFromBytes(randomBytes(32))
      : loadMasterKey({ env: config.env, dataDir: config.dataDir, warn: options.warn });
    const vault = await openPiiVault(database, masterKey);
    const apiKeys = await ApiKeys.open(database);
    const store = await openEventStore(config, database);
    // The read models' tables exist before any query reads them, whether or not a runner runs here.
    await new ProjectionRunner(database, store, allProjections()).prepare();
    return {
      config,
      database,
      store,
      vault,
      apiKeys,
      masterKey,
      info: { storeKind: store.kind, dataLocation: dataLocation(config, database), version: CALLTRAIL_VERSION },
      async close() {
        await store.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function openDatabase(config: LedgerConfig): Promise<Database> {
  if (config.store === 'pglite' || (config.store === 'eventstoredb' && !config.databaseUrl)) {
    const release = lockDataFolder(config.dataDir);
    try {
      const db = await openPglite({ dataDir: pgliteFolder(config.dataDir) });
      return { ...db, close: () => db.close().finally(release) };
    } catch (error) {
      release();
      throw error;
    }
  }
  return openPostgres({ connectionString: config.databaseUrl! });
}

async function openEventStore(config: LedgerConfig, database: Database): Promise<EventStore> {
  if (config.store === 'eventstoredb') return openEventStoreDbEventStore({ connectionString: config.eventStoreUrl! });
  return openPostgresEventStore(database);
}

/** Where the data lives, without credentials or connection options. */
function dataLocation(config: LedgerConfig, database: Database): string {
  if (config.store !== 'eventstoredb') return database.location;
  const events = config.eventStoreUrl!.replace(/\/\/[^@/]*@/, '//').replace(/\?.*$/, '');
  return `${events} (events); ${database.location} (keys, vault, read models)`;
}
