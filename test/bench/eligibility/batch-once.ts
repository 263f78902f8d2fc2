/**
 * `eligibilityBatch`'s server part outside vitest, to profile it: the reader's batch path (E.164,
 * keyed hashes, SQL, evaluation) on the benchmark's call list, timed run by run, next to the bare SQL:
 *   node --cpu-prof --import ./test/support/register.mjs test/bench/eligibility/batch-once.ts
 * with the CALLTRAIL_BENCH_* variables of the benchmark. Reads the data set only (no catch-up).
 * CALLTRAIL_BENCH_RUNS: measured runs (20, after 3 warm-ups).
 *
 * Per batch it also prints what depends less on a shared machine's load than the wall clock: the
 * process's CPU time (GC threads included), the heap allocated (v8.GCProfiler's before/after
 * statistics) and the time in GC pauses; and a split of the wall clock, found by wrapping what the
 * reader is handed: the keyed hashes (summed), the statements outside a transaction (the context),
 * the list's transaction, and the rest (the evaluations when the transaction only reads; when the
 * reader evaluates inside its transaction, that time is in the transaction's).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { EligibilityReader } from '@calltrail/ledger';
import type { SqlQueryable } from '@calltrail/sql';
import { ensureBenchDataSet } from '../data';
import { loadNote, median, ms } from '../data/measure';
import { benchDataOptions } from '../data/options';
import { BARE_BATCH, CAMPAIGN, PROCESSOR, callList } from './call-list';
import { heapAllocation } from './heap-allocation';

const RUNS = Number(process.env['CALLTRAIL_BENCH_RUNS'] ?? 20);
const WARM_UP = 3;

/** Wall-clock time spent in each wrapped phase during one batch. */
interface Phases {
  hashes: number;
  statements: number;
  transaction: number;
}

async function timed<T>(phases: Phases, phase: keyof Phases, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[phase] += performance.now() - started;
  }
}

const data = await ensureBenchDataSet(benchDataOptions());
const ledger = await data.openLedger();
try {
  const phases: Phases = { hashes: 0, statements: 0, transaction: 0 };
  const db = ledger.database;
  const timedDb: SqlQueryable & Pick<typeof db, 'transaction'> = {
    query: (...args) => timed(phases, 'statements', () => db.query(...args)),
    exec: (sql) => timed(phases, 'statements', () => db.exec(sql)),
    transaction: (work) => timed(phases, 'transaction', () => db.transaction(work)),
  };
  const phoneHash = (e164: string) => {
    const started = performance.now();
    const hash = ledger.vault.phoneHash(e164);
    phases.hashes += performance.now() - started;
    return hash;
  };
  const reader = new EligibilityReader({ db: timedDb, store: ledger.store, phoneHash });
  const target = {
    campaignId: data.campaigns.find((campaign) => campaign.key === CAMPAIGN)!.campaignId,
    processorId: data.processors.find((processor) => processor.key === PROCESSOR)!.processorId,
  };
  const numbers = callList(data, 10_000);
  const hashes = numbers.map((e164) => ledger.vault.phoneHash(e164));
  let gcPauses = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const load = loadNote();
  const samples = { batch: [] as number[], bare: [] as number[], cpu: [] as number[], allocatedMb: [] as number[], gc: [] as number[] };
  const split = { hashes: [] as number[], statements: [] as number[], transaction: [] as number[], rest: [] as number[] };
  for (let run = 0; run < RUNS + WARM_UP; run += 1) {
    Object.assign(phases, { hashes: 0, statements: 0, transaction: 0 });
    const gcProfiler = new GCProfiler();
    gcProfiler.start();
    const usedAtStart = getHeapStatistics().used_heap_size;
    const gcAtStart = gcPauses;
    const cpuAtStart = process.cpuUsage();
    let started = performance.now();
    await reader.checkBatch(numbers, target);
    const batchMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuAtStart);
    const usedAtEnd = getHeapStatistics().used_heap_size;
    const { statistics } = gcProfiler.stop();
    // The GC observer reports from a task of its own: let it run before reading the pauses.
    await new Promise((resolve) => setImmediate(resolve));
    const gcMs = gcPauses - gcAtStart;
    started = performance.now();
    await db.query(BARE_BATCH, [hashes]);
    const bareMs = performance.now() - started;
    if (run < WARM_UP) continue;
    samples.batch.push(batchMs);
    samples.bare.push(bareMs);
    samples.cpu.push((cpu.user + cpu.system) / 1000);
    samples.allocatedMb.push(heapAllocation(statistics, usedAtStart, usedAtEnd).allocated / 1024 / 1024);
    samples.gc.push(gcMs);
    split.hashes.push(phases.hashes);
    split.statements.push(phases.statements);
    split.transaction.push(phases.transaction);
    split.rest.push(batchMs - phases.hashes - phases.statements - phases.transaction);
  }
  observer.disconnect();
  const cpu = process.cpuUsage();
  console.log(`load ${load} → ${loadNote()}; ${RUNS} runs, interleaved with the bare SQL`);
  console.log(
    `batch median ${ms(median(samples.batch))} best ${ms(Math.min(...samples.batch))}; bare SQL median ${ms(median(samples.bare))} best ${ms(Math.min(...samples.bare))}; ratio ${(median(samples.batch) / median(samples.bare)).toFixed(2)}×`,
  );
  console.log(
    `per batch (medians): CPU ${ms(median(samples.cpu))}, allocated ${median(samples.allocatedMb).toFixed(1)} MB, GC pauses ${ms(median(samples.gc))}`,
  );
  console.log(
    `split (medians): keyed hashes ${ms(median(split.hashes))}, statements outside a transaction ${ms(median(split.statements))}, ` +
      `the list's transaction ${ms(median(split.transaction))}, the rest ${ms(median(split.rest))}`,
  );
  console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
} finally {
  await ledger.close();
}
