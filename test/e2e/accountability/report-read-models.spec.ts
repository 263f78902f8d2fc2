import { randomUUID } from 'node:crypto';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ProjectionRunner, ctmProjection, registerProjection } from '@calltrail/projections';
import { ctmReport, processingRegister, replayCtmReport, replayProcessingRegister, type CtmReportArgs } from '@calltrail/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedPglite, testDatabases, type TestDatabase } from '../../support/databases';
import { appendCtmWorld, generateCtmWorld, type CtmWorld } from '../evidence/ctm-world';

afterAll(() => closeSharedPglite());

const clock = () => new Date('2026-12-01T12:00:00.000Z');
const REGISTER_DATES = ['2021-01-01T08:30:00.000Z', '2021-06-15T00:00:00.000Z', '2022-03-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2026-12-01T12:00:00.000Z'];

function ctmQueries(world: CtmWorld): CtmReportArgs[] {
  const whole = { from: '2021-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
  return [
    { productCategory: 'heat-pumps', bucketMonths: 6, ...whole },
    { productCategory: 'heat-pumps', bucketMonths: 1, ...whole },
    { productCategory: 'heat-pumps', bucketMonths: 12, from: '2022-07-01T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' },
    { campaignId: world.heatPumpsB, bucketMonths: 12, ...whole },
    { campaignId: world.solar, bucketMonths: 6, ...whole },
    { productCategory: 'nothing-sold', bucketMonths: 6, ...whole },
  ];
}

/**
 * The register and the CTM report from their read models against the replay of the whole store (the
 * way they were built before, kept as the reference), on a generated world: the same answers, whether
 * the projections took the events in one batch or a few at a time.
 */
describe.each(testDatabases())('the register and CTM read models on %s', (_target, fresh) => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof openPostgresEventStore>>;
  let world: CtmWorld;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    database = await fresh();
    store = await openPostgresEventStore(database.db);
    world = generateCtmWorld();
    await appendCtmWorld(store, world);
    runner = new ProjectionRunner(database.db, store, [registerProjection(), ctmProjection()]);
    await runner.catchUp();
  }, 120_000);
  afterAll(() => database?.dispose());

  async function expectSameAsReplay(): Promise<void> {
    for (const query of ctmQueries(world)) {
      expect(await ctmReport({ db: database.db, clock }, query)).toEqual(await replayCtmReport({ store, clock }, query));
    }
    for (const asOf of REGISTER_DATES) {
      expect(await processingRegister(database.db, asOf)).toEqual(await replayProcessingRegister(store, asOf));
    }
  }

  it('gives the answers of the replay, for every query and date, stating the checkpoint it reflects', async () => {
    await expectSameAsReplay();
    const head = await store.headPosition();
    expect((await ctmReport({ db: database.db }, ctmQueries(world)[0]!)).checkpoint).toBe(head);
    expect((await processingRegister(database.db, clock())).checkpoint).toBe(head);
    expect((await ctmReport({ db: database.db }, ctmQueries(world)[0]!)).totals.calls).toBeGreaterThan(200);
    const register = await processingRegister(database.db, clock());
    expect(register.activities).toHaveLength(3);
    expect(register.activities.every((activity) => activity.personalData.eventIds.length > 90)).toBe(true);
  });

  it('gives the same answers when the events arrive a few at a time', async () => {
    await new ProjectionRunner(database.db, store, runner.projections, { batchSize: 5 }).rebuild();
    await expectSameAsReplay();
  }, 120_000);

  it('keeps counting an erased contact in the CTM report, as the replay does, with nothing left that names the person', async () => {
    const contactId = world.calls.find((call) => call.campaignId !== world.solar)!.contactId;
    const before = await ctmReport({ db: database.db, clock }, ctmQueries(world)[0]!);
    await store.appendToStream(
      `contact-${contactId}`,
      [{ type: 'ErasureCompleted', data: { contactId, requestId: randomUUID(), keyId: 'key-1', suppressedPhoneHashes: [] } }],
      { expectedVersion: 'any' },
    );
    await runner.catchUp();
    const after = await ctmReport({ db: database.db, clock }, ctmQueries(world)[0]!);
    expect({ ...after, checkpoint: before.checkpoint }).toEqual(before);
    for (const table of ['ctm_calls', 'ctm_purchases', 'ctm_feedback']) {
      expect((await database.db.query(`SELECT 1 FROM ${table} WHERE contact_id = $1`, [contactId])).rows).toEqual([]);
    }
  });
});
