/**
 * What the EventStoreDB adapter adds to the contract: how the ledger sits in the server's log
 * (commit positions, the chain in event metadata, system events left out) and what it does about
 * writers that are not calltrail. Runs on the in-repo stand-in, through the real client.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, START, type ResolvedEvent } from '@eventstore/db-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@calltrail/event-store';
import {
  openEventStoreDbEventStore,
  STAND_IN_VERSION,
  startEventStoreDbStandIn,
  type EventStoreDbEventStore,
  type EventStoreDbStandIn,
} from '../src/index';

let standIn: EventStoreDbStandIn;
let store: EventStoreDbEventStore;
let raw: EventStoreDBClient;

beforeEach(async () => {
  standIn = await startEventStoreDbStandIn();
  store = await openEventStoreDbEventStore({ connectionString: standIn.url });
  raw = EventStoreDBClient.connectionString(standIn.url);
});

afterEach(async () => {
  await store.close();
  await raw.dispose();
  await standIn.close();
});

async function rawAll(): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  for await (const resolved of raw.readAll({ fromPosition: START })) events.push(resolved as ResolvedEvent);
  return events;
}

const counted = (count: number) => Array.from({ length: count }, (_, n) => ({ type: 'Counted', data: { n } }));

describe('the ledger in the server log', () => {
  it('reads the version the server reports, so a benchmark can refuse to measure the stand-in', async () => {
    expect(await store.serverVersion()).toBe(STAND_IN_VERSION);
  });

  it('uses each event’s commit position as its global position, and the server revision + 1 as its version', async () => {
    const stream = `contact-${randomUUID()}`;
    const result = await store.appendToStream(stream, counted(3), { expectedVersion: 'no_stream' });
    const onServer = (await rawAll()).filter((resolved) => resolved.event!.streamId === stream);
    expect(result.events.map((e) => e.globalPosition)).toEqual(onServer.map((r) => Number(r.event!.position!.commit)));
    expect(result.events.map((e) => e.streamVersion)).toEqual(onServer.map((r) => Number(r.event!.revision) + 1));
  });

  it('keeps the hash chain and the port metadata in each event’s metadata', async () => {
    const stream = `contact-${randomUUID()}`;
    await store.appendToStream(stream, [{ type: 'Registered', data: {}, metadata: { correlationId: 'c-7' } }], {
      expectedVersion: 'no_stream',
    });
    const [stored] = await store.readStream(stream);
    const [onServer] = (await rawAll()).filter((resolved) => resolved.event!.streamId === stream);
    expect(onServer!.event!.metadata).toEqual({
      metadata: stored!.metadata,
      chain: { streamVersion: 1, prevHash: stored!.prevHash, hash: stored!.hash },
      $correlationId: 'c-7',
    });
  });

  it('leaves the server’s system events and its own event-id claims out of readAll, headPosition and subscriptions', async () => {
    const stream = `contact-${randomUUID()}`;
    const eventId = randomUUID();
    await store.appendToStream(stream, [{ eventId, type: 'Registered', data: {} }], { expectedVersion: 'no_stream' });
    const onServer = await rawAll();
    expect(onServer.some((resolved) => resolved.event!.streamId.startsWith('$'))).toBe(true);
    expect(onServer.some((resolved) => resolved.event!.streamId === `calltrail-event-id-${eventId}`)).toBe(true);

    await raw.appendToStream('$stats-127.0.0.1:2113', jsonEvent({ type: '$statsCollected', data: {} }));
    const all = await store.readAll({ limit: 100 });
    expect(all.map((e) => e.eventId)).toEqual([eventId]);
    expect(await store.headPosition()).toBe(all[0]!.globalPosition);

    const controller = new AbortController();
    const seen: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of store.subscribeToAll({ signal: controller.signal })) {
        seen.push(event);
        if (event.type === 'Live') controller.abort();
      }
    })();
    await raw.appendToStream('$stats-127.0.0.1:2113', jsonEvent({ type: '$statsCollected', data: {} }));
    await store.appendToStream(stream, [{ type: 'Live', data: {} }], { expectedVersion: 1 });
    await following;
    expect(seen.map((e) => e.type)).toEqual(['Registered', 'Live']);
  });

  it('reads the log in pages, past the size of one server read', async () => {
    const paged = await openEventStoreDbEventStore({ connectionString: standIn.url, pageSize: 7 });
    try {
      const stream = `campaign-${randomUUID()}`;
      await paged.appendToStream(stream, counted(30), { expectedVersion: 'no_stream' });
      await raw.appendToStream('$stats-127.0.0.1:2113', jsonEvent({ type: '$statsCollected', data: {} }));
      const all = await paged.readAll({ limit: 100 });
      expect(all.map((e) => e.streamVersion)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
      const rest = await paged.readAll({ after: all[19]!.globalPosition, limit: 100 });
      expect(rest.map((e) => e.streamVersion)).toEqual(Array.from({ length: 10 }, (_, n) => n + 21));
      expect(await paged.headPosition()).toBe(all[29]!.globalPosition);
      expect(await paged.verify()).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 30 });
    } finally {
      await paged.close();
    }
  });
});

describe('subscriptions', () => {
  it('subscribe again from the last event delivered when the server drops them: no gap, no repeat', async () => {
    const stream = `contact-${randomUUID()}`;
    await store.appendToStream(stream, counted(2), { expectedVersion: 'no_stream' });
    const controller = new AbortController();
    const seen: number[] = [];
    const following = (async () => {
      for await (const event of store.subscribeToAll({ signal: controller.signal })) {
        seen.push(event.streamVersion);
        if (seen.length === 4) controller.abort();
      }
    })();
    await until(() => seen.length === 2);
    standIn.dropSubscriptions();
    await store.appendToStream(stream, counted(1), { expectedVersion: 2 });
    await store.appendToStream(stream, counted(1), { expectedVersion: 3 });
    await following;
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('appends', () => {
  it("chains concurrent 'any' appends to one stream on the head, one after another", async () => {
    const stream = `dialer-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => store.appendToStream(stream, [{ type: 'Dialled', data: { n } }], { expectedVersion: 'any' })),
    );
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    expect(new Set(events.map((e) => e.data['n'])).size).toBe(20);
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 20 });
  });

  it('retries an append whose acknowledgement was lost, without storing it twice (ids generated here)', async () => {
    const stream = `contact-${randomUUID()}`;
    await store.appendToStream(stream, counted(1), { expectedVersion: 'no_stream' });
    standIn.loseNextAppendAck();
    const result = await store.appendToStream(stream, counted(2), { expectedVersion: 'any' });
    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(result.events).toEqual(stored.slice(1).map(({ eventId, streamVersion, globalPosition }) => ({ eventId, streamVersion, globalPosition })));
  });

  it('refuses the names the server reserves, and stores nothing', async () => {
    const refused = (streamId: string, type: string) =>
      store.appendToStream(streamId, [{ type, data: {} }], { expectedVersion: 'any' }).catch((error: Error) => error);
    expect(await refused('$settings', 'Ok')).toMatchObject({ code: 'INVALID_APPEND', field: 'streamId' });
    expect(await refused(`calltrail-event-id-${randomUUID()}`, 'Ok')).toMatchObject({ field: 'streamId' });
    expect(await refused(`contact-${randomUUID()}`, '$metadata')).toMatchObject({ field: 'events[0].type' });
    expect(await store.headPosition()).toBe(0);
  });

  it('writes an event whose id was claimed by an append that died before writing it', async () => {
    const stream = `contact-${randomUUID()}`;
    const eventId = randomUUID();
    await raw.appendToStream(
      `calltrail-event-id-${eventId}`,
      jsonEvent({ type: '$calltrail-event-id', data: { eventId, streamId: stream } }),
    );
    const result = await store.appendToStream(stream, [{ eventId, type: 'Registered', data: {} }], {
      expectedVersion: 'no_stream',
    });
    expect(result.events).toEqual([expect.objectContaining({ eventId, streamVersion: 1 })]);
    expect((await store.readStream(stream)).map((e) => e.eventId)).toEqual([eventId]);
  });

  it('keeps ledgers with different stream prefixes apart on one server', async () => {
    const other = await openEventStoreDbEventStore({ connectionString: standIn.url, streamPrefix: 'site-b.' });
    try {
      await store.appendToStream('contact-1', counted(2), { expectedVersion: 'no_stream' });
      await other.appendToStream('contact-1', counted(1), { expectedVersion: 'no_stream' });
      expect(await other.readAll({ limit: 10 })).toEqual([expect.objectContaining({ streamId: 'contact-1', streamVersion: 1 })]);
      expect(await store.readStream('contact-1')).toHaveLength(2);
      expect((await rawAll()).some((resolved) => resolved.event!.streamId === 'site-b.contact-1')).toBe(true);
      expect(await other.verify()).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 1 });
    } finally {
      await other.close();
    }
  });
});

describe('verify', () => {
  it('reports an event written past the adapter with a forged chain, by stream and version', async () => {
    const stream = `contact-${randomUUID()}`;
    await store.appendToStream(stream, counted(2), { expectedVersion: 'no_stream' });
    const [, second] = await store.readStream(stream);
    // Another writer copies the last link but changes the data: the hash no longer matches.
    const forged = { metadata: second!.metadata, chain: { streamVersion: 3, prevHash: second!.hash, hash: second!.hash } };
    await raw.appendToStream(stream, jsonEvent({ type: 'Counted', data: { n: 99 }, metadata: forged }));
    expect(await store.verify()).toMatchObject({
      ok: false,
      firstBroken: { streamId: stream, streamVersion: 3, reason: 'HASH_MISMATCH' },
    });
  });

  it('reports an event without a chain', async () => {
    const stream = `contact-${randomUUID()}`;
    await store.appendToStream(stream, counted(1), { expectedVersion: 'no_stream' });
    await raw.appendToStream(stream, jsonEvent({ type: 'Foreign', data: {} }));
    expect(await store.verify()).toMatchObject({
      ok: false,
      firstBroken: { streamId: stream, streamVersion: 2, reason: 'PREV_HASH_MISMATCH' },
    });
  });
});
