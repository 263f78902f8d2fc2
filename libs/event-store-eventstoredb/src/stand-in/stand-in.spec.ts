/**
 * The stand-in keeps to the server's protocol, checked through the official client: expected
 * revisions, event-id deduplication by position, $all positions and their inclusive / exclusive
 * starts, system events in the log.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventStoreDbStandIn, type EventStoreDbStandIn } from './start-stand-in';

let standIn: EventStoreDbStandIn;
let client: EventStoreDBClient;

beforeAll(async () => {
  standIn = await startEventStoreDbStandIn();
  client = EventStoreDBClient.connectionString(standIn.url);
});
afterAll(async () => {
  await client.dispose();
  await standIn.close();
});

async function collect(read: AsyncIterable<unknown>): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  for await (const resolved of read) events.push(resolved as ResolvedEvent);
  return events;
}

const event = (id: string = randomUUID()) => jsonEvent({ id, type: 'Tested', data: { id } });

it('listens on the loopback address only, without TLS', () => {
  expect(standIn.url).toMatch(/^esdb:\/\/127\.0\.0\.1:\d+\?tls=false$/);
});

/**
 * The client appends through BatchAppend when the server lists it (as servers since 21.10 do), and
 * through Append when a call carries its own credentials; both must behave the same.
 */
const appendMethods: Array<[string, { credentials?: { username: string; password: string } }]> = [
  ['BatchAppend', {}],
  ['Append', { credentials: { username: 'admin', password: 'changeit' } }],
];

describe.each(appendMethods)('expected revisions through %s', (_method, callOptions) => {
  it('checks no_stream, stream_exists, any and an exact revision, naming expected and actual', async () => {
    const stream = `s-${randomUUID()}`;
    const append = (expectedRevision?: bigint | 'no_stream' | 'stream_exists' | 'any') =>
      client.appendToStream(stream, event(), { ...callOptions, ...(expectedRevision === undefined ? {} : { expectedRevision }) });
    await expect(append(STREAM_EXISTS)).rejects.toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: 'stream_exists',
      actualVersion: 'no_stream',
    });
    expect((await append(NO_STREAM)).nextExpectedRevision).toBe(0n);
    expect((await append(0n)).nextExpectedRevision).toBe(1n);
    expect((await append(STREAM_EXISTS)).nextExpectedRevision).toBe(2n);
    expect((await append()).nextExpectedRevision).toBe(3n);
    await expect(append(1n)).rejects.toMatchObject({ expectedVersion: 1n, actualVersion: 3n });
    await expect(append(NO_STREAM)).rejects.toMatchObject({ expectedVersion: 'no_stream', actualVersion: 3n });
  });

  it('answers a retry (same ids after the same revision) without writing and without a position', async () => {
    const stream = `s-${randomUUID()}`;
    const batch = [event(), event()];
    const first = await client.appendToStream(stream, batch, { ...callOptions, expectedRevision: NO_STREAM });
    const retry = await client.appendToStream(stream, batch, { ...callOptions, expectedRevision: NO_STREAM });
    expect(first.position).toBeDefined();
    expect(retry).toMatchObject({ success: true, nextExpectedRevision: 1n, position: undefined });
    expect(await collect(client.readStream(stream))).toHaveLength(2);
  });
});

describe('event-id deduplication, as the server does it (ids, not content)', () => {
  it("recognises a retry with 'any' by its ids in the stream", async () => {
    const stream = `s-${randomUUID()}`;
    const batch = [event(), event()];
    await client.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
    await client.appendToStream(stream, event());
    const again = await client.appendToStream(stream, batch, { expectedRevision: 'any' });
    expect(again.nextExpectedRevision).toBe(1n);
    expect(await collect(client.readStream(stream))).toHaveLength(3);
  });

  it('refuses a batch that only partly matches what follows the expected revision', async () => {
    const stream = `s-${randomUUID()}`;
    const [a, b] = [event(), event()];
    await client.appendToStream(stream, [a, b], { expectedRevision: NO_STREAM });
    await expect(client.appendToStream(stream, [a, event()], { expectedRevision: NO_STREAM })).rejects.toMatchObject({
      type: 'wrong-expected-version',
    });
  });

  it('does not look at content: a reused id with other data after the same revision is a retry too', async () => {
    const stream = `s-${randomUUID()}`;
    const id = randomUUID();
    await client.appendToStream(stream, event(id), { expectedRevision: NO_STREAM });
    const changed = jsonEvent({ id, type: 'Tested', data: { other: true } });
    await client.appendToStream(stream, changed, { expectedRevision: NO_STREAM });
    const [stored] = await collect(client.readStream(stream));
    expect(stored!.event!.data).toEqual({ id });
  });
});

describe('the $all log', () => {
  it('starts with system events and gives every event a commit position that grows with the log', async () => {
    const all = await collect(client.readAll({ fromPosition: START }));
    expect(all[0]!.event!.streamId.startsWith('$')).toBe(true);
    const positions = all.map((resolved) => resolved.event!.position!.commit);
    expect(positions.every((position, i) => i === 0 || position > positions[i - 1]!)).toBe(true);
    expect(all.every((resolved) => resolved.commitPosition === resolved.event!.position!.commit)).toBe(true);
  });

  it('reads forwards from a position including it, backwards excluding it', async () => {
    const stream = `s-${randomUUID()}`;
    await client.appendToStream(stream, [event(), event(), event()]);
    const mine = (await collect(client.readAll({ fromPosition: START }))).filter((r) => r.event!.streamId === stream);
    const middle = mine[1]!.event!.position!;
    const forwards = await collect(client.readAll({ fromPosition: middle, direction: FORWARDS, maxCount: 2 }));
    expect(forwards.map((r) => r.event!.id)).toEqual([mine[1]!.event!.id, mine[2]!.event!.id]);
    const backwards = await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
    expect(backwards.map((r) => r.event!.id)).toEqual([mine[0]!.event!.id]);
    const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
    expect(last[0]!.event!.id).toBe(mine[2]!.event!.id);
  });

  it('subscribes after a position (exclusive), then delivers new events live', async () => {
    const stream = `s-${randomUUID()}`;
    await client.appendToStream(stream, [event(), event()]);
    const mine = (await collect(client.readAll({ fromPosition: START }))).filter((r) => r.event!.streamId === stream);
    const subscription = client.subscribeToAll({ fromPosition: mine[0]!.event!.position! });
    const live = event();
    const seen: string[] = [];
    setTimeout(() => void client.appendToStream(stream, live), 20);
    for await (const resolved of subscription) {
      if (resolved.event!.streamId !== stream) continue;
      seen.push(resolved.event!.id);
      if (seen.length === 2) break;
    }
    await subscription.unsubscribe();
    expect(seen).toEqual([mine[1]!.event!.id, live.id]);
  });
});
