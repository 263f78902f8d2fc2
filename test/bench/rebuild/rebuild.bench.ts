/**
 * Rebuild of the projections from the benchmark data set (1,000,000 events) on PostgreSQL, as
 * `calltrail rebuild` does it, against a bare `readAll` of the same events in the same run (the limit:
 * reading without applying). `npm run bench:rebuild`. Results: docs/benchmarks.md.
 */
import type { EventStore } from '@calltrail/event-store';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import type { Ledger } from '@calltrail/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBenchDataSet, type BenchDataSet } from '../data';
import { loadNote, machineLine } from '../data/measure';
import { benchDataOptions } from '../data/options';

/** The runner's own batch size, so the baseline reads in the same steps. */
const BATCH = 5_000;

interface Row {
  what: string;
  events: number;
  seconds: number;
  load: string;
}

/** Reads every event in global order, batch after batch, and does nothing with them. */
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

async function timed(what: string, work: () => Promise<number>): Promise<Row> {
  const started = performance.now();
  const events = await work();
  const row = { what, events, seconds: (performance.now() - started) / 1_000, load: loadNote() };
  console.log(`${what}: ${events.toLocaleString('en')} events in ${row.seconds.toFixed(1)} s (${row.load})`);
  return row;
}

let data: BenchDataSet;
let ledger: Ledger;

beforeAll(async () => {
  data = await ensureBenchDataSet(benchDataOptions());
  ledger = await data.openLedger();
}, 90 * 60_000);

afterAll(async () => {
  await ledger?.close();
});

/**
 * The projections to rebuild: all of them (as `calltrail rebuild` does), or the ones named in
 * CALLTRAIL_BENCH_PROJECTIONS (comma-separated, e.g. `eligibility`).
 */
function selectedProjections(): string[] {
  const all = allProjections().map((projection) => projection.name);
  const named = (process.env['CALLTRAIL_BENCH_PROJECTIONS'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = named.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new RangeError(`CALLTRAIL_BENCH_PROJECTIONS: ${unknown.join(', ')} is not one of ${all.join(', ')}`);
  return named.length > 0 ? named : all;
}

/** `calltrail rebuild`: the projections one after the other; the time of each, from its progress reports. */
async function rebuildAll(ledger: Ledger, names: string[]): Promise<{ total: Row; each: Row[] }> {
  const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections(), { batchSize: BATCH });
  const each = new Map<string, { applied: number; elapsedMs: number }>();
  const all = names.length === runner.projections.length;
  const total = await timed(`rebuild ${all ? 'all' : 'of'} ${names.join(' + ')}${all ? ', as `calltrail rebuild`' : ''}`, async () => {
    await runner.rebuild(names, {
      onProgress: (progress) => {
        each.set(progress.projection, { applied: progress.applied, elapsedMs: progress.elapsedMs });
      },
    });
    return Math.min(...[...each.values()].map((progress) => progress.applied));
  });
  return {
    total,
    each: [...each].map(([name, progress]) => ({ what: `… of which ${name}`, events: progress.applied, seconds: progress.elapsedMs / 1_000, load: total.load })),
  };
}

it('rebuild of every projection from 1,000,000 events, against a bare readAll', async () => {
  const head = await ledger.store.headPosition();
  const names = selectedProjections();
  const rows: Row[] = [];
  rows.push(await timed('bare readAll (first pass)', () => readAllEvents(ledger.store)));
  const rebuilt = await rebuildAll(ledger, names);
  rows.push(rebuilt.total, ...rebuilt.each);
  rows.push(await timed('bare readAll (second pass)', () => readAllEvents(ledger.store)));

  const bare = rows.filter((row) => row.what.startsWith('bare')).reduce((best, row) => (row.seconds < best.seconds ? row : best));
  const rate = (row: Row) => Math.round(row.events / row.seconds);
  const lines = [
    `\nRebuild benchmark on ${data.database} (${data.spec.contacts.toLocaleString('en')} contacts, ${head.toLocaleString('en')} events) on PostgreSQL, ${machineLine()}\n`,
    '| run | events | seconds | events/s | time ÷ bare readAll | target | load when done |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows.map((row) => {
      const target = row === rebuilt.total ? `≥ 30,000 events/s: ${rate(row) >= 30_000 ? 'met' : 'missed'}` : row === bare ? 'the limit' : '';
      return `| ${row.what} | ${row.events.toLocaleString('en')} | ${row.seconds.toFixed(1)} | ${rate(row).toLocaleString('en')} | ${(row.seconds / bare.seconds).toFixed(1)}× | ${target} | ${row.load} |`;
    }),
  ];
  console.log(lines.join('\n'));
  expect(rebuilt.total.events).toBe(head);
  const { rows: checkpoints } = await ledger.database.query<{ name: string; position: string }>('SELECT name, position FROM projection_checkpoints');
  for (const name of names) expect(Number(checkpoints.find((checkpoint) => checkpoint.name === name)?.position)).toBe(head);
});
