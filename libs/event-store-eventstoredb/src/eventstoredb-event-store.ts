import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  completeMetadata,
  computeEventHash,
  DuplicateEventIdConflictError,
  GENESIS_HASH,
  InvalidAppendError,
  prepareAppend,
  retryConflict,
  StreamNotFoundError,
  verifyStreamChain,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type PreparedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type VerifyReport,
} from '@calltrail/event-store';
import { claimEventIds, CLAIM_STREAM_PREFIX } from './event-id-claims';
import { fromCheckpoint, isSystemEvent, metadataEnvelope, toCheckpoint, toStoredEvent } from './stored-format';

export interface EventStoreDbOptions {
  /** An `esdb://` (single node or gossip seeds) or `esdb+discover://` connection string. */
  connectionString: string;
  /**
   * Keeps this ledger's streams apart from others on the same cluster: every stream is stored as
   * `<streamPrefix><streamId>`, and reads of the log see only streams with the prefix. Default: none.
   */
  streamPrefix?: string;
  /** How many events one read of the log or of a stream fetches at most. Default 500. */
  pageSize?: number;
}

/** Appends with 'any' / 'stream_exists' re-read the head and try again when another writer got in first. */
const MAX_APPEND_ATTEMPTS = 100;
const DEFAULT_PAGE_SIZE = 500;
/** Drops of a subscription in a row (without an event between them) before the error is the caller's. */
const MAX_RESUBSCRIBE_ATTEMPTS = 10;

interface StreamHead {
  version: number;
  hash: string;
}

/** Opens the store and checks that the server answers. */
export async function openEventStoreDbEventStore(options: EventStoreDbOptions): Promise<EventStoreDbEventStore> {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  const store = new EventStoreDbEventStore(client, options.streamPrefix ?? '', options.pageSize ?? DEFAULT_PAGE_SIZE);
  try {
    await store.headPosition();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * The EventStore port on EventStoreDB / KurrentDB. Versions are the server's revisions + 1;
 * global positions are commit positions. Every append writes at an exact expected revision so that
 * each event's `prevHash` is the hash of the event before it in the stream.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly streamPrefix = '',
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  async appendToStream(streamId: string, events: NewEventList, options: AppendOptions): Promise<AppendResult> {
    const request = prepareAppend(streamId, events, options?.expectedVersion);
    checkServerNames(request.streamId, request.events);
    const givenIds = request.events.filter((event) => event.idGiven).map((event) => event.eventId);
    const claims = await claimEventIds(this.client, this.streamPrefix, request.streamId, givenIds);
    const elsewhere = claims.find((claim) => claim.streamId !== request.streamId);
    if (elsewhere) {
      throw new DuplicateEventIdConflictError(elsewhere.eventId, `stream ${elsewhere.streamId} ≠ ${request.streamId}`);
    }
    for (let attempt = 1; ; attempt += 1) {
      // The head first: a retry that lands after this read is then seen by findOriginal, or by the server.
      const head = await this.readHead(request.streamId);
      if (claims.length > 0 || attempt > 1) {
        const original = await this.findOriginal(request.streamId, request.events);
        if (original) return original;
      }
      checkExpectedVersion(request.streamId, request.expectedVersion, head);
      try {
        return await this.write(request.streamId, request.events, head);
      } catch (error) {
        // Another writer got in between the head read and the append, or the outcome is unknown (the
        // node went away, a leader change): read the head again. The next attempt first looks for
        // these very events (same ids), so a write that did land is returned, not repeated.
        const conflict = isWrongExpectedVersion(error);
        if (!conflict && !isTransient(error)) throw error;
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          throw conflict ? toPortConflict(error, request.streamId, request.expectedVersion) : error;
        }
        await pause(attempt);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backwards = options.direction === 'backward';
    const fromVersion = options.fromVersion;
    const fromRevision = fromVersion === undefined ? (backwards ? END : START) : BigInt(Math.max(fromVersion - 1, 0));
    if (fromVersion !== undefined && fromVersion < 1 && backwards) return [];
    try {
      const stored: StoredEvent[] = [];
      const read = this.client.readStream(this.streamPrefix + streamId, {
        fromRevision,
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
      });
      for await (const resolved of read) stored.push(toStoredEvent(resolved, this.streamPrefix));
      return stored;
    } catch (error) {
      if ((error as { type?: string }).type === ErrorType.STREAM_NOT_FOUND) throw new StreamNotFoundError(streamId);
      throw error;
    }
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    let after = options.after ?? 0;
    const stored: StoredEvent[] = [];
    let from: typeof START | { commit: bigint; prepare: bigint } = after > 0 ? fromCheckpoint(after) : START;
    while (stored.length < options.limit) {
      const page = await this.readAllPage(from);
      for (const resolved of page) {
        if (!this.isLedgerEvent(resolved)) continue;
        const event = toStoredEvent(resolved, this.streamPrefix);
        if (event.globalPosition <= after || stored.length >= options.limit) continue;
        stored.push(event);
        after = event.globalPosition;
      }
      if (page.length < this.pageSize) break;
      // The next page starts at the last event read (a read from a position includes it).
      from = page[page.length - 1]!.event!.position!;
    }
    return stored;
  }

  /**
   * Follows $all through the server's subscription. When the server drops it (a leader change, a
   * node going away), it subscribes again from the last event delivered: nothing is skipped or
   * delivered twice. Other errors, or too many drops in a row, end the iteration with the error.
   */
  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    const { signal } = options;
    let after = options.after ?? 0;
    let drops = 0;
    while (!signal?.aborted) {
      try {
        for await (const event of this.followAll(after, signal)) {
          drops = 0;
          after = event.globalPosition;
          yield event;
        }
      } catch (error) {
        if (!isTransient(error) || drops >= MAX_RESUBSCRIBE_ATTEMPTS) throw error;
      }
      drops += 1;
      await sleep(Math.min(100 * 2 ** drops, 5_000), signal);
    }
  }

  private async *followAll(after: number, signal: AbortSignal | undefined): AsyncIterable<StoredEvent> {
    if (signal?.aborted) return;
    const subscription = this.client.subscribeToAll({ fromPosition: after > 0 ? fromCheckpoint(after) : START });
    const stop = () => subscription.destroy();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription as AsyncIterable<ResolvedEvent>) {
        if (!this.isLedgerEvent(resolved)) continue;
        const event = toStoredEvent(resolved, this.streamPrefix);
        if (event.globalPosition > after) yield event;
      }
    } catch (error) {
      if (!signal?.aborted) throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe();
    }
  }

  async headPosition(): Promise<number> {
    let from: typeof END | { commit: bigint; prepare: bigint } = END;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS);
      const last = page.find((resolved) => this.isLedgerEvent(resolved));
      if (last) return toCheckpoint(last.event!.position, 'the last event');
      if (page.length < this.pageSize) return 0;
      // Backwards from a position returns what lies before it.
      from = page[page.length - 1]!.event!.position!;
    }
  }

  async verify(): Promise<VerifyReport> {
    let eventsChecked = 0;
    const streams = await this.streamIds();
    for (const streamId of streams) {
      const events = await this.readStream(streamId);
      eventsChecked += events.length;
      const broken = verifyStreamChain(events);
      if (broken) return { ok: false, streamsChecked: streams.length, eventsChecked, firstBroken: broken };
    }
    return { ok: true, streamsChecked: streams.length, eventsChecked, firstBroken: null };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The version the server reports through its ServerFeatures service (for benchmarks and health). */
  async serverVersion(): Promise<string> {
    // The client keeps the server's features behind a protected getter; it asks the server once.
    const features = await (this.client as unknown as { capabilities: Promise<{ serverVersion: string }> }).capabilities;
    return features.serverVersion;
  }

  private async write(streamId: string, events: PreparedEvent[], head: StreamHead | null): Promise<AppendResult> {
    const recordedAt = new Date();
    let prevHash = head?.hash ?? GENESIS_HASH;
    const firstVersion = (head?.version ?? 0) + 1;
    const proposed = events.map((event, index) => {
      const streamVersion = firstVersion + index;
      const metadata = completeMetadata(event, recordedAt);
      const hash = computeEventHash(prevHash, { ...event, metadata, streamId, streamVersion });
      const chain = { streamVersion, prevHash, hash };
      prevHash = hash;
      return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: metadataEnvelope(metadata, chain) });
    });
    const result = await this.client.appendToStream(this.streamPrefix + streamId, proposed, {
      expectedRevision: head ? BigInt(head.version - 1) : NO_STREAM,
    });
    // One event: the append reports its position. Several, or an append the server found to be a
    // retry (it then reports no position): read the positions back.
    const positions =
      events.length === 1 && result.position
        ? [toCheckpoint(result.position, `event ${events[0]!.eventId}`)]
        : await this.positionsOf(streamId, firstVersion, events);
    return {
      streamId,
      nextExpectedVersion: firstVersion + events.length - 1,
      events: events.map((event, index) => ({
        eventId: event.eventId,
        streamVersion: firstVersion + index,
        globalPosition: positions[index]!,
      })),
    };
  }

  private async positionsOf(streamId: string, firstVersion: number, events: PreparedEvent[]): Promise<number[]> {
    const stored = await this.readStream(streamId, { fromVersion: firstVersion, limit: events.length });
    return events.map((event, index) => {
      if (stored[index]?.eventId !== event.eventId) {
        throw new Error(`Stream ${streamId}: version ${firstVersion + index} is not event ${event.eventId}`);
      }
      return stored[index].globalPosition;
    });
  }

  /**
   * A retry: the batch is already stored in this stream (found by the first id that is). Same ids
   * and content → the original positions; a different content or a different batch → conflict.
   */
  private async findOriginal(streamId: string, events: PreparedEvent[]): Promise<AppendResult | null> {
    const located = await this.locateAny(streamId, events);
    if (!located) return null;
    const firstVersion = located.version - located.index;
    const stored = firstVersion < 1 ? [] : await this.readStream(streamId, { fromVersion: firstVersion, limit: events.length });
    events.forEach((event, index) => {
      const original = stored[index];
      if (original?.eventId !== event.eventId) {
        throw new DuplicateEventIdConflictError(located.eventId, 'it was stored by an append with other events');
      }
      const conflict = retryConflict(original, streamId, event);
      if (conflict) throw new DuplicateEventIdConflictError(event.eventId, conflict);
    });
    return {
      streamId,
      nextExpectedVersion: stored[stored.length - 1]!.streamVersion,
      events: stored.map(({ eventId, streamVersion, globalPosition }) => ({ eventId, streamVersion, globalPosition })),
    };
  }

  /**
   * The newest event of the stream whose id the batch carries, scanning from the end. Generated ids
   * count too: they are this append's own, so finding one means an earlier attempt landed.
   */
  private async locateAny(streamId: string, events: PreparedEvent[]) {
    let fromVersion: number | undefined;
    for (;;) {
      const page = await this.readStreamOrEmpty(streamId, { direction: 'backward', fromVersion, limit: this.pageSize });
      for (const stored of page) {
        const index = events.findIndex((event) => event.eventId === stored.eventId);
        if (index >= 0) return { eventId: stored.eventId, version: stored.streamVersion, index };
      }
      const oldest = page[page.length - 1];
      if (page.length < this.pageSize || !oldest || oldest.streamVersion <= 1) return null;
      fromVersion = oldest.streamVersion - 1;
    }
  }

  private isLedgerEvent(resolved: ResolvedEvent): boolean {
    return !isSystemEvent(resolved) && resolved.event!.streamId.startsWith(this.streamPrefix);
  }

  private async readHead(streamId: string): Promise<StreamHead | null> {
    const [last] = await this.readStreamOrEmpty(streamId, { direction: 'backward', limit: 1 });
    return last ? { version: last.streamVersion, hash: last.hash } : null;
  }

  private async readStreamOrEmpty(streamId: string, options: ReadStreamOptions): Promise<StoredEvent[]> {
    try {
      return await this.readStream(streamId, options);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async readAllPage(
    fromPosition: typeof START | typeof END | { commit: bigint; prepare: bigint },
    direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS,
  ): Promise<ResolvedEvent[]> {
    const page: ResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition, direction, maxCount: this.pageSize })) {
      page.push(resolved as ResolvedEvent);
    }
    return page;
  }

  /** Every ledger stream, in the order of its first event. */
  private async streamIds(): Promise<string[]> {
    const seen = new Set<string>();
    let after = 0;
    for (;;) {
      const page = await this.readAll({ after, limit: this.pageSize });
      for (const event of page) seen.add(event.streamId);
      if (page.length < this.pageSize) return [...seen];
      after = page[page.length - 1]!.globalPosition;
    }
  }
}

type NewEventList = Parameters<EventStore['appendToStream']>[1];

/** Names EventStoreDB reserves: `$` streams and types are the server's; claim streams are the adapter's. */
function checkServerNames(streamId: string, events: PreparedEvent[]): void {
  if (streamId.startsWith('$') || streamId.startsWith(CLAIM_STREAM_PREFIX)) {
    throw new InvalidAppendError('streamId', `must not start with '$' or '${CLAIM_STREAM_PREFIX}' (reserved on EventStoreDB)`);
  }
  events.forEach((event, index) => {
    if (event.type.startsWith('$')) {
      throw new InvalidAppendError(`events[${index}].type`, "must not start with '$' (reserved on EventStoreDB)");
    }
  });
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, head: StreamHead | null): void {
  const actual = head?.version ?? 0;
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!holds) throw new WrongExpectedVersionError(streamId, expected, head ? head.version : 'no_stream');
}

/** The client's wrong-expected-version error (server revisions) as the port's (versions). */
function toPortConflict(error: unknown, streamId: string, expected: ExpectedVersion): WrongExpectedVersionError {
  const actual = (error as { actualVersion?: bigint | 'no_stream' }).actualVersion;
  return new WrongExpectedVersionError(streamId, expected, typeof actual === 'bigint' ? Number(actual) + 1 : 'no_stream');
}

function isWrongExpectedVersion(error: unknown): boolean {
  return (error as { type?: string }).type === ErrorType.WRONG_EXPECTED_VERSION;
}

/** Errors after which the server (or another node) can be asked again. */
function isTransient(error: unknown): boolean {
  const type = (error as { type?: string }).type;
  return (
    type === ErrorType.UNAVAILABLE ||
    type === ErrorType.NOT_LEADER ||
    type === ErrorType.CANCELLED ||
    type === ErrorType.DEADLINE_EXCEEDED
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A short, growing, jittered pause before another attempt, so contending writers spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(2 ** attempt, 50);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
