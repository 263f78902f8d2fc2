/**
 * The benchmark data set: 100,000 contacts and 1,000,000 events (by default), seeded, in a PostgreSQL
 * database of its own on the server of DATABASE_URL. Generated once; later runs find it and reuse it.
 *
 *   const data = await ensureBenchDataSet();          // calltrail_bench_data, seed 20260401
 *   const ledger = await openLedger(loadConfig(data.ledgerEnv()));
 *
 * A database that holds an unfinished generation (a run stopped midway) is dropped and generated again.
 */
import { createHash } from 'node:crypto';
import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import { openPostgres, type Database } from '@calltrail/sql';
import { serverUrl } from '../append/databases';
import { generateBenchData } from './generate';
import { campaigns, contact, processors, type BenchCampaign, type BenchContact, type BenchProcessor, type BenchSpec } from './world';

export * from './world';
export { SeededRandom } from './random';

export interface BenchDataSetOptions {
  /** The database to generate into or reuse (default `calltrail_bench_data`). */
  database?: string;
  seed?: number;
  contacts?: number;
  events?: number;
  log?: (line: string) => void;
}

export interface BenchDataSet {
  database: string;
  url: string;
  spec: BenchSpec;
  /** Seconds the generation took, when it ran now (null: reused from an earlier run). */
  generatedNowSeconds: number | null;
  /** Seconds the generation took when it ran, now or earlier. */
  generationSeconds: number;
  processors: BenchProcessor[];
  campaigns: BenchCampaign[];
  /** Contact `index` as generated (its numbers in plaintext: for building call lists). */
  contact(index: number): BenchContact;
  /** The environment `loadConfig` needs to open this data set as a ledger (PostgreSQL store, its master key). */
  ledgerEnv(): Record<string, string>;
  openLedger(): Promise<Ledger>;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The master key of a bench data set: derived from its seed, so every run can open what an earlier run
 * sealed. A benchmark key, never a production one.
 */
export function benchMasterKey(seed: number): string {
  return createHash('sha256').update(`calltrail benchmark data set master key ${seed}`).digest('base64');
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface StoredSpec {
  seed: number;
  contacts: number;
  events: number;
  anchor: Date;
  generation_seconds: number;
}

async function storedSpec(db: Database): Promise<StoredSpec | null> {
  const { rows } = await db.query<StoredSpec>(
    `SELECT seed, contacts, events, anchor, generation_seconds FROM bench_data_set WHERE completed_at IS NOT NULL`,
  ).catch(() => ({ rows: [] as StoredSpec[] }));
  return rows[0] ?? null;
}

/** The data set as stored, when the database exists and holds a finished generation of the same shape. */
async function findExisting(name: string, wanted: Omit<BenchSpec, 'anchor'>): Promise<StoredSpec | null> {
  const admin = await openPostgres({ connectionString: serverUrl, max: 1 });
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) return null;
  } finally {
    await admin.close();
  }
  const db = await openPostgres({ connectionString: databaseUrl(name), max: 1 });
  try {
    const stored = await storedSpec(db);
    const same = stored && stored.seed === wanted.seed && stored.contacts === wanted.contacts && Number(stored.events) === wanted.events;
    return same ? stored : null;
  } finally {
    await db.close();
  }
}

async function recreateDatabase(name: string): Promise<void> {
  const admin = await openPostgres({ connectionString: serverUrl, max: 1 });
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
}

function dataSet(name: string, spec: BenchSpec, generationSeconds: number, generatedNow: boolean): BenchDataSet {
  const env = {
    CALLTRAIL_STORE: 'postgres',
    DATABASE_URL: databaseUrl(name),
    CALLTRAIL_MASTER_KEY: benchMasterKey(spec.seed),
    CALLTRAIL_PORT: '0',
    CALLTRAIL_HOST: '127.0.0.1',
  };
  return {
    database: name,
    url: env.DATABASE_URL,
    spec,
    generatedNowSeconds: generatedNow ? generationSeconds : null,
    generationSeconds,
    processors: processors(spec),
    campaigns: campaigns(spec),
    contact: (index) => contact(spec, index),
    ledgerEnv: () => ({ ...env }),
    openLedger: () => openLedger(loadConfig(env)),
  };
}

/** Finds the data set in `database`, or generates it there (taking minutes, once). */
export async function ensureBenchDataSet(options: BenchDataSetOptions = {}): Promise<BenchDataSet> {
  const name = options.database ?? 'calltrail_bench_data';
  if (!NAME.test(name)) throw new RangeError(`database: "${name}" is not a plain lower-case PostgreSQL name`);
  const wanted = { seed: options.seed ?? 20_260_401, contacts: options.contacts ?? 100_000, events: options.events ?? 1_000_000 };
  const log = options.log ?? ((line: string) => console.log(line));
  const existing = await findExisting(name, wanted);
  if (existing) {
    log(`bench data: reusing ${name} (${wanted.contacts.toLocaleString('en')} contacts, ${wanted.events.toLocaleString('en')} events, seed ${wanted.seed})`);
    return dataSet(name, { ...wanted, anchor: new Date(existing.anchor) }, existing.generation_seconds, false);
  }
  // The anchor is the day of generation, so the history leads up to the runs that use it.
  const spec: BenchSpec = { ...wanted, anchor: new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000) };
  log(`bench data: generating ${name}: ${spec.contacts.toLocaleString('en')} contacts, ${spec.events.toLocaleString('en')} events, seed ${spec.seed}`);
  await recreateDatabase(name);
  const started = performance.now();
  const set = dataSet(name, spec, 0, true);
  const ledger = await set.openLedger();
  try {
    const written = await generateBenchData({ store: ledger.store, vault: ledger.vault, db: ledger.database, log }, spec);
    const seconds = (performance.now() - started) / 1_000;
    await ledger.database.exec(
      `CREATE TABLE bench_data_set (seed integer, contacts integer, events bigint, anchor timestamptz, generation_seconds double precision, completed_at timestamptz)`,
    );
    await ledger.database.query(
      'INSERT INTO bench_data_set VALUES ($1, $2, $3, $4, $5, now())',
      [spec.seed, spec.contacts, written, spec.anchor.toISOString(), seconds],
    );
    log(`bench data: ${written.toLocaleString('en')} events written in ${seconds.toFixed(0)} s`);
    return dataSet(name, spec, seconds, true);
  } finally {
    await ledger.close();
  }
}
