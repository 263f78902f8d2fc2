/**
 * How a calltrail event sits in EventStoreDB.
 *
 * - `data`: the event's data, JSON.
 * - custom `metadata`: an envelope `{ metadata, chain, $correlationId?, $causationId? }`:
 *   `metadata` is the port's EventMetadata (with `recordedAt`), `chain` the tamper-evidence link
 *   (`streamVersion`, `prevHash`, `hash`); `$correlationId`/`$causationId` are the keys
 *   EventStoreDB's own projections and UI understand.
 * - The stream version is the server's revision + 1 (the port counts from 1, the server from 0).
 * - The global position is the event's commit position in the log (see `toCheckpoint`).
 */
import type { ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, StoredEvent } from '@calltrail/event-store';

export interface ChainLink {
  streamVersion: number;
  prevHash: string;
  hash: string;
}

export interface StoredMetadataEnvelope {
  metadata: EventMetadata;
  chain: ChainLink;
  $correlationId?: string;
  $causationId?: string;
}

export function metadataEnvelope(metadata: EventMetadata, chain: ChainLink): StoredMetadataEnvelope {
  return {
    metadata,
    chain,
    ...(metadata.correlationId ? { $correlationId: metadata.correlationId } : {}),
    ...(metadata.causationId ? { $causationId: metadata.causationId } : {}),
  };
}

/**
 * Checkpoints are numbers: the commit position of an event in the server's transaction log.
 * Positions are compared as numbers, which is exact below 2^53 bytes of log (8 PiB).
 */
export function toCheckpoint(position: { commit: bigint } | undefined, what: string): number {
  if (position === undefined || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB reported no usable log position for ${what}`);
  }
  return Number(position.commit);
}

export function fromCheckpoint(checkpoint: number): { commit: bigint; prepare: bigint } {
  const position = BigInt(checkpoint);
  return { commit: position, prepare: position };
}

/** System events (`$`-prefixed streams or types) are the server's own, never the ledger's. */
export function isSystemEvent(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return !event || event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** A recorded event as the port's StoredEvent. An event without a chain gets empty hashes, which verify() reports. */
export function toStoredEvent(resolved: ResolvedEvent, streamPrefix: string): StoredEvent {
  const event = resolved.event!;
  const envelope = (event.isJson ? event.metadata : undefined) as Partial<StoredMetadataEnvelope> | undefined;
  return {
    eventId: event.id,
    type: event.type,
    data: (event.isJson ? event.data : {}) as Record<string, unknown>,
    metadata: envelope?.metadata ?? ({} as EventMetadata),
    streamId: event.streamId.slice(streamPrefix.length),
    streamVersion: Number(event.revision) + 1,
    globalPosition: toCheckpoint(event.position, `event ${event.id}`),
    prevHash: envelope?.chain?.prevHash ?? '',
    hash: envelope?.chain?.hash ?? '',
  };
}
