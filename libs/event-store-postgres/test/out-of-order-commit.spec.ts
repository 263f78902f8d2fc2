/**
 * Gap-free global order: a transaction that drew its positions first but commits last must not
 * let a polling reader skip it. Holds one append transaction open (via `writeAppendBatch`, the
 * store's own write step) and lets a second append commit meanwhile; the reader must wait for the
 * first, then see both in position order. PostgreSQL only: PGlite is a
 * single connection, where no two transactions are ever open at once.
 */
import type { StoredEvent } from '@calltrail/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../src';
import { writeAppendBatch } from '../src/append-batch';
import { prepareAppend, type AppendRequest } from '../src/append-request';
import { APPEND_LOCK_ID } from '../src/schema';
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

async function eventually(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.runIf(databaseUrl)('out-of-order commit on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await freshPostgresDatabase(databaseUrl!, 12);
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

    // The second append does not wait for the first: it commits while the first is still open.
    const secondResult = await store.appendToStream('second', [{ type: 'Second', data: {} }], {
      expectedVersion: 'no_stream',
    });
    const readWhileFirstOpen = await store.readAll({ after: 0, limit: 10 });

    commitFirst();
    const [firstOutcome] = await first;
    const head = await store.headPosition();
    await eventually(async () => reader.seen.at(-1)?.globalPosition === head);
    await reader.stop();

    expect(readWhileFirstOpen).toEqual([]);
    expect(reader.seen.map((event) => event.type)).toEqual(['First', 'Second']);
    expect(firstOutcome!.ok && firstOutcome!.result.events[0]!.globalPosition).toBeLessThan(
      secondResult.events[0]!.globalPosition,
    );
  });

  /** Opens a transaction that appends `request` and stays open until `end` is called. */
  async function holdOpen(request: AppendRequest) {
    let end!: (commit: boolean) => void;
    let hasPositions!: () => void;
    const positioned = new Promise<void>((resolve) => (hasPositions = resolve));
    const settled = database.db
      .transaction(async (tx) => {
        const outcomes = await writeAppendBatch(tx, [request]);
        hasPositions();
        if (!(await new Promise<boolean>((resolve) => (end = resolve)))) throw new Error('rolled back on purpose');
        return outcomes;
      })
      .catch((error: Error) => error);
    await positioned;
    return { end, settled };
  }

  it('an append to a stream that an open transaction appends to waits for it, then follows it', async () => {
    await store.appendToStream('shared', [{ type: 'Opened', data: {} }], { expectedVersion: 'no_stream' });
    const open = await holdOpen(prepareAppend('shared', [{ type: 'Held', data: {} }], 1));

    let settledWhileOpen = false;
    const next = store.appendToStream('shared', [{ type: 'Next', data: {} }], { expectedVersion: 'any' });
    void next.finally(() => (settledWhileOpen = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stillWaiting = !settledWhileOpen;
    open.end(true);
    await open.settled;
    const result = await next;

    expect(stillWaiting).toBe(true);
    expect(result.nextExpectedVersion).toBe(3);
    expect((await store.readStream('shared')).map((event) => event.type)).toEqual(['Opened', 'Held', 'Next']);
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('an append rolled back after drawing its positions holds readers back only until it ends', async () => {
    const open = await holdOpen(prepareAppend('abandoned', [{ type: 'Never', data: {} }], 'no_stream'));
    await store.appendToStream('kept', [{ type: 'Kept', data: {} }], { expectedVersion: 'no_stream' });
    const whileOpen = await store.readAll({ limit: 10 });

    open.end(false);
    expect(await open.settled).toBeInstanceOf(Error);
    const afterRollback = await store.readAll({ limit: 10 });

    expect(whileOpen.filter((event) => ['Never', 'Kept'].includes(event.type))).toEqual([]);
    expect(afterRollback.map((event) => event.type)).toContain('Kept');
    expect(afterRollback.map((event) => event.type)).not.toContain('Never');
  });

  it('two stores writing the same streams with batches in flight: a polling reader sees every event once, in order', async () => {
    const limits = { groupCommit: { maxInFlight: 4, minEventsToSplit: 2 } };
    const stores = [await openPostgresEventStore(database.db, limits), await openPostgresEventStore(database.db, limits)];
    const streams = Array.from({ length: 12 }, (_, n) => `busy-${n}`);
    const reader = startPollingReader(store);
    const writer = async (storeIndex: number, writerIndex: number) => {
      for (let n = 0; n < 15; n += 1) {
        const streamId = streams[(writerIndex * 7 + n) % streams.length]!;
        await stores[storeIndex]!.appendToStream(streamId, [{ type: 'Busy', data: { storeIndex, writerIndex, n } }], {
          expectedVersion: 'any',
        });
      }
    };
    await Promise.all(stores.flatMap((_, storeIndex) => Array.from({ length: 10 }, (_, w) => writer(storeIndex, w))));
    const all = await store.readAll({ after: 0, limit: 10_000 });
    const head = all.at(-1)!.globalPosition;
    await eventually(async () => (reader.seen.at(-1)?.globalPosition ?? 0) >= head);
    await reader.stop();
    await Promise.all(stores.map((each) => each.close()));

    const busy = (events: StoredEvent[]) => events.filter((event) => event.type === 'Busy').map((event) => event.eventId);
    expect(busy(all)).toHaveLength(2 * 10 * 15);
    expect(busy(reader.seen)).toEqual(busy(all));
    for (const streamId of streams) {
      const versions = (await store.readStream(streamId)).map((event) => event.streamVersion);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('an append waits while a process on the code before migration 4 holds the old exclusive lock', async () => {
    // What append_events (migration 3) does first, in a transaction held open: take the lock exclusively.
    let release!: () => void;
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const oldWriter = database.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_ID]);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await holding;

    let settledWhileHeld = false;
    const append = store.appendToStream('after-upgrade', [{ type: 'New', data: {} }], { expectedVersion: 'no_stream' });
    void append.finally(() => (settledWhileHeld = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waited = !settledWhileHeld;
    release();
    await oldWriter;
    const result = await append;

    expect(waited).toBe(true);
    expect(result.nextExpectedVersion).toBe(1);
  });
});
