/**
 * The contract every EventStore adapter passes. It speaks only the port: an adapter's spec calls
 * `describeEventStoreContract('postgres', factory)` where the factory opens a fresh, empty store.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DuplicateEventIdConflictError,
  EventStoreError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors';
import { computeEventHash, GENESIS_HASH } from '../hash';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, StoredEvent } from '../port';

export interface EventStoreContractTarget {
  store: EventStore;
  /** Closes the store and releases whatever the factory created for it. */
  dispose(): Promise<void>;
}

/** Opens a fresh, empty store. Called before each test. */
export type EventStoreFactory = () => Promise<EventStoreContractTarget>;

function event(type: string, data: Record<string, unknown> = {}, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, ...extra };
}

function events(count: number, type = 'Counted'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => event(type, { n }));
}

async function failure(promise: Promise<unknown>): Promise<EventStoreError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof EventStoreError)) throw new Error(`expected an EventStoreError, got ${String(outcome)}`);
  return outcome;
}

async function collect(iterable: AsyncIterable<StoredEvent>, count: number, controller: AbortController) {
  const seen: StoredEvent[] = [];
  for await (const stored of iterable) {
    seen.push(stored);
    if (seen.length === count) controller.abort();
  }
  return seen;
}

function isIncreasing(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]!);
}

export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let target: EventStoreContractTarget;
    let store: EventStore;
    const stream = (label: string) => `${label}-${randomUUID()}`;
    const append = (streamId: string, newEvents: NewEvent[], expectedVersion: ExpectedVersion) =>
      store.appendToStream(streamId, newEvents, { expectedVersion });

    beforeEach(async () => {
      target = await factory();
      store = target.store;
    });
    afterEach(async () => target?.dispose());

    describe('appendToStream', () => {
      it('numbers a new stream from version 1 and returns versions and increasing positions', async () => {
        const id = stream('order');
        const result = await append(id, events(3), 'no_stream');
        expect(result.streamId).toBe(id);
        expect(result.nextExpectedVersion).toBe(3);
        expect(result.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(isIncreasing(result.events.map((e) => e.globalPosition))).toBe(true);
        expect(result.events[0]!.globalPosition).toBeGreaterThan(0);
      });

      it("'no_stream' succeeds on a new stream and fails on an existing one, naming expected and actual", async () => {
        const id = stream('contact');
        await append(id, events(2), 'no_stream');
        const error = await failure(append(id, events(1), 'no_stream'));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error.code).toBe('WRONG_EXPECTED_VERSION');
        expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 2 });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
        const id = stream('campaign');
        const error = await failure(append(id, events(1), 'stream_exists'));
        expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 'stream_exists', actual: 'no_stream' });
        await expect(store.readStream(id)).rejects.toBeInstanceOf(StreamNotFoundError);
        await append(id, events(1), 'any');
        const result = await append(id, events(1), 'stream_exists');
        expect(result.nextExpectedVersion).toBe(2);
      });

      it("'any' appends to a new and to an existing stream", async () => {
        const id = stream('processor');
        expect((await append(id, events(1), 'any')).nextExpectedVersion).toBe(1);
        expect((await append(id, events(2), 'any')).nextExpectedVersion).toBe(3);
      });

      it('a number must equal the version of the last event; 0 means an empty stream', async () => {
        const id = stream('registry');
        expect((await append(id, events(1), 0)).nextExpectedVersion).toBe(1);
        expect((await append(id, events(2), 1)).nextExpectedVersion).toBe(3);
        const stale = await failure(append(id, events(1), 1));
        expect(stale).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 1, actual: 3 });
        const ahead = await failure(append(id, events(1), 7));
        expect(ahead).toMatchObject({ expected: 7, actual: 3 });
        const empty = await failure(append(id, events(1), 0));
        expect(empty).toMatchObject({ expected: 0, actual: 3 });
        const onNew = await failure(append(stream('other'), events(1), 4));
        expect(onNew).toMatchObject({ expected: 4, actual: 'no_stream' });
        expect(await store.readStream(id)).toHaveLength(3);
      });

      it('refuses bad input with INVALID_APPEND naming the field, and stores nothing', async () => {
        const id = stream('bad');
        const badId = await failure(append(id, [event('Ok'), { ...event('Ok'), eventId: 'not-a-uuid' }], 'any'));
        expect(badId).toMatchObject({ code: 'INVALID_APPEND' });
        expect(badId.message).toContain('events[1].eventId');
        const noType = await failure(append(id, [{ type: '', data: {} }], 'any'));
        expect(noType.message).toContain('events[0].type');
        const none = await failure(append(id, [], 'any'));
        expect(none.message).toContain('events');
        const version = await failure(append(id, events(1), -1));
        expect(version.message).toContain('expectedVersion');
        await expect(store.readStream(id)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await store.headPosition()).toBe(0);
      });

      it('stores the event as given, with metadata completed by the store', async () => {
        const id = stream('contact');
        const eventId = randomUUID();
        const actor = { keyId: 'key-1', role: 'dialer', processorId: 'p-1' };
        const before = Date.now();
        await append(
          id,
          [
            event('ObjectionRaised', { channel: 'phone', nested: { list: [1, 'two', null] } }, {
              eventId,
              metadata: { occurredAt: '2025-03-01T10:00:00.000Z', actor, correlationId: 'c-1', campaign: 'k-9' },
            }),
            event('Noted'),
          ],
          'no_stream',
        );
        const [first, second] = await store.readStream(id);
        expect(first).toMatchObject({
          eventId,
          type: 'ObjectionRaised',
          data: { channel: 'phone', nested: { list: [1, 'two', null] } },
          streamId: id,
          streamVersion: 1,
        });
        expect(first!.metadata).toMatchObject({
          occurredAt: '2025-03-01T10:00:00.000Z',
          actor,
          correlationId: 'c-1',
          causationId: null,
          schemaVersion: 1,
          campaign: 'k-9',
        });
        const recordedAt = Date.parse(first!.metadata.recordedAt);
        expect(recordedAt).toBeGreaterThanOrEqual(before - 5_000);
        expect(recordedAt).toBeLessThanOrEqual(Date.now() + 5_000);
        expect(second!.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(second!.metadata.occurredAt).toBe(second!.metadata.recordedAt);
        expect(second!.metadata.actor).toBeNull();
      });
    });

    describe('readStream', () => {
      let id: string;
      beforeEach(async () => {
        id = stream('read');
        await append(id, events(5), 'no_stream');
      });

      it('reads forward from version 1 by default, or from a version, with a limit', async () => {
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
        expect((await store.readStream(id, { fromVersion: 3 })).map((e) => e.streamVersion)).toEqual([3, 4, 5]);
        expect((await store.readStream(id, { fromVersion: 2, limit: 2 })).map((e) => e.data['n'])).toEqual([1, 2]);
      });

      it('reads backward from the end, or from a version, with a limit', async () => {
        const versions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(id, options)).map((e) => e.streamVersion);
        expect(await versions({ direction: 'backward' })).toEqual([5, 4, 3, 2, 1]);
        expect(await versions({ direction: 'backward', limit: 2 })).toEqual([5, 4]);
        expect(await versions({ direction: 'backward', fromVersion: 3, limit: 2 })).toEqual([3, 2]);
      });

      it('returns nothing past the end of an existing stream', async () => {
        expect(await store.readStream(id, { fromVersion: 6 })).toEqual([]);
      });

      it('throws STREAM_NOT_FOUND for a stream without events', async () => {
        const error = await failure(store.readStream(stream('never')));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error.code).toBe('STREAM_NOT_FOUND');
      });
    });

    describe('readAll and headPosition', () => {
      it('starts empty at position 0', async () => {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll({ limit: 10 })).toEqual([]);
      });

      it('returns every event in global order, after a checkpoint, up to a limit', async () => {
        const a = stream('a');
        const b = stream('b');
        await append(a, events(2), 'no_stream');
        await append(b, events(1), 'no_stream');
        await append(a, events(1), 2);
        const all = await store.readAll({ limit: 100 });
        expect(all.map((e) => [e.streamId, e.streamVersion])).toEqual([
          [a, 1],
          [a, 2],
          [b, 1],
          [a, 3],
        ]);
        expect(isIncreasing(all.map((e) => e.globalPosition))).toBe(true);
        expect(await store.headPosition()).toBe(all[3]!.globalPosition);
        const afterSecond = await store.readAll({ after: all[1]!.globalPosition, limit: 100 });
        expect(afterSecond.map((e) => e.eventId)).toEqual(all.slice(2).map((e) => e.eventId));
        const page = await store.readAll({ after: all[0]!.globalPosition, limit: 2 });
        expect(page.map((e) => e.eventId)).toEqual(all.slice(1, 3).map((e) => e.eventId));
        expect(await store.readAll({ after: all[3]!.globalPosition, limit: 10 })).toEqual([]);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers the past after a checkpoint, then follows new events in order', async () => {
        const id = stream('live');
        const past = await append(id, events(3), 'no_stream');
        const controller = new AbortController();
        const received = collect(
          store.subscribeToAll({ after: past.events[0]!.globalPosition, signal: controller.signal, batchSize: 1 }),
          4,
          controller,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await append(id, events(1, 'Live'), 3);
        await append(stream('other'), events(1, 'Live'), 'no_stream');
        const seen = await received;
        expect(seen.map((e) => e.type)).toEqual(['Counted', 'Counted', 'Live', 'Live']);
        expect(seen.slice(0, 3).map((e) => e.streamVersion)).toEqual([2, 3, 4]);
        expect(isIncreasing(seen.map((e) => e.globalPosition))).toBe(true);
      });

      it('ends when its signal aborts', async () => {
        const controller = new AbortController();
        const seen = collect(store.subscribeToAll({ signal: controller.signal }), Number.POSITIVE_INFINITY, controller);
        setTimeout(() => controller.abort(), 50);
        expect(await seen).toEqual([]);
      });
    });

    describe('idempotent appends', () => {
      it('a retry with the same content is a no-op returning the original positions', async () => {
        const id = stream('retry');
        const batch = [
          event('A', { x: 1, z: 'two' }, { eventId: randomUUID() }),
          event('B', { y: [1, 2] }, { eventId: randomUUID() }),
        ];
        const first = await append(id, batch, 'no_stream');
        // The client timed out and sends the very same append again, expected version included.
        const retried = await append(id, batch, 'no_stream');
        expect(retried).toEqual(first);
        // Key order does not make content different.
        const reordered = await append(id, [event('A', { z: 'two', x: 1 }, { eventId: batch[0]!.eventId }), batch[1]!], 'any');
        expect(reordered).toEqual(first);
        expect(await store.readStream(id)).toHaveLength(2);
        expect(await store.readAll({ limit: 10 })).toHaveLength(2);
      });

      it('two identical appends racing store one copy and both get its positions', async () => {
        const id = stream('race');
        const batch = [event('A', { x: 1 }, { eventId: randomUUID() })];
        const [one, two] = await Promise.all([append(id, batch, 'no_stream'), append(id, batch, 'no_stream')]);
        expect(one).toEqual(two);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('an id already stored with different content fails with DUPLICATE_EVENT_ID_CONFLICT and stores nothing', async () => {
        const id = stream('dup');
        const eventId = randomUUID();
        await append(id, [event('A', { x: 1 }, { eventId })], 'no_stream');
        const changed = await failure(append(id, [event('A', { x: 2 }, { eventId })], 'any'));
        expect(changed).toBeInstanceOf(DuplicateEventIdConflictError);
        expect(changed).toMatchObject({ code: 'DUPLICATE_EVENT_ID_CONFLICT', eventId });
        const elsewhere = await failure(append(stream('elsewhere'), [event('A', { x: 1 }, { eventId })], 'any'));
        expect(elsewhere.code).toBe('DUPLICATE_EVENT_ID_CONFLICT');
        const mixed = await failure(append(id, [event('A', { x: 1 }, { eventId }), event('New')], 'any'));
        expect(mixed.code).toBe('DUPLICATE_EVENT_ID_CONFLICT');
        expect(await store.readAll({ limit: 10 })).toHaveLength(1);
      });
    });

    describe('concurrency', () => {
      it('two writers with the same expected version: exactly one wins', async () => {
        const id = stream('contended');
        await append(id, events(1), 'no_stream');
        const outcomes = await Promise.allSettled([
          append(id, [event('FromWriterOne')], 1),
          append(id, [event('FromWriterTwo')], 1),
        ]);
        const won = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 1, actual: 2 });
        const stored = await store.readStream(id);
        expect(stored.map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(won[0]!.value.events[0]!.eventId).toBe(stored[1]!.eventId);
      });

      it('50 concurrent writers to 50 streams all land, in an order consistent with every stream', async () => {
        const streams = Array.from({ length: 50 }, (_, n) => stream(`writer-${n}`));
        const appendsPerWriter = 4;
        await Promise.all(
          streams.map(async (id) => {
            let version = 0;
            for (let round = 0; round < appendsPerWriter; round += 1) {
              const result = await append(id, events(1 + (round % 2)), version === 0 ? 'no_stream' : version);
              version = result.nextExpectedVersion;
            }
          }),
        );
        const eventsPerStream = 6; // 1 + 2 + 1 + 2
        const all = await store.readAll({ limit: 1_000 });
        expect(all).toHaveLength(streams.length * eventsPerStream);
        expect(isIncreasing(all.map((e) => e.globalPosition))).toBe(true);
        for (const id of streams) {
          const inGlobalOrder = all.filter((e) => e.streamId === id).map((e) => e.streamVersion);
          expect(inGlobalOrder).toEqual([1, 2, 3, 4, 5, 6]);
        }
      });
    });

    describe('tamper evidence', () => {
      it('chains each stream with hashes and verify() finds every chain intact', async () => {
        const a = stream('chain-a');
        const b = stream('chain-b');
        await append(a, events(3), 'no_stream');
        await append(b, events(2), 'no_stream');
        await append(a, events(1), 3);
        const chain = await store.readStream(a);
        expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
        chain.forEach((stored, index) => {
          if (index > 0) expect(stored.prevHash).toBe(chain[index - 1]!.hash);
          expect(stored.hash).toBe(computeEventHash(stored.prevHash, stored));
        });
        expect(await store.verify()).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 6, firstBroken: null });
      });
    });
  });
}
