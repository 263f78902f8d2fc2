import { computeEventHash } from '@calltrail/event-store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../src';
import { closeSharedPglite, testDatabases, type TestDatabase } from './databases';

afterAll(closeSharedPglite);

const counted = (count: number) => Array.from({ length: count }, (_, n) => ({ type: 'Counted', data: { n } }));

describe.each(testDatabases())('events table on %s', (_name, freshDatabase) => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    database = await freshDatabase();
    store = await openPostgresEventStore(database.db, { verifyBatchSize: 3 });
    await store.appendToStream('contact-a', counted(5), { expectedVersion: 'no_stream' });
    await store.appendToStream('contact-b', counted(4), { expectedVersion: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  /** What a superuser can still do: switch the append-only triggers off and rewrite history. */
  async function asSuperuser(sql: string): Promise<void> {
    await database.db.exec(`ALTER TABLE events DISABLE TRIGGER USER; ${sql}; ALTER TABLE events ENABLE TRIGGER USER`);
  }

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = await store.readAll({ limit: 100 });
    await expect(database.db.query(`UPDATE events SET data = '{"n": 99}' WHERE stream_id = 'contact-a'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(database.db.query(`DELETE FROM events WHERE stream_id = 'contact-a'`)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(database.db.exec('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await store.readAll({ limit: 100 })).toEqual(before);
  });

  it('verify() walks every chain across batch boundaries and finds them intact', async () => {
    expect(await store.verify()).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 9, firstBroken: null });
  });

  it('verify() reports changed data by stream and version', async () => {
    await asSuperuser(`UPDATE events SET data = '{"n": 99}' WHERE stream_id = 'contact-a' AND stream_version = 5`);
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ streamId: 'contact-a', streamVersion: 5, reason: 'HASH_MISMATCH' });
  });

  it('verify() reports a rewritten event whose own hash was recomputed: the next link breaks', async () => {
    const [original] = await store.readStream('contact-b', { fromVersion: 2, limit: 1 });
    const forged = { ...original!, data: { n: 1_000 } };
    const forgedHash = computeEventHash(forged.prevHash, forged);
    await asSuperuser(
      `UPDATE events SET data = '{"n": 1000}', hash = '${forgedHash}' WHERE event_id = '${original!.eventId}'`,
    );
    const report = await store.verify();
    expect(report.firstBroken).toMatchObject({
      streamId: 'contact-b',
      streamVersion: 3,
      reason: 'PREV_HASH_MISMATCH',
      actual: original!.hash,
    });
  });

  it('verify() reports an event removed from the middle of a stream', async () => {
    await asSuperuser(`DELETE FROM events WHERE stream_id = 'contact-b' AND stream_version = 3`);
    expect((await store.verify()).firstBroken).toMatchObject({
      streamId: 'contact-b',
      streamVersion: 4,
      reason: 'VERSION_GAP',
      expected: '3',
    });
  });

  it('verify() reports events cut from the end of a stream', async () => {
    await asSuperuser(`DELETE FROM events WHERE stream_id = 'contact-a' AND stream_version >= 4`);
    expect((await store.verify()).firstBroken).toMatchObject({
      streamId: 'contact-a',
      streamVersion: 5,
      reason: 'VERSION_GAP',
      actual: 'last version 3',
    });
  });
});
