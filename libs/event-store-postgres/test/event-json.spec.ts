import { canonicalJson, computeEventHash, prepareAppend as checkAppend } from '@calltrail/event-store';
import { describe, expect, it } from 'vitest';
import { hashAt, prepareAppend } from '../src/append-request';

// Plain JSON values whose canonical JSON is easy to get wrong (the port's json-text.spec.ts has more).
const awkwardValues: unknown[] = [
  null,
  true,
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
  { b: 1, a: 2, B: 3, _: 4, '10': 5, '9': 6, é: 7, e: 8, '😀': 9, '\uffff': 10 },
  { nested: { z: [], y: {}, x: [{ d: null, c: false }] } },
  { list: [{ b: 1, '0': 'index key', a: 2 }], after: { d: 1, c: 2 } },
  JSON.parse('{"z":1,"__proto__":{"b":1,"a":2},"a":3}'),
  { '4294967295': 'not an array index', '4294967294': 'the largest one', x: 1 },
];

describe('event JSON', () => {
  it('hashAt gives exactly the port computeEventHash, and the stored text is the canonical data and metadata', () => {
    const newEvents = awkwardValues.map((value, index) => ({
      type: index % 2 === 0 ? 'Dialled' : 'type with "quotes"',
      data: { value, index },
      metadata: { occurredAt: '2026-01-02T03:04:05.000Z', free: value, actor: { role: 'dialer', keyId: 'k' } },
    }));
    const recordedAt = new Date('2026-02-03T04:05:06.007Z');
    const request = prepareAppend('stream "ü"', newEvents, 'any', recordedAt);
    const checked = checkAppend('stream "ü"', newEvents, 'any');
    request.events.forEach((event, index) => {
      expect(event.json.data).toBe(canonicalJson(checked.events[index]!.data));
      expect(event.json.metadata).toBe(canonicalJson(event.storedMetadata));
      for (const streamVersion of [1, 9, 10, 123_456]) {
        expect(hashAt(event, 'ab'.repeat(32), streamVersion)).toBe(
          computeEventHash('ab'.repeat(32), {
            eventId: event.eventId,
            type: event.type,
            data: event.data,
            metadata: event.storedMetadata,
            streamId: 'stream "ü"',
            streamVersion,
          }),
        );
      }
    });
  });
});
