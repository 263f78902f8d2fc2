/**
 * RFC 8785 canonical JSON of a value that is plain JSON already, checked in the same walk: plain
 * objects (prototype Object or null), dense arrays, strings, finite numbers, booleans and null.
 * The walk copies the value with every object's keys in sorted order (UTF-16 code units, as
 * `canonicalJson`) and `JSON.stringify` writes the copy, so the text is exactly `canonicalJson`'s,
 * and flat (text built piece by piece costs again when the driver encodes it).
 *
 * Gives `undefined` when it cannot: for anything that is not plain JSON (undefined, a function, a
 * Date or another object with `toJSON`, NaN, Infinity, a BigInt, a hole in an array, nesting
 * deeper than MAX_DEPTH, which includes cycles), and for an object with a key a copy cannot keep in
 * order (JavaScript enumerates array-index keys such as "7" first, and setting "__proto__" on a
 * copy makes no key). The caller then takes the JSON round trip, which decides what such a value
 * becomes or which error it is, and `canonicalJson`.
 */
export function canonicalJsonOfPlainJson(value: unknown): string | undefined {
  const ordered = inCanonicalOrder(value, 0);
  return ordered === CANNOT ? undefined : JSON.stringify(ordered);
}

/** What `inCanonicalOrder` gives when it cannot copy a value (see `canonicalJsonOfPlainJson`). */
export const CANNOT = Symbol('not plain JSON, or a key a copy cannot keep in order');
/** Keys a copy cannot keep in order. */
export const ARRAY_INDEX_OR_PROTO = /^(?:0|[1-9][0-9]*|__proto__)$/;
const MAX_DEPTH = 64;

/** A copy of plain JSON with every object's keys in canonical order, or CANNOT. */
export function inCanonicalOrder(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : CANNOT;
    case 'object':
      if (value === null) return null;
      if (depth >= MAX_DEPTH) return CANNOT;
      return Array.isArray(value) ? arrayCopy(value, depth + 1) : objectCopy(value, depth + 1);
    default:
      return CANNOT;
  }
}

function arrayCopy(items: unknown[], depth: number): unknown[] | typeof CANNOT {
  const copy = new Array<unknown>(items.length);
  for (let index = 0; index < items.length; index += 1) {
    // A hole reads as undefined, which is not plain JSON.
    const item = inCanonicalOrder(items[index], depth);
    if (item === CANNOT) return CANNOT;
    copy[index] = item;
  }
  return copy;
}

function objectCopy(object: object, depth: number): Record<string, unknown> | typeof CANNOT {
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return CANNOT;
  const record = object as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (ARRAY_INDEX_OR_PROTO.test(key)) return CANNOT;
    const member = inCanonicalOrder(record[key], depth);
    if (member === CANNOT) return CANNOT;
    copy[key] = member;
  }
  return copy;
}
