import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { BrokenLink, NewEvent, StoredEvent } from './port';

/** The prevHash of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything but the hashes and the global position (assigned at commit). */
type HashedFields = Pick<StoredEvent, 'eventId' | 'type' | 'data' | 'metadata' | 'streamId' | 'streamVersion'>;

/** RFC 8785 canonical JSON: the same event always gives the same bytes, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value cannot be represented as canonical JSON');
  return text;
}

/** hash = SHA-256(prevHash + canonical JSON of the event), hex. */
export function computeEventHash(prevHash: string, event: HashedFields): string {
  const { eventId, type, data, metadata, streamId, streamVersion } = event;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ eventId, type, data, metadata, streamId, streamVersion }))
    .digest('hex');
}

/** Where a chain (or a segment of it) starts: the hash before it and the version it must begin at. */
export interface ChainStart {
  prevHash: string;
  streamVersion: number;
}

/**
 * `computeEventHash` split in two for a store that learns an event's version and predecessor
 * last (at commit): the canonical JSON is made once, up front, and the returned function only
 * splices in the version and hashes. Gives exactly `computeEventHash(prevHash, { ...event, streamVersion })`.
 */
export function eventHasher(
  event: Omit<HashedFields, 'streamVersion'>,
): (prevHash: string, streamVersion: number) => string {
  const { eventId, type, data, metadata, streamId } = event;
  // streamVersion and type are the last two keys in canonical (sorted) order.
  const text = canonicalJson({ eventId, type, data, metadata, streamId, streamVersion: 0 });
  const tail = `,"type":${canonicalJson(type)}}`;
  const placeholder = `"streamVersion":0${tail}`;
  if (!text.endsWith(placeholder)) throw new Error('Unexpected canonical JSON layout of an event');
  const head = text.slice(0, text.length - placeholder.length) + '"streamVersion":';
  return (prevHash, streamVersion) =>
    createHash('sha256').update(prevHash).update(head).update(canonicalJson(streamVersion)).update(tail).digest('hex');
}

/**
 * Walks one stream's events (in version order, from version 1) and returns the first broken
 * link, or null when the chain holds. `start` lets a caller check a long stream segment by
 * segment: pass the last verified event's hash and the next version.
 */
export function verifyStreamChain(
  events: readonly StoredEvent[],
  start: ChainStart = { prevHash: GENESIS_HASH, streamVersion: 1 },
): BrokenLink | null {
  let prevHash = start.prevHash;
  let expectedVersion = start.streamVersion;
  for (const event of events) {
    const at = { streamId: event.streamId, streamVersion: event.streamVersion };
    if (event.streamVersion !== expectedVersion) {
      return { ...at, reason: 'VERSION_GAP', expected: String(expectedVersion), actual: String(event.streamVersion) };
    }
    if (event.prevHash !== prevHash) {
      return { ...at, reason: 'PREV_HASH_MISMATCH', expected: prevHash, actual: event.prevHash };
    }
    const recomputed = computeEventHash(prevHash, event);
    if (recomputed !== event.hash) {
      return { ...at, reason: 'HASH_MISMATCH', expected: recomputed, actual: event.hash };
    }
    prevHash = event.hash;
    expectedVersion += 1;
  }
  return null;
}

/**
 * For an idempotent retry: does `candidate` carry the same content as the stored event with the
 * same id? Compares the stream, the type, the data and every metadata key the caller supplied
 * (a retry that leaves `occurredAt` to its default is not a conflict). Returns what differs, or null.
 */
export function retryConflict(stored: StoredEvent, streamId: string, candidate: NewEvent): string | null {
  if (stored.streamId !== streamId) return `stream ${stored.streamId} ≠ ${streamId}`;
  if (stored.type !== candidate.type) return `type ${stored.type} ≠ ${candidate.type}`;
  if (canonicalJson(stored.data) !== canonicalJson(candidate.data)) return 'data differs';
  for (const [key, value] of Object.entries(candidate.metadata ?? {})) {
    if (value === undefined) continue;
    if (canonicalJson(stored.metadata[key] ?? null) !== canonicalJson(value)) return `metadata.${key} differs`;
  }
  return null;
}
