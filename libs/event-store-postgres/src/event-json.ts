import { canonicalJson, type EventMetadata } from '@calltrail/event-store';

/**
 * RFC 8785 canonical JSON of a JSON value (plain objects, arrays, strings, finite numbers,
 * booleans, null), such as the port's `prepareAppend` leaves data and metadata. Gives exactly the
 * port's `canonicalJson` for such values (test/event-json.spec.ts checks both), several times
 * faster: the value is copied with every object's keys in sorted order and `JSON.stringify`
 * writes the copy. JavaScript enumerates array-index keys ("7") first, in numeric order, whatever
 * the order they were set in, and setting "__proto__" on a copy would not make a key: a value
 * holding either is left to `canonicalJson`.
 */
export function canonicalJsonOfJsonValue(value: unknown): string {
  const ordered = inCanonicalOrder(value);
  return ordered === UNCOPYABLE ? canonicalJson(value) : JSON.stringify(ordered);
}

const UNCOPYABLE = Symbol('has a key a copy cannot keep in order');
const ARRAY_INDEX_OR_PROTO = /^(?:0|[1-9][0-9]*|__proto__)$/;

function inCanonicalOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(inCanonicalOrder);
    return items.includes(UNCOPYABLE) ? UNCOPYABLE : items;
  }
  const object = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) {
    if (ARRAY_INDEX_OR_PROTO.test(key)) return UNCOPYABLE;
    const member = inCanonicalOrder(object[key]);
    if (member === UNCOPYABLE) return UNCOPYABLE;
    ordered[key] = member;
  }
  return ordered;
}

/**
 * The canonical JSON of an event is `{"data":…,"eventId":…,"metadata":…,"streamId":…,
 * "streamVersion":…,"type":…}` (keys sorted). Everything but the version is known when an append
 * is queued: this is the text before and after the version, and the canonical data and metadata,
 * which are also the text the events table stores (jsonb does not keep key order anyway).
 */
export interface EventJson {
  data: string;
  metadata: string;
  beforeVersion: string;
  afterVersion: string;
}

export function eventJson(event: {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  streamId: string;
}): EventJson {
  const data = canonicalJsonOfJsonValue(event.data);
  const metadata = canonicalJsonOfJsonValue(event.metadata);
  return {
    data,
    metadata,
    beforeVersion: `{"data":${data},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadata},"streamId":${JSON.stringify(event.streamId)},"streamVersion":`,
    afterVersion: `,"type":${JSON.stringify(event.type)}}`,
  };
}
