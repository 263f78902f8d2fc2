/**
 * Eligibility on the benchmark data set (100,000 contacts, 1,000,000 events), against a server
 * started in-process on loopback: one `eligibility` over HTTP, 10,000 sequential requests; and
 * `eligibilityBatch` of 10,000 numbers, timed in the server. Each next to a bare SQL lookup of the
 * same keyed hashes in the same run (the limit). The single requests run three times: with Node's fetch
 * and with a plain kept-alive node:http client, both in the server's process, and with that client
 * in a process of its own, as a dialer is. `npm run bench:eligibility`.
 * Results: docs/benchmarks.md.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CheckEligibilityBatchHandler, CheckEligibilityHandler } from '@calltrail/ledger';
import { ELIGIBILITY_PROJECTION, ELIGIBILITY_TABLES, ProjectionRunner, allProjections } from '@calltrail/projections';
import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import type { SqlQueryable } from '@calltrail/sql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../support/graphql-client';
import { ensureBenchDataSet, type BenchDataSet } from '../data';
import { loadNote, machineLine, median, ms, percentile } from '../data/measure';
import { benchDataOptions } from '../data/options';
import { BARE_BATCH, BARE_ONE, CAMPAIGN, PROCESSOR, callList } from './call-list';
import type { DialerJob, DialerRun } from './dialer-process';
import { KeepAliveClient } from './keep-alive-client';
import { timeHandler } from './time-handler';

const REQUESTS = 10_000;
const WARM_UP_REQUESTS = 1_000;
const BATCH_SIZE = 10_000;
const BATCH_RUNS = 10;

const ONE = `query ($phone: String, $campaignId: ID!, $processorId: ID!) {
  eligibility(phone: $phone, campaignId: $campaignId, processorId: $processorId) { eligible nextEligibleAt checkpoint reasons { code until } }
}`;
const BATCH = `query ($phones: [String!]!, $campaignId: ID!, $processorId: ID!) {
  eligibilityBatch(phones: $phones, campaignId: $campaignId, processorId: $processorId) { index eligible nextEligibleAt checkpoint reasons { code until } }
}`;

interface Answer {
  eligible: boolean;
  reasons: { code: string }[];
}

/** The single checks from `dialer-process.ts`, a client in a process of its own. */
async function roundTripsFromOwnProcess(job: DialerJob): Promise<DialerRun> {
  const folder = await mkdtemp(join(tmpdir(), 'calltrail-dialer-'));
  try {
    const jobFile = join(folder, 'job.json');
    await writeFile(jobFile, JSON.stringify(job));
    const script = fileURLToPath(new URL('./dialer-process.ts', import.meta.url));
    const typescript = new URL('../../support/register.mjs', import.meta.url).href;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', typescript, script, jobFile], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as DialerRun;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The durations of every call of a query handler's `execute`, in the array returned. */
function handlerDurations<Q, R>(handler: { execute(query: Q): Promise<R> }): number[] {
  const samples: number[] = [];
  timeHandler(handler, (start, end) => samples.push(end - start));
  return samples;
}

async function timeSql(db: SqlQueryable, sql: string, params: unknown[]): Promise<number> {
  const started = performance.now();
  await db.query(sql, params);
  return performance.now() - started;
}

/** The eligibility checkpoint and when it last moved: both stay put while nothing rebuilds the read models. */
async function eligibilityCheckpoint(db: SqlQueryable): Promise<string> {
  const { rows } = await db.query<{ at: string }>(
    `SELECT position || ' at ' || updated_at AS at FROM projection_checkpoints WHERE name = $1`,
    [ELIGIBILITY_PROJECTION],
  );
  return rows[0]?.at ?? 'none';
}

let data: BenchDataSet;
let ledger: Ledger;
let server: RunningServer;
let key: string;
let keyId: string;
let variables: { campaignId: string; processorId: string };

/**
 * This server runs with autovacuum off. A rebuild writes each contact's rows many times, and a
 * normal server vacuums and analyses such tables within a minute; without it every lookup steps over
 * dead row versions, and the planner has no statistics for tables created since the last ANALYZE.
 */
async function vacuumReadModels(ledger: Ledger): Promise<void> {
  const started = performance.now();
  // dnc_registry_entries is written by the DNC import, not by the projection (so not among its tables).
  for (const table of [...ELIGIBILITY_TABLES, 'dnc_registry_entries']) await ledger.database.exec(`VACUUM ANALYZE ${table}`);
  console.log(`VACUUM ANALYZE of the eligibility tables in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
}

beforeAll(async () => {
  data = await ensureBenchDataSet(benchDataOptions());
  ledger = await data.openLedger();
  const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections());
  const started = performance.now();
  await runner.catchUp([ELIGIBILITY_PROJECTION]);
  console.log(`read models caught up in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
  await vacuumReadModels(ledger);
  const processorId = data.processors.find((processor) => processor.key === PROCESSOR)!.processorId;
  variables = { campaignId: data.campaigns.find((campaign) => campaign.key === CAMPAIGN)!.campaignId, processorId };
  const created = await ledger.apiKeys.create({ role: 'dialer', processorId, label: 'eligibility benchmark' });
  key = created.key;
  keyId = created.record.keyId;
  server = await startServer(ledger);
}, 60 * 60_000);

afterAll(async () => {
  if (keyId) await ledger.apiKeys.revoke(keyId);
  await server?.close();
  await ledger?.close();
});

it('eligibility: one number over HTTP, and a call list of 10,000 in the server, against bare SQL', async () => {
  const numbers = callList(data, BATCH_SIZE);
  const hashes = numbers.map((e164) => ledger.vault.phoneHash(e164));
  const oneInServer = handlerDurations(server.app.get(CheckEligibilityHandler, { strict: false }));
  const batchInServer = handlerDurations(server.app.get(CheckEligibilityBatchHandler, { strict: false }));
  const loadBefore = loadNote();
  const checkpointBefore = await eligibilityCheckpoint(ledger.database);

  // One number at a time, sequentially, as a dialer asks before each call.
  const codes = new Map<string, number>();
  let eligible = 0;
  for (let n = 0; n < WARM_UP_REQUESTS; n += 1) await graphql(server.url, ONE, { key, variables: { ...variables, phone: numbers[n % numbers.length] } });
  oneInServer.length = 0;
  const roundTrips: number[] = [];
  for (let n = 0; n < REQUESTS; n += 1) {
    const started = performance.now();
    const response = await graphql<{ eligibility: Answer }>(server.url, ONE, { key, variables: { ...variables, phone: numbers[n] } });
    roundTrips.push(performance.now() - started);
    const answer = response.body.data!.eligibility;
    if (answer.eligible) eligible += 1;
    for (const reason of answer.reasons) codes.set(reason.code, (codes.get(reason.code) ?? 0) + 1);
  }
  const inServerWithFetch = [...oneInServer];
  // The same requests with a plain kept-alive HTTP client instead of fetch (see KeepAliveClient).
  const plain = new KeepAliveClient(server.url, key);
  for (let n = 0; n < WARM_UP_REQUESTS; n += 1) await plain.graphql(ONE, { ...variables, phone: numbers[n % numbers.length] });
  oneInServer.length = 0;
  const plainRoundTrips: number[] = [];
  for (let n = 0; n < REQUESTS; n += 1) {
    const started = performance.now();
    const response = await plain.graphql<{ eligibility: Answer }>(ONE, { ...variables, phone: numbers[n] });
    plainRoundTrips.push(performance.now() - started);
    expect(response.data!.eligibility.eligible).toBeTypeOf('boolean');
  }
  plain.close();
  const inServerWithPlain = [...oneInServer];
  // The same client in a process of its own, as a dialer is: the server's process does only the server's work.
  oneInServer.length = 0;
  const dialer = await roundTripsFromOwnProcess({
    url: server.url,
    key,
    query: ONE,
    variables,
    phones: numbers.slice(0, REQUESTS),
    warmUp: WARM_UP_REQUESTS,
  });
  const inServerWithDialer = oneInServer.slice(WARM_UP_REQUESTS);
  expect(dialer.errors).toBe(0);
  const bareOne: number[] = [];
  for (let n = 0; n < WARM_UP_REQUESTS; n += 1) await timeSql(ledger.database, BARE_ONE, [hashes[n]]);
  for (let n = 0; n < REQUESTS; n += 1) bareOne.push(await timeSql(ledger.database, BARE_ONE, [hashes[n]]));

  // The whole list in one request; the time that counts is the server's.
  for (let n = 0; n < 3; n += 1) await graphql(server.url, BATCH, { key, variables: { ...variables, phones: numbers } });
  batchInServer.length = 0;
  const batchRoundTrips: number[] = [];
  for (let n = 0; n < BATCH_RUNS; n += 1) {
    const started = performance.now();
    const response = await graphql<{ eligibilityBatch: Answer[] }>(server.url, BATCH, { key, variables: { ...variables, phones: numbers } });
    batchRoundTrips.push(performance.now() - started);
    expect(response.body.data!.eligibilityBatch).toHaveLength(BATCH_SIZE);
  }
  const bareBatch: number[] = [];
  for (let n = 0; n < 3; n += 1) await timeSql(ledger.database, BARE_BATCH, [hashes]);
  for (let n = 0; n < BATCH_RUNS; n += 1) bareBatch.push(await timeSql(ledger.database, BARE_BATCH, [hashes]));
  const loadAfter = loadNote();
  // Another benchmark rebuilding the read models meanwhile would have measured half-empty tables.
  expect(await eligibilityCheckpoint(ledger.database), 'the read models moved during the run: measure again').toBe(checkpointBefore);

  const p = (samples: number[]) => [50, 95, 99].map((q) => ms(percentile(samples, q)));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const lines = [
    `\nEligibility benchmark on ${data.database} (${data.spec.contacts.toLocaleString('en')} contacts, ${data.spec.events.toLocaleString('en')} events), ${machineLine()}`,
    `load: ${loadBefore} before, ${loadAfter} after; NODE_ENV=${process.env['NODE_ENV'] ?? '(unset)'}\n`,
    '| measurement | runs | p50 | p95 | p99 | calltrail ÷ bare SQL (p99) | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    `| \`eligibility\`, one number, HTTP round trip (client: node:http, kept alive, **in a process of its own**) | ${REQUESTS} | ${p(dialer.roundTrips).join(' | ')} | ${ratio(percentile(dialer.roundTrips, 99), percentile(bareOne, 99))} | p99 < 5 ms: ${percentile(dialer.roundTrips, 99) < 5 ? 'met' : 'missed'} |`,
    `| \`eligibility\`, one number, in the server (during that run) | ${inServerWithDialer.length} | ${p(inServerWithDialer).join(' | ')} | ${ratio(percentile(inServerWithDialer, 99), percentile(bareOne, 99))} | |`,
    `| \`eligibility\`, one number, HTTP round trip (client: Node's fetch, in the server's process) | ${REQUESTS} | ${p(roundTrips).join(' | ')} | ${ratio(percentile(roundTrips, 99), percentile(bareOne, 99))} | |`,
    `| \`eligibility\`, one number, in the server (during the fetch run) | ${inServerWithFetch.length} | ${p(inServerWithFetch).join(' | ')} | ${ratio(percentile(inServerWithFetch, 99), percentile(bareOne, 99))} | |`,
    `| \`eligibility\`, one number, HTTP round trip (client: node:http, kept alive, in the server's process) | ${REQUESTS} | ${p(plainRoundTrips).join(' | ')} | ${ratio(percentile(plainRoundTrips, 99), percentile(bareOne, 99))} | p99 < 5 ms: ${percentile(plainRoundTrips, 99) < 5 ? 'met' : 'missed'} |`,
    `| \`eligibility\`, one number, in the server (during the node:http run) | ${inServerWithPlain.length} | ${p(inServerWithPlain).join(' | ')} | ${ratio(percentile(inServerWithPlain, 99), percentile(bareOne, 99))} | |`,
    `| bare SQL: one keyed hash → contact row | ${REQUESTS} | ${p(bareOne).join(' | ')} | 1.0× | the limit |`,
    '',
    '| measurement | runs | median | best | worst | checks/s (median) | calltrail ÷ bare SQL (median) | target |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    `| \`eligibilityBatch\` of ${BATCH_SIZE.toLocaleString('en')}, in the server | ${batchInServer.length} | ${ms(median(batchInServer))} | ${ms(Math.min(...batchInServer))} | ${ms(Math.max(...batchInServer))} | ${Math.round(BATCH_SIZE / (median(batchInServer) / 1_000)).toLocaleString('en')} | ${ratio(median(batchInServer), median(bareBatch))} | < 100 ms: ${median(batchInServer) < 100 ? 'met' : 'missed'} |`,
    `| \`eligibilityBatch\` of ${BATCH_SIZE.toLocaleString('en')}, HTTP round trip | ${BATCH_RUNS} | ${ms(median(batchRoundTrips))} | ${ms(Math.min(...batchRoundTrips))} | ${ms(Math.max(...batchRoundTrips))} | ${Math.round(BATCH_SIZE / (median(batchRoundTrips) / 1_000)).toLocaleString('en')} | ${ratio(median(batchRoundTrips), median(bareBatch))} | |`,
    `| bare SQL: ${BATCH_SIZE.toLocaleString('en')} keyed hashes → contact rows | ${BATCH_RUNS} | ${ms(median(bareBatch))} | ${ms(Math.min(...bareBatch))} | ${ms(Math.max(...bareBatch))} | ${Math.round(BATCH_SIZE / (median(bareBatch) / 1_000)).toLocaleString('en')} | 1.0× | the limit |`,
    '',
    `answers to the ${REQUESTS.toLocaleString('en')} single checks: ${eligible.toLocaleString('en')} eligible; reasons: ` +
      [...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', '),
  ];
  console.log(lines.join('\n'));
  expect(roundTrips).toHaveLength(REQUESTS);
  expect(plainRoundTrips).toHaveLength(REQUESTS);
  expect(dialer.roundTrips).toHaveLength(REQUESTS);
  expect(batchInServer).toHaveLength(BATCH_RUNS);
});
