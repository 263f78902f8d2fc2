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

it('rebuild of every projection from 1,000,000 events, against a bare readAll', async () => {
  const head = await ledger.store.headPosition();
  const names = allProjections().map((projection) => projection.name);
  const rebuild = (only?: string) => async () => {
    const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections(), { batchSize: BATCH });
    let applied = 0;
    await runner.rebuild(only ? [only] : undefined, {
      onProgress: (progress) => {
        applied = progress.applied;
      },
    });
    return applied;
  };
  const rows: Row[] = [];
  rows.push(await timed('bare readAll (first pass)', () => readAllEvents(ledger.store)));
  for (const name of names) rows.push(await timed(`rebuild ${name}`, rebuild(name)));
  rows.push(await timed(`rebuild all (${names.join(' + ')}), as \`calltrail rebuild\``, async () => (await rebuild()()) && head));
  rows.push(await timed('bare readAll (second pass)', () => readAllEvents(ledger.store)));

  const bare = rows.filter((row) => row.what.startsWith('bare')).reduce((best, row) => (row.seconds < best.seconds ? row : best));
  const rate = (row: Row) => Math.round(head / row.seconds);
  const lines = [
    `\nRebuild benchmark on ${data.database} (${data.spec.contacts.toLocaleString('en')} contacts, ${head.toLocaleString('en')} events) on PostgreSQL, ${machineLine()}\n`,
    '| run | events | seconds | events/s | bare readAll ÷ this | target | load while running |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows.map((row) => {
      const target = row.what.startsWith('rebuild all') ? `≥ 30,000 events/s: ${rate(row) >= 30_000 ? 'met' : 'missed'}` : row === bare ? 'the limit' : '';
      return `| ${row.what} | ${head.toLocaleString('en')} | ${row.seconds.toFixed(1)} | ${rate(row).toLocaleString('en')} | ${(row.seconds / bare.seconds).toFixed(1)}× | ${target} | ${row.load} |`;
    }),
  ];
  console.log(lines.join('\n'));
  for (const row of rows) expect(row.events).toBeGreaterThan(0);
  const { rows: checkpoints } = await ledger.database.query<{ name: string; position: string }>('SELECT name, position FROM projection_checkpoints');
  for (const checkpoint of checkpoints.filter((c) => names.includes(c.name))) expect(Number(checkpoint.position)).toBe(head);
});
