import {
  GENESIS_HASH,
  InvalidAppendError,
  StreamNotFoundError,
  verifyStreamChain,
  type AppendOptions,
  type AppendResult,
  type BrokenLink,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type VerifyReport,
} from '@calltrail/event-store';
import { migrate, type Database } from '@calltrail/sql';
import { prepareAppend } from './append-request';
import { GroupCommitter, type GroupCommitLimits, type GroupCommitStats } from './group-commit';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows';
import { EVENT_STORE_MODULE, eventStoreMigrations } from './schema';

export interface PostgresEventStoreOptions {
  /**
   * Group commit limits (default 500 appends, 10,000 events per transaction; on PostgreSQL two
   * batches in the database at once and an idle queue of 16 events or more split between them, on
   * PGlite one batch at a time, the whole queue in it; docs/benchmarks.md).
   */
  groupCommit?: Partial<GroupCommitLimits>;
  /** How often an idle subscription looks for events appended by other processes (default 100 ms). */
  pollIntervalMs?: number;
  /** Events per batch when `verify()` walks the chains (default 2,000). */
  verifyBatchSize?: number;
}

const MAX_READ_LIMIT = 10_000;

/**
 * A PostgreSQL server works on one batch while Node.js prepares the next (on a quiet machine this
 * paid, docs/benchmarks.md). PGlite runs in this thread on one connection: nothing overlaps there.
 */
function overlapDefaults(kind: Database['kind']): Pick<GroupCommitLimits, 'maxInFlight' | 'minEventsToSplit'> {
  return kind === 'postgres' ? { maxInFlight: 2, minEventsToSplit: 16 } : { maxInFlight: 1, minEventsToSplit: Infinity };
}

function checkLimit(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_READ_LIMIT) {
    throw new RangeError(`${field} must be an integer from 1 to ${MAX_READ_LIMIT}`);
  }
  return value;
}

function checkPosition(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be an integer ≥ 0`);
  }
  return value;
}

/**
 * The EventStore port over PostgreSQL, the same SQL on a `pg` pool or on embedded PGlite.
 * See docs/event-store.md for the schema and the ordering argument.
 */
export class PostgresEventStore implements EventStore {
  readonly kind;
  private readonly committer: GroupCommitter;
  private readonly pollIntervalMs: number;
  private readonly verifyBatchSize: number;
  /** Bumped on every local commit; subscriptions wait for it to move. */
  private commits = 0;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly db: Database,
    options: PostgresEventStoreOptions = {},
  ) {
    this.kind = db.kind;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.verifyBatchSize = options.verifyBatchSize ?? 2_000;
    const limits = { maxAppends: 500, maxEvents: 10_000, ...overlapDefaults(db.kind), ...options.groupCommit };
    if (!Number.isInteger(limits.maxInFlight) || limits.maxInFlight < 1) {
      throw new RangeError('groupCommit.maxInFlight must be an integer ≥ 1');
    }
    this.committer = new GroupCommitter(db, limits, () => this.wakeSubscribers());
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new Error('The event store is closed');
    if (typeof options !== 'object' || options === null) {
      throw new InvalidAppendError('options.expectedVersion', 'is required');
    }
    return this.committer.submit(prepareAppend(streamId, events, options.expectedVersion));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backward = options.direction === 'backward';
    const from = options.fromVersion ?? (backward ? 2_147_483_647 : 1);
    const limit = options.limit === undefined ? null : checkLimit('limit', options.limit);
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE stream_id = $1 AND stream_version ${backward ? '<=' : '>='} $2
        ORDER BY stream_version ${backward ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, checkPosition('fromVersion', from), limit],
    );
    if (rows.length === 0 && !(await this.streamExists(streamId))) throw new StreamNotFoundError(streamId);
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const after = checkPosition('after', options.after ?? 0);
    const limit = checkLimit('limit', options.limit);
    // Below the lowest position an append still in flight may hold, known before the read's own
    // statement begins (docs/event-store.md).
    const bound = await this.readBound();
    if (bound <= after + 1) return [];
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 AND global_position < $2
        ORDER BY global_position LIMIT $3`,
      [after, bound, limit],
      { name: 'calltrail_read_all_v4' },
    );
    return rows.map(toStoredEvent);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    let after = checkPosition('after', options.after ?? 0);
    const batchSize = checkLimit('batchSize', options.batchSize ?? 500);
    const { signal } = options;
    while (!signal?.aborted && !this.closed) {
      const seenCommits = this.commits;
      const events = await this.readAll({ after, limit: batchSize });
      for (const event of events) {
        if (signal?.aborted) return;
        yield event;
        after = event.globalPosition;
      }
      if (events.length < batchSize) await this.nextCommit(seenCommits, signal);
    }
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.db.query<{ head: number }>('SELECT coalesce(max(global_position), 0) AS head FROM events');
    return Number(rows[0]!.head);
  }

  async verify(): Promise<VerifyReport> {
    const walk = await this.walkChains();
    if (walk.firstBroken) return { ok: false, ...walk };
    const firstBroken = await this.findStaleHead();
    return { ok: firstBroken === null, ...walk, firstBroken };
  }

  /** How group commit has batched appends so far. */
  groupCommitStats(): GroupCommitStats {
    return this.committer.stats();
  }

  /** Settles pending appends and ends subscriptions. The database stays open: its owner closes it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.committer.idle();
    this.wakeSubscribers();
  }

  private async readBound(): Promise<number> {
    const { rows } = await this.db.query<{ bound: string | number }>('SELECT events_read_bound() AS bound', [], {
      name: 'calltrail_events_read_bound_v4',
    });
    return Number(rows[0]!.bound);
  }

  private async streamExists(streamId: string): Promise<boolean> {
    const { rowCount } = await this.db.query('SELECT 1 FROM event_streams WHERE stream_id = $1', [streamId]);
    return rowCount > 0;
  }

  private wakeSubscribers(): void {
    this.commits += 1;
    for (const wake of this.waiters) wake();
  }

  /** Waits for a local commit after `seenCommits`, the poll interval, an abort or close. */
  private nextCommit(seenCommits: number, signal?: AbortSignal): Promise<void> {
    if (this.commits !== seenCommits || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Walks every event in (stream, version) order, batch by batch, checking each chain. */
  private async walkChains(): Promise<Omit<VerifyReport, 'ok'>> {
    let streamsChecked = 0;
    let eventsChecked = 0;
    let cursor: { streamId: string; version: number } = { streamId: '', version: 0 };
    let chain = { streamId: '', prevHash: GENESIS_HASH, streamVersion: 1 };
    for (;;) {
      const { rows } = await this.db.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream_id, stream_version) > ($1, $2)
          ORDER BY stream_id, stream_version LIMIT $3`,
        [cursor.streamId, cursor.version, this.verifyBatchSize],
      );
      if (rows.length === 0) return { streamsChecked, eventsChecked, firstBroken: null };
      for (const segment of splitByStream(rows.map(toStoredEvent))) {
        const streamId = segment[0]!.streamId;
        if (streamId !== chain.streamId) {
          chain = { streamId, prevHash: GENESIS_HASH, streamVersion: 1 };
          streamsChecked += 1;
        }
        const broken = verifyStreamChain(segment, chain);
        if (broken) return { streamsChecked, eventsChecked: eventsChecked + segment.length, firstBroken: broken };
        const last = segment[segment.length - 1]!;
        chain = { streamId, prevHash: last.hash, streamVersion: last.streamVersion + 1 };
        eventsChecked += segment.length;
      }
      const last = rows[rows.length - 1]!;
      cursor = { streamId: last.stream_id, version: last.stream_version };
    }
  }

  /** A stream head that disagrees with the stream's last event: events removed from the end. */
  private async findStaleHead(): Promise<BrokenLink | null> {
    const { rows } = await this.db.query<{
      stream_id: string;
      version: number;
      last_hash: string;
      actual_version: number | null;
      actual_hash: string | null;
    }>(
      `SELECT h.stream_id, h.version, h.last_hash, l.stream_version AS actual_version, l.hash AS actual_hash
         FROM event_streams h
         LEFT JOIN LATERAL (SELECT stream_version, hash FROM events e WHERE e.stream_id = h.stream_id
                             ORDER BY stream_version DESC LIMIT 1) l ON true
        WHERE l.stream_version IS DISTINCT FROM h.version OR l.hash IS DISTINCT FROM h.last_hash
        ORDER BY h.stream_id LIMIT 1`,
    );
    const stale = rows[0];
    if (!stale) return null;
    if (stale.actual_version !== stale.version) {
      return {
        streamId: stale.stream_id,
        streamVersion: stale.version,
        reason: 'VERSION_GAP',
        expected: `last version ${stale.version}`,
        actual: stale.actual_version === null ? 'no events' : `last version ${stale.actual_version}`,
      };
    }
    return {
      streamId: stale.stream_id,
      streamVersion: stale.version,
      reason: 'HASH_MISMATCH',
      expected: stale.last_hash,
      actual: stale.actual_hash ?? '',
    };
  }
}

function splitByStream(events: StoredEvent[]): StoredEvent[][] {
  const segments: StoredEvent[][] = [];
  for (const event of events) {
    const current = segments[segments.length - 1];
    if (current && current[0]!.streamId === event.streamId) current.push(event);
    else segments.push([event]);
  }
  return segments;
}

/** Opens the event store on a database, applying its migrations first (idempotent). */
export async function openPostgresEventStore(
  db: Database,
  options: PostgresEventStoreOptions = {},
): Promise<PostgresEventStore> {
  await migrate(db, EVENT_STORE_MODULE, eventStoreMigrations);
  return new PostgresEventStore(db, options);
}
