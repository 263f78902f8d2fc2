/**
 * Input checks every adapter applies before an append: bad input fails with INVALID_APPEND naming
 * the field and the rule, and nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './errors';
import { canonicalJson } from './hash';
import { ARRAY_INDEX_OR_PROTO, CANNOT, canonicalJsonOfPlainJson, inCanonicalOrder } from './json-text';
import { completeMetadata, metadataDefaults } from './metadata';
import type { EventMetadata, ExpectedVersion, NewEvent } from './port';

/**
 * An event checked and normalised: a lower-case UUID, JSON-clean data and metadata. Data and
 * metadata that are plain JSON already are the caller's own objects, not copies.
 */
export interface PreparedEvent extends NewEvent {
  eventId: string;
  /** True when the caller gave the id (only such ids can already be stored). */
  idGiven: boolean;
  /** `canonicalJson(data)`, made by the check itself. */
  dataJson: string;
}

/** A prepared event with the metadata a store records: completed (`completeMetadata`) and its canonical JSON. */
export interface RecordedEvent extends PreparedEvent {
  storedMetadata: EventMetadata;
  /** `canonicalJson(storedMetadata)`. */
  storedMetadataJson: string;
}

export interface AppendRequest<Event extends PreparedEvent = PreparedEvent> {
  streamId: string;
  events: Event[];
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

/** A JSON value checked: itself when it is plain JSON (or its JSON round trip otherwise) and its canonical JSON. */
interface CleanJson {
  value: Record<string, unknown>;
  text: string;
}

/**
 * What jsonb will store is exactly what gets hashed. Plain JSON (the usual case) is checked and
 * written in one walk; anything else takes a JSON round trip, which decides what it becomes
 * (a Date its ISO text, an undefined member nothing) or which error it is.
 */
function jsonClean(field: string, value: Record<string, unknown>): CleanJson {
  const text = canonicalJsonOfPlainJson(value);
  if (text !== undefined) return { value, text: refuseNul(field, text) };
  const copy = jsonRoundTrip(field, value);
  return { value: copy, text: canonicalTextOf(copy) };
}

/** Canonical JSON of a value known to be JSON (the walk gives up only past its depth limit). */
function canonicalTextOf(value: Record<string, unknown>): string {
  return canonicalJsonOfPlainJson(value) ?? canonicalJson(value);
}

function jsonRoundTrip(field: string, value: Record<string, unknown>): Record<string, unknown> {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(field, `must be serialisable as JSON (${(error as Error).message})`);
  }
  return JSON.parse(refuseNul(field, text)) as Record<string, unknown>;
}

/** jsonb cannot hold U+0000; refuse it here instead of failing the whole group commit. */
function refuseNul(field: string, jsonText: string): string {
  if (jsonText.includes('\\u0000')) throw new InvalidAppendError(field, 'must not contain the character U+0000');
  return jsonText;
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

/** The checks of one event's shape, before its data and metadata are walked. */
function checkEventShape(event: NewEvent, field: string): void {
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
}

function preparedEvent(event: NewEvent, data: CleanJson): PreparedEvent {
  return {
    eventId: event.eventId?.toLowerCase() ?? randomUUID(),
    idGiven: event.eventId !== undefined,
    type: event.type,
    data: data.value,
    dataJson: data.text,
  };
}

function prepareEvent(event: NewEvent, index: number): PreparedEvent {
  const field = `events[${index}]`;
  checkEventShape(event, field);
  const prepared = preparedEvent(event, jsonClean(`${field}.data`, event.data));
  if (event.metadata !== undefined) prepared.metadata = jsonClean(`${field}.metadata`, event.metadata).value;
  return prepared;
}

function prepareRecordedEvent(event: NewEvent, index: number, recordedAt: string): RecordedEvent {
  const field = `events[${index}]`;
  checkEventShape(event, field);
  const prepared = preparedEvent(event, jsonClean(`${field}.data`, event.data)) as RecordedEvent;
  const metadata = recordedMetadata(`${field}.metadata`, event.metadata ?? {}, recordedAt);
  if (event.metadata !== undefined) prepared.metadata = metadata.given;
  prepared.storedMetadata = metadata.stored;
  prepared.storedMetadataJson = metadata.text;
  return prepared;
}

/**
 * The caller's metadata completed, checked and written in one walk. The completion overwrites
 * `recordedAt`, so metadata that gives one (whatever it holds) is cleaned first, as is anything
 * that is not plain JSON: the same errors and the same result as cleaning and then completing.
 */
function recordedMetadata(
  field: string,
  given: Record<string, unknown>,
  recordedAt: string,
): { given: Record<string, unknown>; stored: EventMetadata; text: string } {
  if (!('recordedAt' in given)) {
    const stored = completedInCanonicalOrder(given, recordedAt);
    if (stored !== undefined) return { given, stored, text: refuseNul(field, JSON.stringify(stored)) };
  }
  const clean = jsonClean(field, given).value;
  const stored = completeMetadata({ type: '', data: {}, metadata: clean }, recordedAt);
  return { given: clean, stored, text: canonicalTextOf(stored as Record<string, unknown>) };
}

/**
 * `completeMetadata(given, recordedAt)` copied in canonical key order (as `canonicalJsonOfPlainJson`
 * copies), in one walk; undefined when the walk cannot copy it.
 */
function completedInCanonicalOrder(given: Record<string, unknown>, recordedAt: string): EventMetadata | undefined {
  const completed: Record<string, unknown> = metadataDefaults(given, recordedAt);
  const keys = Object.keys(given);
  for (const key of Object.keys(completed)) if (!keys.includes(key)) keys.push(key);
  const copy: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    if (ARRAY_INDEX_OR_PROTO.test(key)) return undefined;
    const member = inCanonicalOrder(Object.hasOwn(completed, key) ? completed[key] : given[key], 1);
    if (member === CANNOT) return undefined;
    copy[key] = member;
  }
  return copy as EventMetadata;
}

/** Checks an append before it is queued: bad input fails alone, with the field and the rule. */
export function prepareAppend(streamId: unknown, events: unknown, expectedVersion: unknown): AppendRequest {
  return prepareWith(streamId, events, expectedVersion, prepareEvent);
}

/**
 * `prepareAppend` for a store that records the metadata when it accepts the append: every
 * event's metadata is completed with `recordedAt` (the store's clock), and the canonical JSON of
 * its data and of that metadata is made by the checks themselves.
 */
export function prepareRecordedAppend(
  streamId: unknown,
  events: unknown,
  expectedVersion: unknown,
  recordedAt: Date,
): AppendRequest<RecordedEvent> {
  const recordedAtText = recordedAt.toISOString();
  return prepareWith(streamId, events, expectedVersion, (event, index) => prepareRecordedEvent(event, index, recordedAtText));
}

function prepareWith<Event extends PreparedEvent>(
  streamId: unknown,
  events: unknown,
  expectedVersion: unknown,
  prepare: (event: NewEvent, index: number) => Event,
): AppendRequest<Event> {
  const checkedStreamId = checkStreamId(streamId);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError('events', `must hold at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const prepared = events.map((event, index) => prepare(event as NewEvent, index));
  const seen = new Set<string>();
  prepared.forEach((event, index) => {
    if (seen.has(event.eventId)) throw new InvalidAppendError(`events[${index}].eventId`, 'must be unique within one append');
    seen.add(event.eventId);
  });
  return { streamId: checkedStreamId, events: prepared, expectedVersion: checkExpectedVersion(expectedVersion) };
}
