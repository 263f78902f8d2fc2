/**
 * The EventStore port: what every adapter (PostgreSQL over pg or PGlite, EventStoreDB) offers.
 *
 * Versions: the first event of a stream has `streamVersion` 1. `expectedVersion: N` means
 * "the stream's last event has version N"; `0` means the stream has no events (same as `no_stream`).
 * Positions: `globalPosition` grows in commit order; a checkpoint is the `globalPosition` of the
 * last event a reader has seen. Readers never see a position before all lower ones are readable.
 */

export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

/** Who acted: the API key id and its role (or a system actor such as the CLI). */
export interface Actor {
  keyId: string;
  role: string;
  processorId?: string | null;
}

export interface EventMetadata {
  /** When it happened in the world, given by the source (ISO-8601). */
  occurredAt: string;
  /** When the ledger stored it (ISO-8601), set by the store. */
  recordedAt: string;
  actor: Actor | null;
  correlationId: string | null;
  causationId: string | null;
  schemaVersion: number;
  [key: string]: unknown;
}

/** An event as a caller hands it to `appendToStream`. */
export interface NewEvent {
  /** A UUID; generated when absent. Retrying with the same id never stores a duplicate. */
  eventId?: string;
  type: string;
  data: Record<string, unknown>;
  /** `recordedAt` is always set by the store; `occurredAt` defaults to now. */
  metadata?: NewEventMetadata;
}

export interface NewEventMetadata {
  occurredAt?: string;
  actor?: Actor | null;
  correlationId?: string | null;
  causationId?: string | null;
  schemaVersion?: number;
  [key: string]: unknown;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  /** Hash of the previous event of the same stream (GENESIS_HASH for the first). */
  prevHash: string;
  /** SHA-256(prevHash + canonical JSON of the event), hex. */
  hash: string;
}

export interface AppendedEventPosition {
  eventId: string;
  streamVersion: number;
  globalPosition: number;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (the version of its last event). */
  nextExpectedVersion: number;
  events: AppendedEventPosition[];
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** Forward: the first version to return. Backward: the highest version to return. */
  fromVersion?: number;
  direction?: 'forward' | 'backward';
  limit?: number;
}

export interface ReadAllOptions {
  /** Return events with a globalPosition strictly greater than this checkpoint. */
  after?: number;
  limit: number;
}

export interface SubscribeOptions {
  /** Deliver everything after this checkpoint, then follow new events. */
  after?: number;
  /** Stop the subscription. */
  signal?: AbortSignal;
  /** How many events to fetch per read while catching up. */
  batchSize?: number;
}

export interface BrokenLink {
  streamId: string;
  streamVersion: number;
  reason: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'VERSION_GAP';
  expected: string;
  actual: string;
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** The first broken link found, by stream and version. */
  firstBroken: BrokenLink | null;
}

export type StoreKind = 'pglite' | 'postgres' | 'eventstoredb';

export interface EventStore {
  readonly kind: StoreKind;
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Events in global order, after a checkpoint. Never skips an event that commits late. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** Everything after the checkpoint, then new events as they commit, in global order. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<StoredEvent>;
  /** The globalPosition of the last readable event (0 when empty). */
  headPosition(): Promise<number>;
  /** Recompute every stream's hash chain and report the first broken link. */
  verify(): Promise<VerifyReport>;
  close(): Promise<void>;
}
