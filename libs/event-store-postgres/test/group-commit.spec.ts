import { WrongExpectedVersionError, type AppendResult } from '@calltrail/event-store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlQueryable } from '@calltrail/sql';
import { openPostgresEventStore, type PostgresEventStore } from '../src';
import { headsAfter, planAppendBatch, writeAppendBatch } from '../src/append-batch';
import { prepareAppend, type AppendRequest } from '../src/append-request';
import { StreamHeadCache } from '../src/stream-heads';
import { closeSharedPglite, testDatabases, type TestDatabase } from './databases';

afterAll(closeSharedPglite);

const one = (type = 'Dialled') => [{ type, data: {} }];

describe.each(testDatabases())('group commit on %s', (_name, freshDatabase) => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    database = await freshDatabase();
    store = await openPostgresEventStore(database.db);
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  it('shares transactions between concurrent appends; one conflict fails only its own caller', async () => {
    await store.appendToStream('taken', one(), { expectedVersion: 'no_stream' });
    const before = store.groupCommitStats();
    const streams = Array.from({ length: 200 }, (_, n) => `dialer-${n}`);
    const outcomes = await Promise.allSettled([
      ...streams.slice(0, 100).map((id) => store.appendToStream(id, one(), { expectedVersion: 'no_stream' })),
      store.appendToStream('taken', one('Conflicting'), { expectedVersion: 'no_stream' }),
      ...streams.slice(100).map((id) => store.appendToStream(id, one(), { expectedVersion: 'no_stream' })),
    ]);
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ streamId: 'taken', actual: 1 });
    for (const id of streams) expect(await store.readStream(id)).toHaveLength(1);
    expect(await store.readStream('taken')).toHaveLength(1);

    const stats = store.groupCommitStats();
    const transactions = stats.transactions - before.transactions;
    expect(stats.appends - before.appends).toBe(201);
    expect(transactions).toBeLessThan(201);
    expect(stats.largestBatch).toBeGreaterThan(1);
  });

  it('applies two appends to one stream in the same batch in order, each with its own check', async () => {
    const [first, second, stale] = await Promise.allSettled([
      store.appendToStream('call-1', one('Started'), { expectedVersion: 'no_stream' }),
      store.appendToStream('call-1', one('Ended'), { expectedVersion: 1 }),
      store.appendToStream('call-1', one('Late'), { expectedVersion: 1 }),
    ]);
    expect((first as PromiseFulfilledResult<AppendResult>).value.nextExpectedVersion).toBe(1);
    expect((second as PromiseFulfilledResult<AppendResult>).value.nextExpectedVersion).toBe(2);
    expect((stale as PromiseRejectedResult).reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', actual: 2 });
    expect((await store.readStream('call-1')).map((event) => event.type)).toEqual(['Started', 'Ended']);
    expect(store.groupCommitStats().largestBatch).toBe(3);
  });

  async function refusePoison(): Promise<void> {
    // Stand-in for any error the database raises for one append's rows.
    await database.db.exec(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'Poison' THEN RAISE EXCEPTION 'poison refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_poison();
    `);
  }

  it('a database error in one append fails only that append', async () => {
    await refusePoison();
    const outcomes = await Promise.allSettled([
      store.appendToStream('healthy-1', one(), { expectedVersion: 'no_stream' }),
      store.appendToStream('sick', one('Poison'), { expectedVersion: 'no_stream' }),
      store.appendToStream('healthy-2', one(), { expectedVersion: 'no_stream' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/poison refused/);
    expect((await store.readAll({ limit: 10 })).map((event) => event.streamId)).toEqual(['healthy-1', 'healthy-2']);
  });

  it.each([1, 2, 4])('a batch planned while the one before was written waits for its fallback; streams keep the queue order (%i in flight)', async (maxInFlight) => {
    await store.close();
    store = await openPostgresEventStore(database.db, { groupCommit: { minEventsToSplit: 16, maxInFlight } });
    await refusePoison();
    // 20 one-event appends queued at once: written as two batches, the second planned while the
    // first is in the database, on the belief that the first commits. The first fails (Poison).
    const appends = [
      store.appendToStream('call-1', one('Started'), { expectedVersion: 'no_stream' }),
      store.appendToStream('sick', one('Poison'), { expectedVersion: 'no_stream' }),
      ...Array.from({ length: 16 }, (_, n) => store.appendToStream(`other-${n}`, one(), { expectedVersion: 'no_stream' })),
      store.appendToStream('call-1', one('Ended'), { expectedVersion: 1 }),
      store.appendToStream('call-1', one('Closed'), { expectedVersion: 2 }),
    ];
    const outcomes = await Promise.allSettled(appends);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map((_, n) => (n === 1 ? 'rejected' : 'fulfilled')));
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/poison refused/);
    expect((await store.readStream('call-1')).map((event) => event.type)).toEqual(['Started', 'Ended', 'Closed']);
    const order = (await store.readAll({ limit: 100 })).map((event) => `${event.streamId} ${event.type}`);
    const queueOrder = [
      'call-1 Started',
      ...Array.from({ length: 16 }, (_, n) => `other-${n} Dialled`),
      'call-1 Ended',
      'call-1 Closed',
    ];
    // Batches in flight on different streams may commit in either order; one at a time, none do.
    if (maxInFlight === 1) expect(order).toEqual(queueOrder);
    else expect([...order].sort()).toEqual([...queueOrder].sort());
    expect(store.groupCommitStats().transactions).toBeGreaterThan(2);
  });

  it('stores stream ids and types with quotes, backslashes, braces and commas as given, chains intact', async () => {
    const awkward = ['a"b', 'back\\slash', '{braces},comma', 'NULL', ' spaced ', 'ünï-cødé ✓'];
    await Promise.all(
      awkward.map((id) => store.appendToStream(id, [{ type: `${id}-type`, data: { id } }], { expectedVersion: 'no_stream' })),
    );
    for (const id of awkward) {
      const [event] = await store.readStream(id);
      expect(event).toMatchObject({ streamId: id, type: `${id}-type`, data: { id }, streamVersion: 1 });
    }
    expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: awkward.length });
  });

  /** Sends `second` (planned after `first`) to the database before `first`, as two batches in flight may. */
  async function secondReachesTheDatabaseFirst(first: AppendRequest[], second: AppendRequest[]) {
    const heads = new StreamHeadCache();
    const firstPlan = planAppendBatch(first, heads);
    const secondPlan = planAppendBatch(second, headsAfter(firstPlan, heads));
    let answered!: () => void;
    const secondAnswered = new Promise<void>((resolve) => (answered = resolve));
    const watched: SqlQueryable = {
      query: async (...args) => {
        const result = await database.db.query(...args);
        answered();
        return result as never;
      },
      exec: (sql) => database.db.exec(sql),
    };
    let firstSettled!: () => void;
    const settled = new Promise<void>((resolve) => (firstSettled = resolve));
    let secondHandedOut = false;
    const writingSecond = writeAppendBatch(watched, second, heads, secondPlan, { after: firstPlan.after, settled }).finally(
      () => (secondHandedOut = true),
    );
    await secondAnswered;
    const storedBeforeFirst = await store.readAll({ limit: 10 });
    const handedOutBeforeFirst = secondHandedOut;
    const [firstOutcome] = await writeAppendBatch(database.db, first, heads, firstPlan);
    firstSettled();
    const secondOutcomes = await writingSecond;
    const order = (await store.readAll({ limit: 10 })).map((event) => `${event.streamId} ${event.type}`);
    return { storedBeforeFirst, handedOutBeforeFirst, firstOutcome: firstOutcome!, secondOutcomes, order };
  }

  it('a batch on streams of its own that reaches the database first commits at once, answered after the batch ahead', async () => {
    const first = [prepareAppend('call-1', one('Started'), 'no_stream')];
    const second = [prepareAppend('other', one(), 'no_stream'), prepareAppend('third', one(), 'no_stream')];

    const run = await secondReachesTheDatabaseFirst(first, second);

    expect(run.storedBeforeFirst.map((event) => event.streamId)).toEqual(['other', 'third']);
    expect(run.handedOutBeforeFirst).toBe(false);
    expect(run.firstOutcome.ok).toBe(true);
    expect(run.secondOutcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(run.order).toEqual(['other Dialled', 'third Dialled', 'call-1 Started']);
    expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: 3 });
  });

  it('a batch on a stream of the batch ahead that reaches the database first writes nothing, then commits after it', async () => {
    const first = [prepareAppend('call-1', one('Started'), 'no_stream')];
    const second = [prepareAppend('call-1', one(), 1), prepareAppend('other', one(), 'no_stream')];

    const run = await secondReachesTheDatabaseFirst(first, second);

    expect(run.storedBeforeFirst).toEqual([]);
    expect(run.firstOutcome.ok).toBe(true);
    expect(run.secondOutcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(run.order).toEqual(['call-1 Started', 'call-1 Dialled', 'other Dialled']);
    expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: 2 });
  });
});
