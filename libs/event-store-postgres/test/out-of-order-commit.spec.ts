/**
 * Gap-free global order: a transaction that drew its positions first but commits last must not
 * let a polling reader skip it. Holds one append transaction open (via `writeAppendBatch`, the
 * store's own write step) and lets a second append run meanwhile. PostgreSQL only: PGlite is a
 * single connection, where no two transactions are ever open at once.
 */
import type { StoredEvent } from '@calltrail/event-store';
import type { Database } from '@calltrail/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../src';
import { writeAppendBatch } from '../src/append-batch';
import { prepareAppend } from '../src/append-request';
import { freshPostgresDatabase, type TestDatabase } from './databases';

const databaseUrl = process.env['DATABASE_URL'];

/** Polls readAll like a projection does: checkpoint = position of the last event seen. */
function startPollingReader(store: PostgresEventStore) {
  const seen: StoredEvent[] = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const page = await store.readAll({ after: seen.at(-1)?.globalPosition ?? 0, limit: 100 });
      seen.push(...page);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** True once some session of this database waits for an advisory lock. */
async function someoneWaitsForTheAppendLock(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ waiting: number }>(
    `SELECT count(*) AS waiting FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows[0]!.waiting > 0;
}

async function eventually(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.runIf(databaseUrl)('out-of-order commit on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await freshPostgresDatabase(databaseUrl!, 4);
    store = await openPostgresEventStore(database.db);
  });
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('a reader sees an append that commits late before any append that came after it', async () => {
    const reader = startPollingReader(store);
    let commitFirst!: () => void;
    let firstHasPositions!: () => void;
    const positioned = new Promise<void>((resolve) => (firstHasPositions = resolve));
    const first = database.db.transaction(async (tx) => {
      const outcomes = await writeAppendBatch(tx, [prepareAppend('first', [{ type: 'First', data: {} }], 'no_stream')]);
      firstHasPositions();
      await new Promise<void>((resolve) => (commitFirst = resolve));
      return outcomes;
    });
    await positioned;

    let secondSettled = false;
    const second = store
      .appendToStream('second', [{ type: 'Second', data: {} }], { expectedVersion: 'no_stream' })
      .finally(() => (secondSettled = true));
    // The second append either waits for the first (the guarantee) or commits ahead of it.
    await eventually(async () => secondSettled || (await someoneWaitsForTheAppendLock(database.db)));
    const readWhileFirstOpen = await store.readAll({ after: 0, limit: 10 });

    commitFirst();
    const [firstOutcome] = await first;
    const secondResult = await second;
    const head = await store.headPosition();
    await eventually(async () => reader.seen.at(-1)?.globalPosition === head);
    await reader.stop();

    expect(readWhileFirstOpen).toEqual([]);
    expect(reader.seen.map((event) => event.type)).toEqual(['First', 'Second']);
    expect(firstOutcome!.ok && firstOutcome!.result.events[0]!.globalPosition).toBeLessThan(
      secondResult.events[0]!.globalPosition,
    );
  });
});
