/**
 * Fresh, empty databases for tests: a schema of their own in PGlite (always) and in PostgreSQL
 * on DATABASE_URL (when set). The events table refuses TRUNCATE and DELETE, so a test never
 * cleans up rows: it gets a new schema and drops it.
 */
import { randomUUID } from 'node:crypto';
import { openPglite, openPostgres, type Database, type PgliteDatabase } from '@calltrail/sql';

export interface TestDatabase {
  db: Database;
  dispose(): Promise<void>;
}

export type TestDatabaseFactory = () => Promise<TestDatabase>;

let sharedPglite: Promise<PgliteDatabase> | undefined;

/**
 * A fresh schema in one PGlite per test file (opening a PGlite costs seconds, a schema
 * milliseconds). PGlite is a single connection: tests in a file run one after the other.
 */
export async function freshPglite(): Promise<TestDatabase> {
  sharedPglite ??= openPglite();
  const db = await sharedPglite;
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return {
    db: { ...db, close: async () => undefined },
    dispose: () => db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`),
  };
}

/** Closes the PGlite shared by `freshPglite` (call in the test file's afterAll). */
export async function closeSharedPglite(): Promise<void> {
  const db = await sharedPglite;
  sharedPglite = undefined;
  await db?.close();
}

/** A PostgreSQL pool whose search_path is a new schema, dropped (with its tables) on dispose. */
export async function freshPostgresSchema(databaseUrl: string, poolSize?: number): Promise<TestDatabase> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = await openPostgres({ connectionString: databaseUrl, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres({ connectionString: url.toString(), max: poolSize });
  return {
    db,
    async dispose() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function testDatabases(): Array<[string, TestDatabaseFactory]> {
  const targets: Array<[string, TestDatabaseFactory]> = [['pglite', freshPglite]];
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) targets.push(['postgres', () => freshPostgresSchema(databaseUrl)]);
  return targets;
}

/**
 * A database of its own on the server of DATABASE_URL, dropped on dispose. For tests that look
 * at server-wide state such as advisory locks, which a schema does not isolate.
 */
export async function freshPostgresDatabase(databaseUrl: string, poolSize?: number): Promise<TestDatabase> {
  const name = `calltrail_test_${randomUUID().replaceAll('-', '')}`;
  const admin = await openPostgres({ connectionString: databaseUrl, max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres({ connectionString: url.toString(), max: poolSize });
  return {
    db,
    async dispose() {
      await db.close();
      await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
