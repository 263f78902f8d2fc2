import type { BenchDataSetOptions } from './index';

/**
 * The data set a benchmark run uses, from the environment: CALLTRAIL_BENCH_DATABASE (default
 * calltrail_bench_data), CALLTRAIL_BENCH_CONTACTS (100000), CALLTRAIL_BENCH_EVENTS (1000000).
 */
export function benchDataOptions(env: Record<string, string | undefined> = process.env): BenchDataSetOptions {
  const count = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new RangeError(`${name}: must be a positive whole number`);
    return parsed;
  };
  return {
    database: env['CALLTRAIL_BENCH_DATABASE'] || undefined,
    contacts: count('CALLTRAIL_BENCH_CONTACTS'),
    events: count('CALLTRAIL_BENCH_EVENTS'),
  };
}
