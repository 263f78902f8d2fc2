/**
 * A runner in a child process, to be killed in the middle of a rebuild:
 * `node --import ./test/support/register.mjs rebuild-child.ts` with CALLTRAIL_TEST_DATABASE_URL
 * (a PostgreSQL URL) or CALLTRAIL_TEST_PGLITE_DIR. Prints `position <n>` after every batch.
 */
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ProjectionRunner } from '@calltrail/projections';
import { openPglite, openPostgres } from '@calltrail/sql';
import { countingProjection } from './counting-projection';

const url = process.env['CALLTRAIL_TEST_DATABASE_URL'];
const dir = process.env['CALLTRAIL_TEST_PGLITE_DIR'];
const db = url ? await openPostgres({ connectionString: url }) : await openPglite({ dataDir: dir! });
const store = await openPostgresEventStore(db);
const runner = new ProjectionRunner(db, store, [countingProjection({ delayMs: 25 })], { batchSize: 20 });
await runner.rebuild(undefined, {
  onProgress: (progress) => process.stdout.write(`position ${progress.position}\n`),
});
process.stdout.write('done\n');
await db.close();
