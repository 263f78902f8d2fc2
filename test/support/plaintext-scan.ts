import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@calltrail/sql';

/** Every row of every table of the database (all schemas but the catalogs), as text. */
export async function everyRowAsText(db: Database): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const texts = await Promise.all(
    tables.map(async ({ name }) => (await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows),
  );
  return texts.flat().map((r) => r.row).join('\n');
}

/** The bytes of every file under a folder (e.g. an embedded database's data folder). */
export function everyFileUnder(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFileUnder(path) : [readFileSync(path)];
  });
}
