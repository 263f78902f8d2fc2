/**
 * A dialer in its own process: the benchmark's KeepAliveClient (one kept-alive node:http
 * connection), sequential GraphQL requests, one per number, timing each round trip. The eligibility
 * benchmark starts it as a child process so that the client's own work and garbage do not run in the
 * server's process (as they do for the in-process clients of the same benchmark).
 *
 *   node --import ./test/support/register.mjs test/bench/eligibility/dialer-process.ts <job.json>
 *
 * Prints one JSON line: { roundTrips: number[], eligible: number, errors: number }.
 */
import { readFileSync } from 'node:fs';
import { KeepAliveClient } from './keep-alive-client';

export interface DialerJob {
  url: string;
  key: string;
  query: string;
  variables: Record<string, unknown>;
  phones: string[];
  warmUp: number;
}

export interface DialerRun {
  roundTrips: number[];
  eligible: number;
  errors: number;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as DialerJob;
const client = new KeepAliveClient(job.url, job.key);
const ask = (phone: string) => client.graphql<{ eligibility?: { eligible: unknown } }>(job.query, { ...job.variables, phone });

for (let n = 0; n < job.warmUp; n += 1) await ask(job.phones[n % job.phones.length]!);
const run: DialerRun = { roundTrips: [], eligible: 0, errors: 0 };
for (const phone of job.phones) {
  const started = performance.now();
  const response = await ask(phone);
  run.roundTrips.push(performance.now() - started);
  const eligible = response.data?.eligibility?.eligible;
  if (response.errors || typeof eligible !== 'boolean') run.errors += 1;
  else if (eligible) run.eligible += 1;
}
client.close();
process.stdout.write(`${JSON.stringify(run)}\n`);
