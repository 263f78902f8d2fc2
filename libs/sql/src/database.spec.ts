import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, openPostgres, type Database } from './index';

const targets: Array<[string, () => Promise<Database>]> = [['pglite', () => openPglite()]];
if (process.env['DATABASE_URL']) {
  targets.push(['postgres', () => openPostgres({ connectionString: process.env['DATABASE_URL']! })]);
}

describe.each(targets)('Database on %s', (_name, open) => {
  let db: Database;
  afterAll(async () => db?.close());

  it('applies each migration once, however often it runs', async () => {
    db = await open();
    const module = `test_${Date.now()}`;
    const migrations = [{ version: 1, name: 'create', sql: `CREATE TABLE ${module} (n bigint)` }];
    expect(await migrate(db, module, migrations)).toEqual([1]);
    expect(await migrate(db, module, migrations)).toEqual([]);
    await db.query(`INSERT INTO ${module} VALUES ($1)`, [9_007_199_254_740_000]);
    const { rows } = await db.query<{ n: number }>(`SELECT n FROM ${module}`);
    expect(rows[0]!.n).toBe(9_007_199_254_740_000);
  });

  it('runs a named (prepared) statement again and again with new parameters, bigints as numbers', async () => {
    const sql = 'SELECT $1::bigint + 1 AS n, $2::text AS label';
    for (const [n, label] of [[1, 'a'], [9_007_199_254_740_000, 'b'], [41, 'c'], [7, 'd'], [8, 'e'], [9, 'f'], [10, 'g']] as const) {
      const { rows } = await db.query<{ n: number; label: string }>(sql, [n, label], { name: 'database-spec-named' });
      expect(rows).toEqual([{ n: n + 1, label }]);
    }
  });

  it('rolls a failed transaction back', async () => {
    const table = `rollback_${Date.now()}`;
    await db.exec(`CREATE TABLE ${table} (n int)`);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} VALUES (1)`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query(`SELECT * FROM ${table}`);
    expect(rows).toEqual([]);
  });

  it('keeps one connection for a session, and releases its session locks when it ends', async () => {
    const key = Date.now() % 1_000_000;
    const holds = await db.session(async (session) => {
      const { rows } = await session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      const inner = await session.transaction((tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND objid = $2 AND pid = pg_backend_pid()', ['advisory', key]),
      );
      return { taken: rows[0]!.ok, visibleInTransaction: inner.rows[0]!.n };
    });
    expect(holds).toEqual({ taken: true, visibleInTransaction: 1 });
    if (db.kind === 'postgres') {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND objid = $2',
        ['advisory', key],
      );
      expect(rows[0]!.n).toBe(0);
    }
  });
});
