/**
 * Fresh databases for end-to-end tests: a schema of its own in one PGlite per test file (always),
 * and a schema of its own on DATABASE_URL (when set). The events table refuses DELETE, so a test
 * never cleans rows: it drops its schema.
 */
import { randomUUID } from 'node:crypto';
import { openPglite, openPostgres, type Database, type PgliteDatabase } from '@calltrail/sql';

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: a connection string whose search_path is this schema (for child processes). */
  url: string | null;
  schema: string;
  dispose(): Promise<void>;
}

export type TestDatabaseFactory = () => Promise<TestDatabase>;

let sharedPglite: Promise<PgliteDatabase> | undefined;

export async function freshPglite(): Promise<TestDatabase> {
  sharedPglite ??= openPglite();
  const db = await sharedPglite;
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return {
    db: { ...db, close: async () => undefined },
    url: null,
    schema,
    dispose: () => db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`),
  };
}

export async function closeSharedPglite(): Promise<void> {
  const db = await sharedPglite;
  sharedPglite = undefined;
  await db?.close();
}

/** A pool on a new schema of DATABASE_URL; `schema` reuses an existing one. */
export async function freshPostgresSchema(databaseUrl: string, existing?: string): Promise<TestDatabase> {
  const schema = existing ?? `test_${randomUUID().replaceAll('-', '')}`;
  const admin = await openPostgres({ connectionString: databaseUrl, max: 1 });
  await admin.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgres({ connectionString: url.toString() });
  return {
    db,
    url: url.toString(),
    schema,
    async dispose() {
      await db.close();
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
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

/** The rows of a table in a stable order, to compare read models. */
export async function tableRows(db: Database, table: string, orderBy: string): Promise<unknown[]> {
  const { rows } = await db.query(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
  return rows;
}
