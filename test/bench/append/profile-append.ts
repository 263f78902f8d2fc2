/**
 * Scenario (a) of the append benchmark against calltrail alone, several rounds, printing events/s
 * and the Node.js CPU per event: a script to profile the append path.
 *
 *   npx esbuild test/bench/append/profile-append.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=tmp/profile-append.mjs --tsconfig=tsconfig.base.json
 *   CALLTRAIL_PROFILE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch> node --cpu-prof tmp/profile-append.mjs
 *
 * Each round appends to new streams in the scratch database (it is not emptied).
 */
import { randomUUID } from 'node:crypto';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { openPostgres } from '@calltrail/sql';
import { callEvent } from './call-event';

const url = process.env['CALLTRAIL_PROFILE_DATABASE_URL'];
if (!url) throw new Error('Set CALLTRAIL_PROFILE_DATABASE_URL to a scratch database');
const rounds = Number(process.env['CALLTRAIL_PROFILE_ROUNDS'] ?? 5);
const STREAMS = 1_000;
const EVENTS_PER_APPEND = 10;
const WRITERS = 8;

const db = await openPostgres({ connectionString: url });
// Group commit limits to compare, e.g. CALLTRAIL_PROFILE_GROUP_COMMIT='{"maxInFlight":4}'.
const groupCommit = JSON.parse(process.env['CALLTRAIL_PROFILE_GROUP_COMMIT'] ?? '{}') as Record<string, number>;
const store = await openPostgresEventStore(db, { groupCommit });
for (let round = 1; round <= rounds; round += 1) {
  const prefix = randomUUID();
  const batches = Array.from({ length: STREAMS }, (_, n) =>
    Array.from({ length: EVENTS_PER_APPEND }, (_, i) => callEvent(n * EVENTS_PER_APPEND + i)),
  );
  let next = 0;
  const writer = async () => {
    while (next < STREAMS) {
      const n = next++;
      await store.appendToStream(`${prefix}-${n}`, batches[n]!, { expectedVersion: 'no_stream' });
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const seconds = (performance.now() - started) / 1_000;
  const used = process.cpuUsage(cpu);
  const events = STREAMS * EVENTS_PER_APPEND;
  console.log(
    `round ${round}: ${Math.round(events / seconds)} events/s, ${store.groupCommitStats().transactions} tx so far, ${(((used.user + used.system) / events)).toFixed(1)} µs CPU per event (${(used.system / events).toFixed(1)} in the kernel)`,
  );
}
await store.close();
await db.close();
