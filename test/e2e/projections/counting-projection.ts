import type { StoredEvent } from '@calltrail/event-store';
import type { Projection } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';

export interface CountingOptions {
  /** Throws when it meets an event of this type (after applying the events before it). */
  failOn?: string;
  /** Milliseconds to wait per batch, to widen the window of a kill or a race. */
  delayMs?: number;
  /** Watches how many `apply` calls run at the same time, across runners of one process. */
  concurrency?: { active: number; max: number };
}

/**
 * A test projection whose tables reveal a lost or doubled event: one row per event (the position
 * is the primary key) and a per-stream count.
 */
export function countingProjection(options: CountingOptions = {}): Projection {
  return {
    name: 'counting',
    version: 1,
    tables: ['counting_events', 'counting_streams'],
    migrations: [
      {
        version: 1,
        name: 'tables',
        sql: `CREATE TABLE counting_events (position bigint PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL);
              CREATE TABLE counting_streams (stream_id text PRIMARY KEY, events integer NOT NULL)`,
      },
    ],
    async apply(tx: SqlQueryable, events: readonly StoredEvent[]) {
      const watch = options.concurrency;
      if (watch) watch.max = Math.max(watch.max, ++watch.active);
      try {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        for (const event of events) {
          if (event.type === options.failOn) throw new Error(`refusing ${event.type} at ${event.globalPosition}`);
          await tx.query('INSERT INTO counting_events (position, stream_id, type) VALUES ($1, $2, $3)', [
            event.globalPosition,
            event.streamId,
            event.type,
          ]);
          await tx.query(
            `INSERT INTO counting_streams (stream_id, events) VALUES ($1, 1)
             ON CONFLICT (stream_id) DO UPDATE SET events = counting_streams.events + 1`,
            [event.streamId],
          );
        }
      } finally {
        if (watch) watch.active--;
      }
    },
  };
}

export async function appendNumbered(
  store: { appendToStream: (id: string, events: { type: string; data: Record<string, unknown> }[], o: { expectedVersion: 'any' }) => Promise<unknown> },
  count: number,
  type = 'Counted',
): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const size = Math.min(100, count - start);
    const events = Array.from({ length: size }, (_, i) => ({ type, data: { n: start + i } }));
    await store.appendToStream(`counted-${start % 7}`, events, { expectedVersion: 'any' });
  }
}
