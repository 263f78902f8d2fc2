import type { StoredEvent } from '@calltrail/event-store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../src';
import { closeSharedPglite, testDatabases, type TestDatabase } from './databases';

afterAll(closeSharedPglite);

async function firstEvent(iterable: AsyncIterable<StoredEvent>, controller: AbortController): Promise<StoredEvent> {
  for await (const event of iterable) {
    controller.abort();
    return event;
  }
  throw new Error('the subscription ended without an event');
}

describe.each(testDatabases())('subscribeToAll on %s', (_name, freshDatabase) => {
  let database: TestDatabase;
  let stores: PostgresEventStore[];

  beforeEach(async () => {
    database = await freshDatabase();
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await database.dispose();
  });

  async function open(pollIntervalMs: number): Promise<PostgresEventStore> {
    const store = await openPostgresEventStore(database.db, { pollIntervalMs });
    stores.push(store);
    return store;
  }

  it('wakes on an append of its own process without waiting for the poll', async () => {
    const store = await open(3_600_000);
    const controller = new AbortController();
    const received = firstEvent(store.subscribeToAll({ signal: controller.signal }), controller);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.appendToStream('local', [{ type: 'Local', data: {} }], { expectedVersion: 'no_stream' });
    expect((await received).type).toBe('Local');
  });

  it('sees appends of another process by polling', async () => {
    const reader = await open(20);
    const writer = await open(3_600_000);
    const controller = new AbortController();
    const received = firstEvent(reader.subscribeToAll({ signal: controller.signal }), controller);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writer.appendToStream('remote', [{ type: 'Remote', data: {} }], { expectedVersion: 'no_stream' });
    expect((await received).type).toBe('Remote');
  });
});
