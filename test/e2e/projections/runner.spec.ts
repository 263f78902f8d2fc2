import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ProjectionRunner } from '@calltrail/projections';
import { openPglite, type Database } from '@calltrail/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedPglite, freshPostgresSchema, tableRows, testDatabases } from '../../support/databases';
import { appendNumbered, countingProjection } from './counting-projection';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspace = resolve(here, '../../..');

async function checkpointOf(db: Database, name = 'counting'): Promise<number> {
  const { rows } = await db.query<{ position: number }>('SELECT position FROM projection_checkpoints WHERE name = $1', [
    name,
  ]);
  return rows[0]?.position ?? 0;
}

async function readModels(db: Database) {
  return {
    events: await tableRows(db, 'counting_events', 'position'),
    streams: await tableRows(db, 'counting_streams', 'stream_id'),
  };
}

afterAll(() => closeSharedPglite());

describe.each(testDatabases())('projection runner on %s', (_target, fresh) => {
  it('moves the read models and the checkpoint together, batch by batch', async () => {
    const { db, dispose } = await fresh();
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 45);
    const seen: number[] = [];
    const runner = new ProjectionRunner(db, store, [countingProjection()], { batchSize: 10 });
    await runner.catchUp(undefined, { onProgress: (progress) => seen.push(progress.position) });

    expect(seen).toEqual([10, 20, 30, 40, 45]);
    expect(await checkpointOf(db)).toBe(45);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM counting_events');
    expect(rows[0]!.n).toBe(45);
    expect(await runner.lag()).toEqual([{ projection: 'counting', version: 1, checkpoint: 45, head: 45, lag: 0 }]);

    await appendNumbered(store, 5);
    expect((await runner.lag())[0]!.lag).toBe(5);
    await dispose();
  });

  it('rolls back both the read models and the checkpoint when a batch fails midway', async () => {
    const { db, dispose } = await fresh();
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 15);
    await store.appendToStream('poison-1', [{ type: 'Poison', data: {} }], { expectedVersion: 'any' });
    await appendNumbered(store, 4);
    const runner = new ProjectionRunner(db, store, [countingProjection({ failOn: 'Poison' })], { batchSize: 10 });

    await expect(runner.catchUp()).rejects.toThrow('refusing Poison at 16');
    // The first batch (1–10) committed; the second (11–20) applied 11–15, then failed: none of it stays.
    expect(await checkpointOf(db)).toBe(10);
    const { rows } = await db.query<{ max: number; n: number }>(
      'SELECT max(position)::int AS max, count(*)::int AS n FROM counting_events',
    );
    expect(rows[0]).toEqual({ max: 10, n: 10 });
    await dispose();
  });

  it('lets one runner apply a projection at a time; the other waits, and nothing is applied twice', async () => {
    const { db, dispose } = await fresh();
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 120);
    const concurrency = { active: 0, max: 0 };
    const projection = countingProjection({ delayMs: 5, concurrency });
    const waited: string[] = [];
    const first = new ProjectionRunner(db, store, [projection], { batchSize: 10, lockRetryMs: 10 });
    const second = new ProjectionRunner(db, store, [projection], { batchSize: 10, lockRetryMs: 10 });

    const onWait = (name: string) => waited.push(name);
    await Promise.all([first.catchUp(undefined, { onWait }), second.catchUp(undefined, { onWait })]);

    expect(concurrency.max).toBe(1);
    expect(waited).toEqual(['counting']);
    const { rows } = await db.query<{ n: number }>('SELECT sum(events)::int AS n FROM counting_streams');
    expect(rows[0]!.n).toBe(120);
    expect(await checkpointOf(db)).toBe(120);
    await dispose();
  });

  it('rebuilds from zero to the same read models, and rebuilds by itself when the version changes', async () => {
    const { db, dispose } = await fresh();
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 30);
    await new ProjectionRunner(db, store, [countingProjection()]).catchUp();
    const before = await readModels(db);
    await db.query('DELETE FROM counting_events WHERE position > 20');

    await new ProjectionRunner(db, store, [countingProjection()], { batchSize: 7 }).rebuild(['counting']);
    expect(await readModels(db)).toEqual(before);

    await db.query('DELETE FROM counting_events WHERE position > 20');
    await new ProjectionRunner(db, store, [{ ...countingProjection(), version: 2 }]).catchUp();
    expect(await readModels(db)).toEqual(before);
    expect((await db.query('SELECT version FROM projection_checkpoints')).rows).toEqual([{ version: 2 }]);
    await expect(new ProjectionRunner(db, store, [countingProjection()]).rebuild(['nope'])).rejects.toThrow(
      'projection: "nope" is not one of counting',
    );
    await dispose();
  });
});

/** Runs the child runner, kills it with SIGKILL once it has committed past `killAfter`. */
function killMidRebuild(env: Record<string, string>, killAfter: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', './test/support/register.mjs', join(here, 'rebuild-child.ts')], {
      cwd: workspace,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let lastPosition = 0;
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const match of String(chunk).matchAll(/position (\d+)/g)) lastPosition = Number(match[1]);
      if (lastPosition >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(lastPosition);
      else reject(new Error(`the child finished before it was killed (at ${lastPosition}): ${stderr}`));
    });
  });
}

describe('a runner killed in the middle of a rebuild', () => {
  async function expectRestartMatchesUninterrupted(db: Database): Promise<void> {
    const store = await openPostgresEventStore(db);
    // Killed mid-batch or between batches, what is stored is consistent: the checkpoint matches the rows.
    const checkpoint = await checkpointOf(db);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM counting_events');
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(400);
    expect(rows[0]!.n).toBe(checkpoint);

    await new ProjectionRunner(db, store, [countingProjection()]).catchUp();
    const restarted = await readModels(db);
    await new ProjectionRunner(db, store, [countingProjection()]).rebuild();
    expect(restarted).toEqual(await readModels(db));
    expect(restarted.events).toHaveLength(400);
  }

  it('on PGlite (a data folder), continues on restart to the same read models as an uninterrupted run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calltrail-rebuild-'));
    let db = await openPglite({ dataDir: dir });
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 400);
    await new ProjectionRunner(db, store, [countingProjection()]).catchUp();
    await db.close();

    await killMidRebuild({ CALLTRAIL_TEST_PGLITE_DIR: dir }, 100);
    db = await openPglite({ dataDir: dir });
    await expectRestartMatchesUninterrupted(db);
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.runIf(process.env['DATABASE_URL'])('on PostgreSQL, the same', async () => {
    const { db, url, dispose } = await freshPostgresSchema(process.env['DATABASE_URL']!);
    const store = await openPostgresEventStore(db);
    await appendNumbered(store, 400);
    await new ProjectionRunner(db, store, [countingProjection()]).catchUp();

    await killMidRebuild({ CALLTRAIL_TEST_DATABASE_URL: url! }, 100);
    await expectRestartMatchesUninterrupted(db);
    await dispose();
  });
});
