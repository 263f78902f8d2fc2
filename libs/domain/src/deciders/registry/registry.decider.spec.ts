import { describe, expect, it } from 'vitest';
import { expectRefusal, given } from '../decider-testing';
import type { ImportDncSnapshot } from './registry.commands';
import { registryDecider } from './registry.decider';

const context = { now: new Date('2026-04-10T12:00:00.000Z') };
const snapshot: ImportDncSnapshot = {
  type: 'ImportDncSnapshot',
  registry: 'BE_DNCM',
  version: '2026-04-08',
  takenAt: '2026-04-08T02:00:00Z',
  count: 1_900_000,
  digest: 'ab'.repeat(32),
};

describe('registry decider', () => {
  it('imports a snapshot: its count and digest, never its numbers', () => {
    expect(given(registryDecider, []).when(snapshot, context)).toEqual([
      {
        type: 'DncSnapshotImported',
        data: { registry: 'BE_DNCM', version: '2026-04-08', takenAt: '2026-04-08T02:00:00.000Z', count: 1_900_000, digest: 'ab'.repeat(32) },
      },
    ]);
  });

  it.each([
    ['the same version twice', { ...snapshot }, 'DUPLICATE_ID', 'version'],
    ['another registry on this stream', { ...snapshot, registry: 'FR_BLOCTEL' as const, version: 'v2' }, 'INVALID_FIELD', 'registry'],
    ['a digest that is not SHA-256 hex', { ...snapshot, version: 'v3', digest: 'abc' }, 'INVALID_FIELD', 'digest'],
    ['a snapshot taken in the future', { ...snapshot, version: 'v4', takenAt: '2026-05-01T00:00:00Z' }, 'OCCURRED_IN_FUTURE', 'takenAt'],
  ])('refuses %s', (_name, command, code, field) => {
    const history = registryDecider.decide(snapshot, registryDecider.initialState, context);
    expectRefusal(given(registryDecider, history).refuses(command, context), code as never, field);
  });
});
