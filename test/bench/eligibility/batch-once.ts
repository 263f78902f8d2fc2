/**
 * `eligibilityBatch`'s server part outside vitest, to profile it: the reader's batch path (E.164,
 * keyed hashes, SQL, evaluation) on the benchmark's call list, timed run by run, next to the bare SQL:
 *   node --cpu-prof --import ./test/support/register.mjs test/bench/eligibility/batch-once.ts
 * with the CALLTRAIL_BENCH_* variables of the benchmark. Reads the data set only (no catch-up).
 * CALLTRAIL_BENCH_TIME_SQL=1 also times the SQL of each run by itself.
 */
import { EligibilityReader } from '@calltrail/ledger';
import { ensureBenchDataSet } from '../data';
import { loadNote, median, ms } from '../data/measure';
import { benchDataOptions } from '../data/options';
import { BARE_BATCH, CAMPAIGN, PROCESSOR, callList } from './call-list';

const RUNS = Number(process.env['CALLTRAIL_BENCH_RUNS'] ?? 20);

const data = await ensureBenchDataSet(benchDataOptions());
const ledger = await data.openLedger();
try {
  const reader = new EligibilityReader({ db: ledger.database, store: ledger.store, phoneHash: (e164) => ledger.vault.phoneHash(e164) });
  const target = {
    campaignId: data.campaigns.find((campaign) => campaign.key === CAMPAIGN)!.campaignId,
    processorId: data.processors.find((processor) => processor.key === PROCESSOR)!.processorId,
  };
  const numbers = callList(data, 10_000);
  const hashes = numbers.map((e164) => ledger.vault.phoneHash(e164));
  const load = loadNote();
  const batch: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS + 3; run += 1) {
    let started = performance.now();
    await reader.checkBatch(numbers, target);
    const batchMs = performance.now() - started;
    started = performance.now();
    await ledger.database.query(BARE_BATCH, [hashes]);
    const bareMs = performance.now() - started;
    if (run < 3) continue;
    batch.push(batchMs);
    bare.push(bareMs);
  }
  const cpu = process.cpuUsage();
  console.log(`load ${load} → ${loadNote()}; ${RUNS} runs, interleaved with the bare SQL`);
  console.log(`batch median ${ms(median(batch))} best ${ms(Math.min(...batch))}; bare SQL median ${ms(median(bare))} best ${ms(Math.min(...bare))}; ratio ${(median(batch) / median(bare)).toFixed(2)}×`);
  console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
} finally {
  await ledger.close();
}
