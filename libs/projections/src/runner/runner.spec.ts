import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { openPglite, type PgliteDatabase } from '@calltrail/sql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Projection } from './projection';
import { withProjectionLock } from './projection-lock';
import { heapLimitBytes, ProjectionMemory, RecentRows, rowsWithinHeap } from './projection-memory';
import { ProjectionRunner } from './runner';
import { SharedRead } from './shared-read';

function event(position: number): StoredEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type: 'Counted',
    data: {},
    metadata: { occurredAt: '2026-11-01T09:00:00.000Z', recordedAt: '2026-11-01T09:00:00.000Z', actor: null, correlationId: null, causationId: null, schemaVersion: 1 },
    streamId: `count-${position % 3}`,
    streamVersion: 1,
    globalPosition: position,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

/** A store of `count` events that counts its reads. */
function storeOf(count: number): EventStore & { reads: number } {
  const events = Array.from({ length: count }, (_, index) => event(index + 1));
  const store = {
    reads: 0,
    async readAll({ after, limit }: { after: number; limit: number }) {
      store.reads += 1;
      return events.filter((stored) => stored.globalPosition > after).slice(0, limit);
    },
    async headPosition() {
      return count;
    },
  };
  return store as unknown as EventStore & { reads: number };
}

interface Seen {
  positions: number[];
  /** Whether the memory was complete at each batch, and what it remembered of the batches before. */
  memory: { complete: boolean; remembered: number }[];
}

/** A projection that stores the positions it is given, and remembers how many it saw. */
function recording(name: string, options: { failAt?: number } = {}): Projection & { seen: Seen } {
  const seen: Seen = { positions: [], memory: [] };
  return {
    name,
    version: 1,
    tables: [`${name}_events`],
    migrations: [{ version: 1, name: 'table', sql: `CREATE TABLE ${name}_events (position bigint PRIMARY KEY)` }],
    seen,
    async apply(tx, events, memory) {
      const counter = memory!.slot('count', () => ({ events: 0 }));
      seen.memory.push({ complete: memory!.complete, remembered: counter.events });
      counter.events += events.length;
      for (const stored of events) {
        if (stored.globalPosition === options.failAt) throw new Error(`refusing ${stored.globalPosition}`);
        await tx.query(`INSERT INTO ${name}_events (position) VALUES ($1)`, [stored.globalPosition]);
        seen.positions.push(stored.globalPosition);
      }
    },
  };
}

async function positions(db: PgliteDatabase, name: string): Promise<number[]> {
  const { rows } = await db.query<{ position: number }>(`SELECT position::int AS position FROM ${name}_events ORDER BY position`);
  return rows.map((row) => row.position);
}

describe('ProjectionRunner with several projections', () => {
  let db: PgliteDatabase;
  beforeEach(async () => {
    db = await openPglite();
  });
  afterEach(async () => {
    await db.close();
  });

  it('rebuilds them together, reading each batch once, each with a memory that follows from zero', async () => {
    const store = storeOf(25);
    const a = recording('a');
    const b = recording('b');
    await new ProjectionRunner(db, store, [a, b], { batchSize: 10 }).rebuild();

    expect(store.reads).toBe(3);
    const all = Array.from({ length: 25 }, (_, index) => index + 1);
    expect(await positions(db, 'a')).toEqual(all);
    expect(await positions(db, 'b')).toEqual(all);
    expect(a.seen.memory).toEqual([
      { complete: true, remembered: 0 },
      { complete: true, remembered: 10 },
      { complete: true, remembered: 20 },
    ]);
  });

  it('catches up a projection that is behind without giving the other one an event twice', async () => {
    const store = storeOf(25);
    const a = recording('a');
    await new ProjectionRunner(db, storeOf(12), [a], { batchSize: 10 }).catchUp();
    const b = recording('b');
    const again = recording('a');
    await new ProjectionRunner(db, store, [again, b], { batchSize: 10 }).catchUp();

    expect(again.seen.positions).toEqual(Array.from({ length: 13 }, (_, index) => index + 13));
    expect(b.seen.positions).toHaveLength(25);
    // A runner that starts from a checkpoint has no memory of what came before it.
    expect(again.seen.memory[0]).toEqual({ complete: false, remembered: 0 });
    expect(await positions(db, 'a')).toHaveLength(25);
  });

  it('forgets what a failed batch put in memory, and lets the others go on', async () => {
    const store = storeOf(25);
    const failing = recording('a', { failAt: 15 });
    const b = recording('b');
    const runner = new ProjectionRunner(db, store, [failing, b], { batchSize: 10 });
    await expect(runner.rebuild()).rejects.toThrow('refusing 15');
    expect(await positions(db, 'a')).toHaveLength(10);
    // The other one goes on to the head: each projection follows at its own pace.
    expect(await positions(db, 'b')).toHaveLength(25);

    const retried = recording('a');
    await new ProjectionRunner(db, store, [retried], { batchSize: 10 }).catchUp();
    expect(retried.seen.memory[0]).toEqual({ complete: false, remembered: 0 });
    expect(await positions(db, 'a')).toHaveLength(25);
  });
});

describe('ProjectionRunner when another runner holds one of the projections', () => {
  it('catches up the free ones at once, and the held one when it is let go, holding none while it waits', async () => {
    const db = await openPglite();
    const store = storeOf(25);
    const a = recording('a');
    const b = recording('b');
    const runner = new ProjectionRunner(db, store, [a, b], { batchSize: 10, lockRetryMs: 5 });
    await runner.prepare();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let aWhileBHeld = 0;
    const holder = withProjectionLock(db, 'b', () => released);
    const waited: string[] = [];
    const catchingUp = runner.catchUp(undefined, {
      onWait: (name) => {
        waited.push(name);
        aWhileBHeld = a.seen.positions.length;
        // While it waits for b, a's lock is free for others.
        void withProjectionLock(db, 'a', async () => 'free', { retryMs: 1_000 }).then((result) => {
          expect(result).toBe('free');
          release();
        });
      },
    });
    await Promise.all([holder, catchingUp]);
    expect(waited).toEqual(['b']);
    expect(aWhileBHeld).toBe(25);
    expect(await positions(db, 'b')).toHaveLength(25);
    await db.close();
  });
});

describe('ProjectionMemory and RecentRows', () => {
  it('keeps the memory only when it followed up to the checkpoint', () => {
    const memory = new ProjectionMemory();
    memory.beginAt(0);
    memory.slot('x', () => 1);
    memory.position = 10;
    memory.beginAt(10);
    expect(memory.complete).toBe(true);
    expect(memory.slot('x', () => 2)).toBe(1);
    memory.beginAt(20);
    expect(memory.complete).toBe(false);
    expect(memory.slot('x', () => 2)).toBe(2);
    memory.discard();
    memory.beginAt(20);
    expect(memory.slot('x', () => 3)).toBe(3);
  });

  it('forgets the rows used least recently, and tells a forgotten row from one never stored', () => {
    const memory = new ProjectionMemory();
    memory.beginAt(0);
    const rows = new RecentRows<string>(memory, 3);
    rows.set('a', 'A', 1);
    rows.set('b', 'B', 1);
    rows.set('c', 'C', 1);
    expect(rows.get('a')).toBe('A');
    rows.set('d', 'D', 1);
    expect(rows.get('b')).toBeUndefined();
    expect(rows.get('a')).toBe('A');
    expect(rows.get('never')).toBeNull();
    rows.delete('a');
    expect(rows.get('a')).toBeNull();
    rows.set('b', 'B2', 2);
    expect([rows.get('b'), rows.get('c'), rows.get('d')]).toEqual(['B2', undefined, 'D']);
  });

  it("sizes a memory to the process's heap: its share of a small heap, never more than the cap", () => {
    const budget = { cap: 600_000, heapShare: 0.15, bytesEach: 900 };
    const MB = 2 ** 20;
    expect(rowsWithinHeap(budget, 1_024 * MB)).toBe(178_956);
    expect(rowsWithinHeap(budget, 256 * MB)).toBe(44_739);
    expect(rowsWithinHeap(budget, 4_144 * MB)).toBe(600_000);
    expect(rowsWithinHeap(budget)).toBe(rowsWithinHeap(budget, heapLimitBytes()));
    expect(heapLimitBytes()).toBeGreaterThan(64 * MB);
  });
});

describe('SharedRead', () => {
  it('reads each batch once, and keeps a follower at most `window` batches ahead of the slowest', async () => {
    const store = storeOf(100);
    const fast = {};
    const slow = {};
    const shared = new SharedRead((after) => store.readAll({ after, limit: 10 }), 0, 100, [fast, slow], 2);
    const got: number[] = [];
    const running = (async () => {
      for (let index = 0; ; index++) {
        const events = await shared.batch(index);
        if (events.length === 0) return;
        got.push(events.at(-1)!.globalPosition);
        shared.passed(fast, index);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got).toEqual([10, 20, 30]);
    expect((await shared.batch(0)).at(-1)!.globalPosition).toBe(10);
    shared.passed(slow, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got).toEqual([10, 20, 30, 40]);
    shared.leave(slow);
    await running;
    expect(got).toHaveLength(10);
    await shared.settle();
    expect(store.reads).toBe(10);
  });
});
