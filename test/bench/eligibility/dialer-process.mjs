/**
 * A dialer in its own process: one kept-alive node:http connection, sequential GraphQL requests,
 * one per number, timing each round trip. The eligibility benchmark starts it as a child process so
 * that the client's own work and garbage do not run in the server's process (as they do for the
 * in-process clients of the same benchmark).
 *
 *   node dialer-process.mjs <job.json>   job: { url, key, query, variables, phones, warmUp }
 *
 * Prints one JSON line: { roundTrips: number[], eligible: number, errors: number }.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const url = new URL(job.url);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(phone) {
  const body = JSON.stringify({ query: job.query, variables: { ...job.variables, phone } });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${job.key}` },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

for (let n = 0; n < job.warmUp; n += 1) await post(job.phones[n % job.phones.length]);
const roundTrips = [];
let eligible = 0;
let errors = 0;
for (const phone of job.phones) {
  const started = performance.now();
  const response = await post(phone);
  roundTrips.push(performance.now() - started);
  if (response.errors || typeof response.data?.eligibility?.eligible !== 'boolean') errors += 1;
  else if (response.data.eligibility.eligible) eligible += 1;
}
agent.destroy();
process.stdout.write(`${JSON.stringify({ roundTrips, eligible, errors })}\n`);
