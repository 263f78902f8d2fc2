import { describe, expect, it } from 'vitest';
import { prepareAppend, prepareRecordedAppend } from './append-input';
import { canonicalJson } from './hash';
import { canonicalJsonOfPlainJson } from './json-text';
import { completeMetadata } from './metadata';

const plainValues: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1e21,
  1.5e-7,
  -123.456,
  Number.MAX_SAFE_INTEGER,
  '',
  'ü "quoted" \\ \n \u2028 \u0001 😀 \ud800',
  [],
  [1, 'two', null, [3, { b: 1, a: 2 }]],
  {},
  { b: 1, a: 2, B: 3, _: 4, é: 7, e: 8, '😀': 9, '\uffff': 10, '\ud800': 11, '01': 12, '-1': 13, '1.5': 14 },
  { nested: { z: [], y: {}, x: [{ d: null, c: false }] } },
  Object.assign(Object.create(null), { b: 1, a: [Object.assign(Object.create(null), { y: 1, x: 2 })] }),
];

/** Plain JSON with keys a sorted copy cannot keep in order: left to the round trip and canonicalJson. */
const plainValuesWithAwkwardKeys: unknown[] = [
  { b: 1, a: 2, '10': 5, '9': 6 },
  { list: [{ b: 1, '0': 'index key', a: 2 }], after: { d: 1, c: 2 } },
  JSON.parse('{"z":1,"__proto__":{"b":1,"a":2},"a":3}'),
  { '4294967295': 'not an array index', '4294967294': 'the largest one', x: 1 },
];

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = 0; level < depth; level += 1) value = { level: value };
  return value;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return 'nothing thrown';
}

class Money {
  constructor(readonly cents: number) {}
}

describe('canonicalJsonOfPlainJson', () => {
  it('gives exactly the canonicalJson of plain JSON values', () => {
    for (const value of plainValues) expect(canonicalJsonOfPlainJson(value)).toBe(canonicalJson(value));
  });

  it('gives up (undefined) on keys a copy cannot keep in order', () => {
    for (const value of plainValuesWithAwkwardKeys) expect(canonicalJsonOfPlainJson(value)).toBeUndefined();
  });

  it('gives up (undefined) on anything a JSON round trip would change or refuse', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const notPlain: unknown[] = [
      undefined,
      { a: undefined },
      [undefined],
      { f: () => 1 },
      { at: new Date(0) },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: 1n },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { money: new Money(1) },
      { s: Symbol('s') },
      cycle,
      nested(100),
    ];
    for (const value of notPlain) expect(canonicalJsonOfPlainJson(value)).toBeUndefined();
  });
});

describe('prepareAppend and prepareRecordedAppend', () => {
  const recordedAt = new Date('2026-02-03T04:05:06.007Z');

  it('keep the JSON round trip semantics for values that are not plain JSON', () => {
    const data = { at: new Date(0), gone: undefined, list: [undefined, Number.NaN], money: new Money(5), deep: nested(80) };
    const metadata = { occurredAt: undefined, when: new Date(1), actor: { keyId: 'k', role: 'dialer', gone: undefined } };
    const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const plain = prepareAppend('s', [{ type: 'T', data, metadata }], 'any').events[0]!;
    expect(plain.data).toEqual(clean(data));
    expect(plain.dataJson).toBe(canonicalJson(clean(data)));
    expect(plain.metadata).toEqual(clean(metadata));
    const recorded = prepareRecordedAppend('s', [{ type: 'T', data, metadata }], 'any', recordedAt).events[0]!;
    const stored = completeMetadata({ type: 'T', data: {}, metadata: clean(metadata) }, recordedAt);
    expect(recorded.dataJson).toBe(canonicalJson(clean(data)));
    expect(recorded.storedMetadata).toEqual(stored);
    expect(recorded.storedMetadataJson).toBe(canonicalJson(stored));
    expect(recorded.metadata).toEqual(clean(metadata));
  });

  it('write the canonical JSON of plain data and of the completed metadata', () => {
    const events = [...plainValues, ...plainValuesWithAwkwardKeys].map((value) => ({ type: 'T', data: { value }, metadata: { free: value, schemaVersion: 2 } }));
    const request = prepareRecordedAppend('s', events, 'any', recordedAt);
    request.events.forEach((event, index) => {
      expect(event.dataJson).toBe(canonicalJson(events[index]!.data));
      expect(event.storedMetadata).toEqual(completeMetadata(events[index]!, recordedAt));
      expect(event.storedMetadataJson).toBe(canonicalJson(completeMetadata(events[index]!, recordedAt)));
    });
    const bare = prepareRecordedAppend('s', [{ type: 'T', data: {} }], 'any', recordedAt).events[0]!;
    expect(bare.metadata).toBeUndefined();
    expect(bare.storedMetadataJson).toBe(canonicalJson(completeMetadata({ type: 'T', data: {} }, recordedAt)));
  });

  it('refuse what JSON cannot hold, naming the field, on both paths', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const cases: [unknown, string, RegExp][] = [
      [{ type: 'T', data: { n: 1n } }, 'events[0].data', /serialisable as JSON/],
      [{ type: 'T', data: cycle }, 'events[0].data', /serialisable as JSON/],
      [{ type: 'T', data: { text: 'a\u0000b' } }, 'events[0].data', /U\+0000/],
      [{ type: 'T', data: { at: new Date(0), text: 'a\u0000b' } }, 'events[0].data', /U\+0000/],
      [{ type: 'T', data: {}, metadata: { n: 1n } }, 'events[0].metadata', /serialisable as JSON/],
      [{ type: 'T', data: {}, metadata: { 'a\u0000': 1 } }, 'events[0].metadata', /U\+0000/],
      // The store overwrites recordedAt, but what the caller gave is still checked.
      [{ type: 'T', data: {}, metadata: { recordedAt: 1n } }, 'events[0].metadata', /serialisable as JSON/],
    ];
    for (const [event, field, message] of cases) {
      for (const prepare of [
        () => prepareAppend('s', [event], 'any'),
        () => prepareRecordedAppend('s', [event], 'any', recordedAt),
      ]) {
        expect(thrownBy(prepare)).toMatchObject({ code: 'INVALID_APPEND', field, message: expect.stringMatching(message) });
      }
    }
  });
});
