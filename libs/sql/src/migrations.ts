import type { Database } from './database';

export interface Migration {
  /** 1, 2, 3… within a module; never renumbered once released. */
  version: number;
  name: string;
  sql: string;
}

const LOCK_ID = 7_246_318_001; // one advisory lock for all migrations, across processes

/**
 * Applies a module's migrations that are not yet applied, in order, each in its own transaction.
 * Idempotent: running it again (or from two processes at once) applies nothing twice.
 */
export async function migrate(db: Database, module: string, migrations: readonly Migration[]): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS calltrail_migrations (
    module text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, version)
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
      const existing = await tx.query('SELECT 1 FROM calltrail_migrations WHERE module = $1 AND version = $2', [
        module,
        migration.version,
      ]);
      if (existing.rowCount > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO calltrail_migrations (module, version, name) VALUES ($1, $2, $3)', [
        module,
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
