/**
 * `npx vitest run --config test/bench/data/vitest.config.ts`: generates the benchmark data set, or
 * says it is already there. The benchmarks call the same function, so running this first is optional.
 */
import { expect, it } from 'vitest';
import { ensureBenchDataSet } from './index';
import { benchDataOptions } from './options';

it('the benchmark data set exists', async () => {
  const data = await ensureBenchDataSet(benchDataOptions());
  const ledger = await data.openLedger();
  try {
    expect(await ledger.store.headPosition()).toBe(data.spec.events);
  } finally {
    await ledger.close();
  }
});
