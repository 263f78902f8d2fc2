/** The three systems under test, behind one tiny interface: append N events to a stream. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { openEventStoreDbEventStore, STAND_IN_VERSION } from '@calltrail/event-store-eventstoredb';
import { openPostgresEventStore, type PostgresEventStoreOptions } from '@calltrail/event-store-postgres';
import { openPglite, openPostgres, type Database } from '@calltrail/sql';
import { createBenchDatabase } from './databases';

export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface SystemUnderTest {
  /** Appends to a stream that does not exist yet (each system checks that its own way). */
  appendNew(streamId: string, events: BenchEvent[]): Promise<void>;
  close(): Promise<void>;
  /** A measured round starts: what `notes` tells is about the appends from here on. */
  startRound(): void;
  /** Anything worth printing next to the rate (group commit batching). */
  notes(): string;
}

const nothingToNote = { startRound: () => undefined, notes: () => '' };

export type SystemFactory = () => Promise<SystemUnderTest>;

export const calltrailOnPostgres: SystemFactory = async () => {
  const database = await createBenchDatabase('calltrail');
  const db = await openPostgres({ connectionString: database.url });
  return calltrail(db, database.drop);
};

/**
 * calltrail writing one batch at a time, the whole queue in each (`maxInFlight` 1, no split): the
 * default before 2026-12-01 23:55 UTC, to compare in the same run.
 */
export const calltrailOnPostgresOneBatchAtATime: SystemFactory = async () => {
  const database = await createBenchDatabase('calltrail_one_batch');
  const db = await openPostgres({ connectionString: database.url });
  return calltrail(db, database.drop, { groupCommit: { maxInFlight: 1, minEventsToSplit: Infinity } });
};

export const calltrailOnPglite: SystemFactory = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'calltrail-bench-'));
  const db = await openPglite({ dataDir: folder });
  return calltrail(db, () => rm(folder, { recursive: true, force: true }));
};

async function calltrail(
  db: Database,
  release: () => Promise<void>,
  options: PostgresEventStoreOptions = {},
): Promise<SystemUnderTest> {
  const store = await openPostgresEventStore(db, options);
  let before = store.groupCommitStats();
  return {
    async appendNew(streamId, events) {
      await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
    },
    startRound() {
      before = store.groupCommitStats();
    },
    notes() {
      // The largest batch is the store's since it opened (warm-up and earlier rounds included).
      const stats = store.groupCommitStats();
      return `${stats.transactions - before.transactions} tx, ≤${stats.largestBatch} appends/tx`;
    },
    async close() {
      await store.close();
      await db.close();
      await release();
    },
  };
}

/**
 * calltrail on a real EventStoreDB/KurrentDB server at EVENTSTORE_URL, each run in streams of its own
 * (a prefix). The in-repo stand-in is a protocol double, not a server: its numbers mean nothing, so
 * the benchmark refuses to measure it.
 */
export const calltrailOnEventStoreDb: SystemFactory = async () => {
  const store = await openEventStoreDbEventStore({
    connectionString: process.env['EVENTSTORE_URL']!,
    streamPrefix: `bench-${randomUUID().slice(0, 8)}-`,
  });
  const version = await store.serverVersion();
  if (version === STAND_IN_VERSION) {
    await store.close();
    throw new Error('EVENTSTORE_URL points at the calltrail stand-in, which is not a server: it is never benchmarked');
  }
  return {
    async appendNew(streamId, events) {
      await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
    },
    startRound: () => undefined,
    notes: () => `server ${version}`,
    close: () => store.close(),
  };
};

export const emmett: SystemFactory = async () => {
  const database = await createBenchDatabase('emmett');
  const store = getPostgreSQLEventStore(database.url);
  return {
    async appendNew(streamId, events) {
      await store.appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
    },
    ...nothingToNote,
    async close() {
      await store.close();
      await database.drop();
    },
  };
};

/** The limit: one multi-row INSERT per append into a bare table, no checks, no hashing. */
export const rawInsert: SystemFactory = async () => {
  const database = await createBenchDatabase('raw');
  const db = await openPostgres({ connectionString: database.url });
  return rawInsertInto(db, database.drop);
};

export const rawInsertOnPglite: SystemFactory = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'calltrail-bench-raw-'));
  const db = await openPglite({ dataDir: folder });
  return rawInsertInto(db, () => rm(folder, { recursive: true, force: true }));
};

async function rawInsertInto(db: Database, release: () => Promise<void>): Promise<SystemUnderTest> {
  await db.exec(`CREATE TABLE raw_events (
    position bigserial PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  return {
    async appendNew(streamId, events) {
      const values = events.map((_, i) => `($1, ${i + 1}, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4})`);
      const params = events.flatMap((event) => [event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)]);
      await db.query(`INSERT INTO raw_events (stream_id, version, type, data, metadata) VALUES ${values.join(', ')}`, [
        streamId,
        ...params,
      ]);
    },
    ...nothingToNote,
    async close() {
      await db.close();
      await release();
    },
  };
}
