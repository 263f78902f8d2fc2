import { describe, expect, it } from 'vitest';
import { canonicalJson, computeEventHash, eventHasher, GENESIS_HASH, verifyStreamChain } from './hash';
import type { StoredEvent } from './port';

const metadata = {
  occurredAt: '2026-01-02T03:04:05.000Z',
  recordedAt: '2026-01-02T03:04:06.000Z',
  actor: { keyId: 'k', role: 'dialer' },
  correlationId: null,
  causationId: null,
  schemaVersion: 1,
  zeta: 'free key after type',
};

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version += 1) {
    const body = { eventId: `00000000-0000-4000-8000-00000000000${version}`, type: 'T', data: { version }, metadata };
    const hash = computeEventHash(prevHash, { ...body, streamId: 's', streamVersion: version });
    events.push({ ...body, streamId: 's', streamVersion: version, globalPosition: version, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('hashing', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('eventHasher gives exactly computeEventHash, whatever the version and the content', () => {
    const cases = [
      { eventId: 'e1', type: 'ContactRegistered', data: { z: 1, a: 'ü "quoted"' }, metadata, streamId: 'contact-1' },
      { eventId: 'e2', type: 'zzz', data: {}, metadata: { ...metadata, type: 'a metadata key named type' }, streamId: 'a' },
    ];
    for (const event of cases) {
      for (const streamVersion of [1, 9, 10, 123_456]) {
        expect(eventHasher(event)('ab'.repeat(32), streamVersion)).toBe(
          computeEventHash('ab'.repeat(32), { ...event, streamVersion }),
        );
      }
    }
  });

  it('verifyStreamChain finds the first broken link, also from a given start', () => {
    const events = chain(4);
    expect(verifyStreamChain(events)).toBeNull();
    expect(verifyStreamChain(events.slice(2), { prevHash: events[1]!.hash, streamVersion: 3 })).toBeNull();
    const tampered = events.map((event) => (event.streamVersion === 3 ? { ...event, data: { version: 99 } } : event));
    expect(verifyStreamChain(tampered)).toMatchObject({ streamVersion: 3, reason: 'HASH_MISMATCH' });
    expect(verifyStreamChain([events[0]!, events[2]!])).toMatchObject({ streamVersion: 3, reason: 'VERSION_GAP' });
  });
});
