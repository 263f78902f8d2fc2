/**
 * Append throughput: calltrail against Emmett (the nearest TypeScript peer) and a raw INSERT
 * (the limit), on the same PostgreSQL, in one run. `npm run bench:append`. Results: docs/benchmarks.md.
 * Each scenario runs 3 rounds, the systems taking turns within each round; a row is the median round.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { expect, it } from 'vitest';
import { createBenchDatabase, serverUrl } from './databases';
import { openPostgres } from '@calltrail/sql';
import {
  calltrailOnEventStoreDb,
  calltrailOnPglite,
  calltrailOnPostgres,
  calltrailOnPostgresOneBatchAtATime,
  emmett,
  rawInsert,
  rawInsertOnPglite,
  type SystemFactory,
  type SystemUnderTest,
} from './systems';
import { callEvent } from './call-event';

interface Scenario {
  name: string;
  streams: number;
  eventsPerAppend: number;
  writers: number;
}

const scenarioA: Scenario = { name: '(a) 10k events, 1,000 streams, 10/append, 8 writers', streams: 1_000, eventsPerAppend: 10, writers: 8 };
const scenarioB: Scenario = { name: '(b) 10k one-event appends, 64 writers', streams: 10_000, eventsPerAppend: 1, writers: 64 };
const WARM_UP_STREAMS = 64;

/** Each writer appends to its share of the streams, one append per stream, one after the other. */
async function runWriters(system: SystemUnderTest, scenario: Scenario, prefix: string) {
  const streamIds = Array.from({ length: scenario.streams }, (_, n) => `${prefix}-${n}`);
  const batches = streamIds.map((_, n) =>
    Array.from({ length: scenario.eventsPerAppend }, (_, i) => callEvent(n * scenario.eventsPerAppend + i)),
  );
  let next = 0;
  const writer = async () => {
    while (next < streamIds.length) {
      const n = next++;
      await system.appendNew(streamIds[n]!, batches[n]!);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: scenario.writers }, writer));
  return (performance.now() - started) / 1_000;
}

interface Row {
  scenario: string;
  system: string;
  events: number;
  seconds: number;
  rate: number;
  notes: string;
}

/** Rounds of each scenario; a row shows the median round. */
const ROUNDS = 3;

interface Contender {
  system: string;
  sut: SystemUnderTest;
  rounds: { seconds: number; notes: string }[];
}

/**
 * Opens every system of a scenario, warms each up, then runs ROUNDS rounds, each system once per
 * round in turn (so a change of load on this shared machine falls on all of them alike), each
 * round to new streams. A row is the median round of its system.
 */
async function measureScenario(scenario: Scenario, systems: [string, SystemFactory][]): Promise<Row[]> {
  const contenders: Contender[] = [];
  try {
    for (const [system, factory] of systems) contenders.push({ system, sut: await factory(), rounds: [] });
    for (const contender of contenders) {
      await runWriters(contender.sut, { ...scenario, streams: WARM_UP_STREAMS }, `warm-${randomUUID()}`);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const contender of contenders) {
        contender.sut.startRound();
        const seconds = await runWriters(contender.sut, scenario, `bench-${randomUUID()}`);
        contender.rounds.push({ seconds, notes: contender.sut.notes() });
      }
    }
  } finally {
    for (const contender of contenders) await contender.sut.close();
  }
  return contenders.map((contender) => medianRow(scenario, contender));
}

function medianRow(scenario: Scenario, contender: Contender): Row {
  const events = scenario.streams * scenario.eventsPerAppend;
  const sorted = [...contender.rounds].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const rates = contender.rounds.map((round) => Math.round(events / round.seconds).toLocaleString('en')).join(' / ');
  const notes = [`rounds: ${rates} events/s`, median.notes].filter((note) => note !== '').join('; ');
  return { scenario: scenario.name, system: contender.system, events, seconds: median.seconds, rate: events / median.seconds, notes };
}

function ratio(row: Row, baseline: Row | undefined): string {
  return baseline ? `${(row.rate / baseline.rate).toFixed(2)}×` : '';
}

/**
 * How long one commit takes on this server (one-row INSERTs, one after the other): calltrail
 * commits one transaction at a time (docs/event-store.md), so this bounds its transactions per second.
 */
async function measureCommitLatency(): Promise<number> {
  const database = await createBenchDatabase('commit');
  const db = await openPostgres({ connectionString: database.url, max: 1 });
  try {
    await db.exec('CREATE TABLE commits (n integer)');
    const commits = 300;
    const started = performance.now();
    for (let n = 0; n < commits; n += 1) await db.query('INSERT INTO commits VALUES ($1)', [n]);
    return (performance.now() - started) / commits;
  } finally {
    await db.close();
    await database.drop();
  }
}

function printTable(rows: Row[], commitMs: { before: number; after: number }): void {
  const lines = [
    '| scenario | system | events | seconds | events/s | calltrail ÷ this | notes |',
    '|---|---|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const calltrail = rows.find((other) => other.scenario === row.scenario && other.system.startsWith('calltrail') && other.system.endsWith(row.system.includes('PGlite') ? 'PGlite' : 'PostgreSQL'));
    lines.push(
      `| ${row.scenario} | ${row.system} | ${row.events} | ${row.seconds.toFixed(2)} | ${Math.round(row.rate).toLocaleString('en')} | ${calltrail && calltrail !== row ? ratio(calltrail, row) : ''} | ${row.notes} |`,
    );
  }
  console.log(`\nAppend benchmark on ${new URL(serverUrl).host}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);
  console.log(lines.join('\n'));
  console.log(`\nOne commit (one-row INSERT, one at a time) on this server: ${commitMs.before.toFixed(2)} ms before the runs, ${commitMs.after.toFixed(2)} ms after`);
}

it('append throughput: calltrail vs Emmett vs raw INSERT', async () => {
  const rows: Row[] = [];
  const commitBefore = await measureCommitLatency();
  for (const scenario of [scenarioA, scenarioB]) {
    const systems: [string, SystemFactory][] = [
      ['calltrail on PostgreSQL', calltrailOnPostgres],
      ['calltrail, one batch at a time, on PostgreSQL', calltrailOnPostgresOneBatchAtATime],
      ['Emmett 0.42.0 on PostgreSQL', emmett],
      ['raw INSERT on PostgreSQL', rawInsert],
    ];
    if (process.env['EVENTSTORE_URL']) systems.push(['calltrail on EventStoreDB', calltrailOnEventStoreDb]);
    rows.push(...(await measureScenario(scenario, systems)));
  }
  rows.push(
    ...(await measureScenario(scenarioA, [
      ['calltrail on PGlite', calltrailOnPglite],
      ['raw INSERT on PGlite', rawInsertOnPglite],
    ])),
  );
  const commitAfter = await measureCommitLatency();
  printTable(rows, { before: commitBefore, after: commitAfter });
  expect(rows.every((row) => row.rate > 0)).toBe(true);
});
