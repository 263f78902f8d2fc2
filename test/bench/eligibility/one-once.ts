/**
 * The benchmark's single checks (`eligibility` for one number over HTTP, node:http kept alive, the
 * client in the server's process) outside vitest, to find where the tail goes:
 *   node --import ./test/support/register.mjs test/bench/eligibility/one-once.ts
 * with the CALLTRAIL_BENCH_* variables of the benchmark. Reads the data set only: run the benchmark
 * once first (it catches the read models up). Prints, besides the percentiles of the round trip, of
 * the HTTP request in the server and of the query handler: the garbage collections and the event
 * loop's delay during the run, and what the slowest 1% of round trips overlapped.
 * CALLTRAIL_BENCH_REQUESTS: requests (10,000). CALLTRAIL_BENCH_CPU_PROFILE=<file.cpuprofile>: a CPU
 * profile of the measured requests only (not of the start); CALLTRAIL_BENCH_HEAP_PROFILE=<file.heapprofile>:
 * what of their allocations is still held at the end (see profileIfAsked).
 * Also prints, per request, the process's CPU time (server and client; GC threads included) and the
 * heap allocated and promoted (v8.GCProfiler): figures that depend far less on a shared machine's
 * load than the wall-clock percentiles. graphql-js and Apollo choose their development checks from
 * NODE_ENV when they load: run it with NODE_ENV=production to measure the server as `calltrail serve` runs.
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { CheckEligibilityHandler } from '@calltrail/ledger';
import { startServer } from '@calltrail/server';
import { ensureBenchDataSet } from '../data';
import { loadNote, ms, percentile } from '../data/measure';
import { benchDataOptions } from '../data/options';
import { CAMPAIGN, PROCESSOR, callList } from './call-list';
import { KeepAliveClient } from './keep-alive-client';
import { heapAllocation } from './heap-allocation';
import { timeHandler } from './time-handler';

const REQUESTS = Number(process.env['CALLTRAIL_BENCH_REQUESTS'] ?? 10_000);
const WARM_UP = 1_000;
const ONE = `query ($phone: String, $campaignId: ID!, $processorId: ID!) {
  eligibility(phone: $phone, campaignId: $campaignId, processorId: $processorId) { eligible nextEligibleAt checkpoint reasons { code until } }
}`;

interface Span {
  start: number;
  end: number;
}

/** Records the time from each request's arrival at the HTTP server to the end of its response. */
function timeHttpRequests(server: Server): Span[] {
  const spans: Span[] = [];
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    res.once('finish', () => spans.push({ start, end: performance.now() }));
    for (const listener of listeners) listener(req, res);
  });
  return spans;
}

function handlerSpans(handler: { execute(query: unknown): Promise<unknown> }): Span[] {
  const spans: Span[] = [];
  timeHandler(handler, (start, end) => spans.push({ start, end }));
  return spans;
}

const durations = (spans: readonly Span[]) => spans.map((span) => span.end - span.start);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Starts a CPU profile, or a sampling heap profile (the allocations still held, objects swept by a
 * scavenge left out: what the scavenges had to copy), when asked; the returned function writes it.
 */
async function profileIfAsked(cpuPath: string | undefined, heapPath: string | undefined): Promise<() => Promise<void>> {
  if (!cpuPath && !heapPath) return async () => undefined;
  const session = new Session();
  session.connect();
  if (cpuPath) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else {
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: process.env['CALLTRAIL_BENCH_HEAP_ALL'] === '1', includeObjectsCollectedByMajorGC: process.env['CALLTRAIL_BENCH_HEAP_ALL'] === '1' });
  }
  return async () => {
    const { profile } = cpuPath ? await session.post('Profiler.stop') : await session.post('HeapProfiler.stopSampling');
    writeFileSync((cpuPath ?? heapPath)!, JSON.stringify(profile));
    session.disconnect();
  };
}

const line = (name: string, samples: readonly number[]) =>
  `${name.padEnd(28)} p50 ${ms(percentile(samples, 50))}  p90 ${ms(percentile(samples, 90))}  p99 ${ms(percentile(samples, 99))}  max ${ms(Math.max(...samples))}`;

const data = await ensureBenchDataSet(benchDataOptions());
const ledger = await data.openLedger();
const processorId = data.processors.find((processor) => processor.key === PROCESSOR)!.processorId;
const variables = { campaignId: data.campaigns.find((campaign) => campaign.key === CAMPAIGN)!.campaignId, processorId };
const created = await ledger.apiKeys.create({ role: 'dialer', processorId, label: 'one-once' });
const server = await startServer(ledger);
try {
  const numbers = callList(data, REQUESTS);
  const client = new KeepAliveClient(server.url, created.key);
  for (let n = 0; n < WARM_UP; n += 1) await client.graphql(ONE, { ...variables, phone: numbers[n % numbers.length] });
  const http = timeHttpRequests(server.app.getHttpServer() as Server);
  const handler = handlerSpans(server.app.get(CheckEligibilityHandler, { strict: false }));
  const query = ledger.database.query.bind(ledger.database);
  const sqlSpans: Span[] = [];
  ledger.database.query = (async (...args: Parameters<typeof query>) => {
    const start = performance.now();
    try {
      return await query(...args);
    } finally {
      sqlSpans.push({ start, end: performance.now() });
    }
  }) as typeof query;
  const gcs: (Span & { kind: number })[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind: number } })[]) {
      gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration, kind: entry.detail?.kind ?? 0 });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const load = loadNote();
  const stopProfile = await profileIfAsked(process.env['CALLTRAIL_BENCH_CPU_PROFILE'], process.env['CALLTRAIL_BENCH_HEAP_PROFILE']);
  const trips: Span[] = new Array(REQUESTS);
  const gcProfiler = new GCProfiler();
  gcProfiler.start();
  const usedAtStart = getHeapStatistics().used_heap_size;
  const cpuAtStart = process.cpuUsage();
  for (let n = 0; n < REQUESTS; n += 1) {
    const start = performance.now();
    await client.graphql(ONE, { ...variables, phone: numbers[n] });
    trips[n] = { start, end: performance.now() };
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const usedAtEnd = getHeapStatistics().used_heap_size;
  const { statistics } = gcProfiler.stop();
  loop.disable();
  await stopProfile();
  observer.disconnect();
  client.close();

  console.log(`load ${load} → ${loadNote()}; ${REQUESTS} requests; NODE_ENV=${process.env['NODE_ENV'] ?? '(unset)'}`);
  const heap = heapAllocation(statistics, usedAtStart, usedAtEnd);
  const kB = (bytes: number) => `${(bytes / REQUESTS / 1024).toFixed(1)} kB`;
  console.log(
    `per request: CPU ${((cpu.user + cpu.system) / REQUESTS).toFixed(0)} µs (user ${(cpu.user / REQUESTS).toFixed(0)}, system ${(cpu.system / REQUESTS).toFixed(0)}), ` +
      `allocated ${kB(heap.allocated)}, promoted by scavenges ${kB(heap.promoted)}; ` +
      `${statistics.filter((gc) => gc.gcType === 'Scavenge').length} scavenges, ${statistics.filter((gc) => gc.gcType === 'MarkSweepCompact').length} mark-compacts`,
  );
  console.log(line('round trip', durations(trips)));
  console.log(line('HTTP request in the server', durations(http)));
  console.log(line('query handler', durations(handler)));
  const outside = trips.map((trip, n) => trip.end - trip.start - (http[n]!.end - http[n]!.start));
  console.log(line('round trip − server request', outside));
  const inServer = http.map((span, n) => span.end - span.start - (handler[n]!.end - handler[n]!.start));
  console.log(line('server request − handler', inServer));
  console.log(line('SQL statements', durations(sqlSpans)) + ` (${sqlSpans.length})`);
  const gcMs = durations(gcs);
  const byKind = new Map<number, number[]>();
  for (const gc of gcs) byKind.set(gc.kind, [...(byKind.get(gc.kind) ?? []), gc.end - gc.start]);
  console.log(
    `GC: ${gcs.length} pauses, ${ms(gcMs.reduce((a, b) => a + b, 0))} in all; by kind (1 scavenge, 2 mark-compact, 4 incremental, 8 weak): ` +
      [...byKind].map(([kind, list]) => `${kind}: ${list.length} × max ${ms(Math.max(...list))}`).join(', '),
  );
  console.log(`event loop delay: p50 ${ms(loop.percentile(50) / 1e6)} p99 ${ms(loop.percentile(99) / 1e6)} max ${ms(loop.max / 1e6)}`);
  const threshold = percentile(durations(trips), 99);
  const slow = trips.map((trip, n) => ({ trip, n })).filter(({ trip }) => trip.end - trip.start >= threshold);
  const withGc = slow.filter(({ trip }) => gcs.some((gc) => overlaps(gc, trip)));
  const parts = (n: number) => {
    const t = trips[n]!;
    const h = http[n]!;
    const q = handler[n]!;
    const inQuery = sqlSpans.filter((span) => span.start >= q.start && span.end <= q.end).map((span) => ms(span.end - span.start));
    return `${ms(t.end - t.start)} = before server ${ms(h.start - t.start)}, server→handler ${ms(q.start - h.start)}, handler ${ms(q.end - q.start)} (SQL ${inQuery.join(' + ')}), handler→finish ${ms(h.end - q.end)}, after ${ms(t.end - h.end)}`;
  };
  const handlerP99 = percentile(durations(handler), 99);
  const slowHandlers = handler.filter((span) => span.end - span.start >= handlerP99);
  const sqlIn = (span: Span) => sqlSpans.filter((sql) => sql.start >= span.start && sql.end <= span.end).reduce((sum, sql) => sum + sql.end - sql.start, 0);
  const gcIn = (span: Span) => gcs.filter((gc) => overlaps(gc, span)).reduce((sum, gc) => sum + Math.min(gc.end, span.end) - Math.max(gc.start, span.start), 0);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.log(
    `slowest 1% of the handler (${slowHandlers.length} ≥ ${ms(handlerP99)}): ${ms(sum(slowHandlers.map((s) => s.end - s.start)) / slowHandlers.length)} on average, ` +
      `of which SQL ${ms(sum(slowHandlers.map(sqlIn)) / slowHandlers.length)}, GC pauses ${ms(sum(slowHandlers.map(gcIn)) / slowHandlers.length)}; ` +
      `${slowHandlers.filter((span) => gcIn(span) > 0).length} overlap a GC pause`,
  );
  console.log(`slowest 1% (${slow.length} round trips ≥ ${ms(threshold)}): ${withGc.length} overlap a GC pause`);
  for (const { n } of slow.slice(0, 25)) console.log(`  #${n}: ${parts(n)}${gcs.some((gc) => overlaps(gc, trips[n]!)) ? ' [GC]' : ''}`);
} finally {
  await ledger.apiKeys.revoke(created.record.keyId);
  await server.close();
  await ledger.close();
}
