/**
 * The accountability reports on the benchmark data set (100,000 contacts, 1,000,000 events) on
 * PostgreSQL, in one run: the rebuild of the projections (the baseline, events/s), then the audit of
 * every call (calls/s, and as a ratio to the rebuild), the processing register as of today and the
 * CTM report of the main product category with 6-month buckets over the whole period (target < 2 s
 * each), from their read models, each against its replay of the whole store (the reference, which must
 * give the same answer). A bare readAll of the store is measured too: the floor of any replay.
 * `npm run bench:accountability`. Results: docs/benchmarks.md.
 */
import type { EventStore } from '@calltrail/event-store';
import { CTM_PROJECTION, CTM_TABLES, ProjectionRunner, REGISTER_PROJECTION, REGISTER_TABLES, allProjections } from '@calltrail/projections';
import {
  auditCalls,
  ctmReport,
  processingRegister,
  replayCtmReport,
  replayProcessingRegister,
  type CallAudit,
  type CtmReport,
  type ProcessingRegister,
} from '@calltrail/reports';
import type { Ledger } from '@calltrail/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBenchDataSet, type BenchDataSet } from '../data';
import { loadNote, machineLine } from '../data/measure';
import { benchDataOptions } from '../data/options';
import { dataSetFacts, mainProductCategory, type DataSetFacts } from './data-facts';

/** The projection runner's own batch size, so the bare read goes in the same steps. */
const BATCH = 5_000;
const CTM_BUCKET_MONTHS = 6;
const TARGET_SECONDS = 2;

interface Timed<T> {
  result: T;
  seconds: number;
  load: string;
}

async function timed<T>(what: string, work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const result = await work();
  const run = { result, seconds: (performance.now() - started) / 1_000, load: loadNote() };
  console.log(`${what}: ${run.seconds.toFixed(2)} s (${run.load})`);
  return run;
}

/** Every event in global order, batch after batch, doing nothing with them: the floor of a replay. */
async function readAllEvents(store: EventStore): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const events = await store.readAll({ after, limit: BATCH });
    if (events.length === 0) return count;
    count += events.length;
    after = events.at(-1)!.globalPosition;
  }
}

/**
 * The projections of the baseline: all of them (`calltrail rebuild`), or those named in
 * CALLTRAIL_BENCH_PROJECTIONS (comma-separated), as for `npm run bench:rebuild`.
 */
function baselineProjections(): string[] {
  const all = allProjections().map((projection) => projection.name);
  const named = (process.env['CALLTRAIL_BENCH_PROJECTIONS'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = named.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new RangeError(`CALLTRAIL_BENCH_PROJECTIONS: ${unknown.join(', ')} is not one of ${all.join(', ')}`);
  return named.length > 0 ? named : all;
}

/** `calltrail rebuild` of the projections from zero; returns the events each applied (the fewest). */
async function rebuild(ledger: Ledger, names: string[]): Promise<number> {
  const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections(), { batchSize: BATCH });
  const applied = new Map<string, number>();
  await runner.rebuild(names, { onProgress: (progress) => applied.set(progress.projection, progress.applied) });
  return Math.min(...applied.values());
}

/**
 * The register's and the CTM report's read models up to the head (nothing to do when the baseline
 * rebuilt them), then their planner statistics: this server runs with autovacuum off, which on a
 * normal server analyses freshly filled tables within a minute.
 */
async function catchUpReportModels(ledger: Ledger): Promise<void> {
  await new ProjectionRunner(ledger.database, ledger.store, allProjections(), { batchSize: BATCH }).catchUp([REGISTER_PROJECTION, CTM_PROJECTION]);
  for (const table of [...REGISTER_TABLES, ...CTM_TABLES]) await ledger.database.exec(`ANALYZE ${table}`);
}

/** A report without the moment it was made: what the replay and the read models must agree on. */
const answerOf = (report: object) => JSON.stringify({ ...report, generatedAt: undefined });

let data: BenchDataSet;
let ledger: Ledger;
let facts: DataSetFacts;

beforeAll(async () => {
  data = await ensureBenchDataSet(benchDataOptions());
  ledger = await data.openLedger();
  facts = await dataSetFacts(ledger.database);
}, 90 * 60_000);

afterAll(async () => {
  await ledger?.close();
});

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en');
const target = (seconds: number) => `< ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'missed'}`;

it('audit of every call, the register and the CTM report on 1,000,000 events, against the rebuild', async () => {
  const head = await ledger.store.headPosition();
  // The whole period of calls, [first call, last call].
  const period = { from: facts.firstCallAt, to: new Date(facts.lastCallAt.getTime() + 1) };
  const main = mainProductCategory(data.campaigns, facts);

  const bare = await timed('bare readAll', () => readAllEvents(ledger.store));
  const projections = baselineProjections();
  const rebuilt = await timed(`rebuild of ${projections.join(' + ')}`, () => rebuild(ledger, projections));
  // Only the summary is kept: the findings of some 300,000 calls would weigh on the reports timed next.
  const audit = await timed<Pick<CallAudit, 'summary' | 'checkpoint'>>('audit of every call', async () => {
    const { summary, checkpoint } = await auditCalls({ store: ledger.store, db: ledger.database }, period);
    return { summary, checkpoint };
  });
  const caughtUp = await timed('catch-up of the register and CTM projections', () => catchUpReportModels(ledger));
  const asOf = new Date();
  const ctmQuery = { productCategory: main.category, bucketMonths: CTM_BUCKET_MONTHS, ...period };
  // The replays, the way both reports were built before their read models: the reference, in the same run.
  const registerReplay = await timed<ProcessingRegister>('processing register as of today, replayed', () => replayProcessingRegister(ledger.store, asOf));
  const ctmReplay = await timed<CtmReport>(`CTM report, ${main.category}, replayed`, () => replayCtmReport({ store: ledger.store }, ctmQuery));
  const register = await timed<ProcessingRegister>('processing register as of today', () => processingRegister(ledger.database, asOf));
  const ctm = await timed<CtmReport>(`CTM report, ${main.category}`, () => ctmReport({ db: ledger.database }, ctmQuery));

  const rebuildRate = head / rebuilt.seconds;
  const auditRatio = `${(head / audit.seconds / rebuildRate).toFixed(2)}×`;
  const calls = audit.result.summary.callsAudited;
  const lines = [
    `\nAccountability benchmark on ${data.database} (${data.spec.contacts.toLocaleString('en')} contacts, ${head.toLocaleString('en')} events, ` +
      `${facts.calls.toLocaleString('en')} calls) on PostgreSQL, ${machineLine()}\n`,
    '| run | seconds | events/s | calls/s | rate ÷ rebuild rate (the same in events and in calls) | target | load when done |',
    '|---|---:|---:|---:|---:|---|---|',
    `| bare readAll of the store (the floor of a replay) | ${bare.seconds.toFixed(1)} | ${rate(head, bare.seconds)} | ${rate(facts.calls, bare.seconds)} | ${(rebuilt.seconds / bare.seconds).toFixed(2)}× | | ${bare.load} |`,
    `| rebuild of ${projections.length === allProjections().length ? 'every projection' : projections.join(' + ')} (baseline) | ${rebuilt.seconds.toFixed(1)} | ${rate(head, rebuilt.seconds)} | ${rate(facts.calls, rebuilt.seconds)} | 1.00× | | ${rebuilt.load} |`,
    `| audit of every call (${calls.toLocaleString('en')} calls) | ${audit.seconds.toFixed(1)} | ${rate(head, audit.seconds)} | ${rate(calls, audit.seconds)} | ${auditRatio} | | ${audit.load} |`,
    `| catch-up of the register and CTM projections (0 events when the baseline rebuilt them), and ANALYZE of their tables | ${caughtUp.seconds.toFixed(1)} | | | | | ${caughtUp.load} |`,
    `| processing register as of today, replayed from the store (the reference) | ${registerReplay.seconds.toFixed(2)} | ${rate(head, registerReplay.seconds)} | | | | ${registerReplay.load} |`,
    `| **processing register** as of today, from its read models (${register.result.activities.length} activities) | ${register.seconds.toFixed(2)} | ${rate(head, register.seconds)} | | ${(registerReplay.seconds / register.seconds).toFixed(1)}× the replay | ${target(register.seconds)} | ${register.load} |`,
    `| CTM report, replayed from the store (the reference) | ${ctmReplay.seconds.toFixed(2)} | ${rate(head, ctmReplay.seconds)} | | | | ${ctmReplay.load} |`,
    `| **CTM report**, ${main.category}, ${CTM_BUCKET_MONTHS}-month buckets, from its read models (${ctm.result.totals.calls.toLocaleString('en')} calls) | ${ctm.seconds.toFixed(2)} | ${rate(head, ctm.seconds)} | | ${(ctmReplay.seconds / ctm.seconds).toFixed(1)}× the replay | ${target(ctm.seconds)} | ${ctm.load} |`,
    '',
    `audit: ${audit.result.summary.lawful.toLocaleString('en')} lawful, ${audit.result.summary.callWhileIneligible.toLocaleString('en')} CALL_WHILE_INELIGIBLE, ` +
      `${audit.result.summary.propagationDelay.toLocaleString('en')} PROPAGATION_DELAY; reasons: ` +
      audit.result.summary.byReason.map((entry) => `${entry.code} ${entry.calls}`).join(', '),
    `CTM buckets: ${ctm.result.buckets.map((bucket) => `${bucket.label}: ${bucket.calls}`).join(', ')}; without purchase: ${ctm.result.withoutPurchase.calls}`,
  ];
  console.log(lines.join('\n'));

  expect(bare.result).toBe(head);
  expect(rebuilt.result).toBe(head);
  expect(audit.result.checkpoint).toBe(head);
  expect(calls).toBe(facts.calls);
  expect(audit.result.summary.lawful + audit.result.summary.callWhileIneligible + audit.result.summary.propagationDelay).toBe(calls);
  expect(register.result.activities.map((activity) => activity.campaignId).sort()).toEqual(data.campaigns.map((campaign) => campaign.campaignId).sort());
  expect(register.result.checkpoint).toBe(head);
  expect(ctm.result.checkpoint).toBe(head);
  expect(answerOf(register.result)).toBe(answerOf(registerReplay.result));
  expect(answerOf(ctm.result)).toBe(answerOf(ctmReplay.result));
  expect(ctm.result.totals.calls).toBe(main.calls);
  expect(ctm.result.buckets.reduce((sum, bucket) => sum + bucket.calls, 0) + ctm.result.withoutPurchase.calls).toBe(main.calls);
});
