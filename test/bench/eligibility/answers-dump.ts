/**
 * The answers of `checkBatch` for the benchmark's call list, at fixed moments, written as JSON, to
 * compare two versions of the code byte for byte (reads the data set only):
 *   node --import ./test/support/register.mjs test/bench/eligibility/answers-dump.ts <out.json> [ISO instant…]
 * Default moments: inside and outside Brussels calling hours on the data set's last day.
 * CALLTRAIL_BENCH_DUMP_SINGLE=<n>: also the answers of `check` for the first n numbers, one at a time
 * (the path of a dialer's single checks), from one reader per moment.
 */
import { writeFileSync } from 'node:fs';
import { EligibilityReader } from '@calltrail/ledger';
import { ensureBenchDataSet } from '../data';
import { benchDataOptions } from '../data/options';
import { CAMPAIGN, PROCESSOR, callList } from './call-list';

const [out, ...instants] = process.argv.slice(2);
if (!out) throw new Error('usage: answers-dump.ts <out.json> [ISO instant…]');
const moments = instants.length > 0 ? instants : ['2026-12-01T10:00:00.000Z', '2026-12-01T23:30:00.000Z'];

const singleChecks = Number(process.env['CALLTRAIL_BENCH_DUMP_SINGLE'] ?? 0);

const data = await ensureBenchDataSet(benchDataOptions());
const ledger = await data.openLedger();
try {
  const target = {
    campaignId: data.campaigns.find((campaign) => campaign.key === CAMPAIGN)!.campaignId,
    processorId: data.processors.find((processor) => processor.key === PROCESSOR)!.processorId,
  };
  const numbers = callList(data, 10_000);
  const answers: Record<string, unknown> = {};
  for (const moment of moments) {
    const clock = () => new Date(moment);
    const reader = new EligibilityReader({ db: ledger.database, store: ledger.store, phoneHash: (e164) => ledger.vault.phoneHash(e164), clock });
    answers[moment] = await reader.checkBatch(numbers, target);
    const single: unknown[] = [];
    for (const phone of numbers.slice(0, singleChecks)) single.push(await reader.check({ phone }, target));
    if (singleChecks > 0) answers[`${moment} one at a time`] = single;
  }
  writeFileSync(out, JSON.stringify(answers, null, 1));
  console.log(`${out}: ${moments.length} × ${numbers.length} answers`);
} finally {
  await ledger.close();
}
