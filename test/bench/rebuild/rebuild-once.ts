/**
 * One `calltrail rebuild` of the benchmark data set, outside vitest, to profile it:
 *   node --cpu-prof --import ./test/support/register.mjs test/bench/rebuild/rebuild-once.ts [projection…]
 * with the CALLTRAIL_BENCH_* variables of the benchmark. Prints each projection's time, the heap (with
 * --expose-gc, what the projections' memory retains), the CPU seconds, and with CALLTRAIL_BENCH_TIME_SQL=1
 * the time per statement.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { ensureBenchDataSet } from '../data';
import { benchDataOptions } from '../data/options';

/** With CALLTRAIL_BENCH_TIME_SQL=1: the time spent in each statement (by its first words), printed at the end. */
const sqlTimes = new Map<string, { calls: number; ms: number }>();
if (process.env['CALLTRAIL_BENCH_TIME_SQL'] === '1') {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    const started = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      void result.finally(() => {
        const entry = sqlTimes.get(key) ?? { calls: 0, ms: 0 };
        entry.calls += 1;
        entry.ms += performance.now() - started;
        sqlTimes.set(key, entry);
      }).catch(() => undefined);
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

const data = await ensureBenchDataSet(benchDataOptions());
const ledger = await data.openLedger();
try {
  const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections(), { batchSize: Number(process.env['CALLTRAIL_BENCH_BATCH'] ?? 5_000) });
  const done = new Map<string, { applied: number; elapsedMs: number }>();
  let heapMb = 0;
  const cpuBefore = process.cpuUsage();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  // CALLTRAIL_BENCH_CATCH_UP=1: go on from the checkpoints instead (e.g. after killing a rebuild).
  const run = process.env['CALLTRAIL_BENCH_CATCH_UP'] === '1' ? runner.catchUp.bind(runner) : runner.rebuild.bind(runner);
  await run(process.argv.slice(2), {
    onProgress: ({ projection, applied, elapsedMs, position, head }) => {
      done.set(projection, { applied, elapsedMs });
      // With --expose-gc: what the projections' memory holds at the end, the garbage collected.
      if (gc && position === head) {
        gc();
        console.log(`${projection} done: ${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB retained`);
      }
      heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 1e6);
    },
  });
  for (const [name, { applied, elapsedMs }] of done) {
    console.log(`${name}: ${applied} events in ${(elapsedMs / 1_000).toFixed(1)} s, ${Math.round(applied / (elapsedMs / 1_000))} events/s`);
  }
  console.log(`largest heap seen: ${Math.round(heapMb)} MB`);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`CPU seconds: this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)}, its PostgreSQL backends ${(await backendCpuSeconds(ledger.database)).toFixed(1)} (when the server runs on this machine)`);
  for (const [sql, { calls, ms }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`${(ms / 1_000).toFixed(2).padStart(7)} s ${String(calls).padStart(6)}× ${sql}`);
  }
} finally {
  await ledger.close();
}

/** CPU seconds of the server processes serving this database now (from /proc; 0 when not readable). */
async function backendCpuSeconds(db: { query: <R>(sql: string) => Promise<{ rows: R[] }> }): Promise<number> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // not on this machine, or gone
    }
  }
  return ticks / 100;
}
