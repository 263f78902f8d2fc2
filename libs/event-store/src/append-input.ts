/**
 * Input checks every adapter applies before an append: bad input fails with INVALID_APPEND naming
 * the field and the rule, and nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './errors';
import type { ExpectedVersion, NewEvent } from './port';

/** An event checked and normalised: a lower-case UUID, JSON-clean data and metadata. */
export interface PreparedEvent extends NewEvent {
  eventId: string;
  /** True when the caller gave the id (only such ids can already be stored). */
  idGiven: boolean;
}

export interface AppendRequest {
  streamId: string;
  events: PreparedEvent[];
  expectedVersion: ExpectedVersion;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 500;
const MAX_EVENTS_PER_APPEND = 10_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A JSON round trip: what jsonb will store is exactly what gets hashed. */
function jsonClean(field: string, value: Record<string, unknown>): Record<string, unknown> {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(field, `must be serialisable as JSON (${(error as Error).message})`);
  }
  // jsonb cannot hold U+0000; refuse it here instead of failing the whole group commit.
  if (text.includes('\\u0000')) throw new InvalidAppendError(field, 'must not contain the character U+0000');
  return JSON.parse(text) as Record<string, unknown>;
}

function checkStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError('streamId', 'must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH || streamId.includes('\u0000')) {
    throw new InvalidAppendError('streamId', `must be at most ${MAX_STREAM_ID_LENGTH} characters, without U+0000`);
  }
  return streamId;
}

function checkExpectedVersion(expected: unknown): ExpectedVersion {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidAppendError(
    'expectedVersion',
    "must be 'no_stream', 'stream_exists', 'any' or a version (an integer ≥ 0)",
  );
}

function prepareEvent(event: NewEvent, index: number): PreparedEvent {
  const field = `events[${index}]`;
  if (!isPlainObject(event)) throw new InvalidAppendError(field, 'must be an object');
  if (event.eventId !== undefined && (typeof event.eventId !== 'string' || !UUID.test(event.eventId))) {
    throw new InvalidAppendError(`${field}.eventId`, 'must be a UUID');
  }
  if (typeof event.type !== 'string' || event.type.trim().length === 0) {
    throw new InvalidAppendError(`${field}.type`, 'must be a non-empty string');
  }
  if (!isPlainObject(event.data)) throw new InvalidAppendError(`${field}.data`, 'must be a JSON object');
  if (event.metadata !== undefined && !isPlainObject(event.metadata)) {
    throw new InvalidAppendError(`${field}.metadata`, 'must be a JSON object');
  }
  return {
    eventId: event.eventId?.toLowerCase() ?? randomUUID(),
    idGiven: event.eventId !== undefined,
    type: event.type,
    data: jsonClean(`${field}.data`, event.data),
    ...(event.metadata === undefined ? {} : { metadata: jsonClean(`${field}.metadata`, event.metadata) }),
  };
}

/** Checks an append before it is queued: bad input fails alone, with the field and the rule. */
export function prepareAppend(streamId: unknown, events: unknown, expectedVersion: unknown): AppendRequest {
  const checkedStreamId = checkStreamId(streamId);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError('events', `must hold at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const prepared = events.map((event, index) => prepareEvent(event as NewEvent, index));
  const seen = new Set<string>();
  prepared.forEach((event, index) => {
    if (seen.has(event.eventId)) throw new InvalidAppendError(`events[${index}].eventId`, 'must be unique within one append');
    seen.add(event.eventId);
  });
  return { streamId: checkedStreamId, events: prepared, expectedVersion: checkExpectedVersion(expectedVersion) };
}
