/**
 * The `calltrail` command as a newcomer runs it (README, "Try it: the demo"): the built bundle in a
 * child process, on a fresh embedded data folder, and on PostgreSQL when DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EligibilityReader } from '@calltrail/ledger';
import { queryFindings } from '@calltrail/reports';
import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerTargets, type LedgerTarget } from '../support/ledger-targets';
import { everyFileUnder, everyRowAsText } from '../support/plaintext-scan';
import { buildCli, runNode, type CliRun } from './evidence/built-cli';

const workspace = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const fixture = join(workspace, 'test/fixtures/import/calls.ndjson');
const FIXTURE_CAMPAIGN = '2d6b8e3a-4f5c-4d7e-8f1a-2b3c4d5e6f70';
const FIXTURE_PROCESSOR = '0b4f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const FIXTURE_CONTACT = '3e7c9f4b-5a6d-4e8f-9a2b-3c4d5e6f7081';

/** Runs the command and kills it (SIGKILL) as soon as its stderr satisfies `killWhen`: a crash mid-import. */
function runUntilKilled(script: string, args: string[], env: Record<string, string>, killWhen: (stderr: string) => boolean): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: workspace, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
      if (killWhen(err)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code) => resolvePromise({ code, out, err }));
  });
}

const targets = ledgerTargets().filter(([name]) => name !== 'eventstoredb');

describe.each(targets)('the calltrail command on %s', (name, makeTarget) => {
  let target: LedgerTarget;
  let cli: string;
  let buildDir: string;
  let work: string;
  let env: Record<string, string>;
  let complianceKey: string | undefined;
  /** What `calltrail demo` printed: the rest of the walk-through reads its ids and dates. */
  let demoOut = '';

  const run = (...args: string[]) => runNode([cli, ...args], env);
  /** On PostgreSQL the CLI acts only with a key; on the embedded store, as the local compliance actor. */
  const withKey = (...args: string[]) => (complianceKey ? [...args, '--key', complianceKey] : args);

  async function withLedger<T>(use: (ledger: Ledger) => Promise<T>): Promise<T> {
    const ledger = await openLedger(loadConfig(env));
    try {
      return await use(ledger);
    } finally {
      await ledger.close();
    }
  }

  beforeAll(async () => {
    target = await makeTarget();
    work = await mkdtemp(join(tmpdir(), 'calltrail-cli-e2e-'));
    ({ cli, buildDir } = await buildCli(`calltrail-cli-e2e-${name}`));
    env = { ...target.env, CALLTRAIL_MASTER_KEY: randomBytes(32).toString('base64') };
    if (name === 'postgres') {
      const created = await run('keys', 'create', '--role', 'compliance', '--label', 'cli e2e');
      complianceKey = /ct_\S+/.exec(created.out)?.[0];
    }
  }, 120_000);

  afterAll(async () => {
    await target.cleanup();
    await rm(work, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  it('demo: fills the new ledger through the rules, prints what it made, and refuses a second run', async () => {
    const demo = await run(...withKey('demo', '--contacts', '120', '--seed', '7'));
    expect(demo.err).not.toMatch(/\bat .+:\d+:\d+/);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Demo data set, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: \d+ commands and \d+ DNC snapshots, \d+ events/);
    expect(demo.out).toContain('campaign:    Zonnepanelen Vlaanderen (BE');
    expect(demo.out).toContain('campaign:    Energiecontract verlengen (NL');
    expect(demo.out).toContain('campaign:    Isolation des combles (FR');
    expect(demo.out).toContain('Atlas Appels SARL (Casablanca) (MA, no SCC, from ');
    expect(demo.out).toContain('3 objections recorded late');
    // Only the refusals the demo provokes on purpose: every other command passed the rules.
    expect(demo.out).toContain('refused:     1 NOTE_SPECIAL_CATEGORY_DATA, 1 NOTE_OFFENSIVE (');

    demoOut = demo.out;
    const events = Number(/, (\d+) events/.exec(demo.out)![1]);
    const head = await withLedger((ledger) => ledger.store.headPosition());
    expect(head).toBe(events);

    const again = await run(...withKey('demo'));
    expect(again.code).toBe(1);
    expect(again.err).toContain(`the ledger already holds ${head} events`);
  }, 300_000);

  it('demo: every finding the story holds is open in the findings', async () => {
    const findings = await withLedger((ledger) => queryFindings(ledger.database, {}, new Date()));
    const open = new Set(findings.byCode.filter((count) => count.open > 0).map((count) => count.code));
    for (const code of [
      'RECORDING_WITHOUT_NOTICE', 'FIRST_CONTACT_WITHOUT_NOTICE', 'RING_TOO_LONG', 'AUTOMATED_CALL', 'CALLER_ID_NOT_RECOGNISABLE',
      'AGENT_NOT_TRAINED', 'ERASURE_OVERDUE', 'ACCESS_REQUEST_OVERDUE', 'DATA_SHARED_WITHOUT_SAFEGUARD', 'CAMPAIGN_WITHOUT_DPIA',
    ]) {
      expect(open, code).toContain(code);
    }
    expect(findings.byCode.find((count) => count.code === 'BREACH_NOTIFICATION_LATE')).toBeDefined();
  }, 60_000);

  it('import: applies the good lines, names every refused line with its code, and stores nothing new on a second run', async () => {
    const first = await run(...withKey('import', fixture));
    expect(first.code).toBe(1);
    expect(first.out).toContain('13 commands, 6 applied (6 events), 0 applied before, 7 refused.');
    const refused = [...first.out.matchAll(/line (\d+): (\w+)/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(refused).toEqual([
      '5 SOURCE_REQUIRED',
      '6 INVALID_JSON',
      '7 UNKNOWN_COMMAND_TYPE',
      '8 INVALID_INPUT',
      '11 NOTE_SPECIAL_CATEGORY_DATA',
      '13 INVALID_INPUT',
      '14 UNKNOWN_COMMAND_TYPE',
    ]);
    expect(first.out).toContain('line 8: INVALID_INPUT [rings]');
    expect(first.out).toContain('line 13: INVALID_INPUT [favouriteColour]');
    expect(first.out).not.toContain('Fixture Person');

    const headAfterFirst = await withLedger((ledger) => ledger.store.headPosition());
    const second = await run(...withKey('import', fixture));
    expect(second.out).toContain('13 commands, 0 applied (0 events), 6 applied before, 7 refused.');
    expect(await withLedger((ledger) => ledger.store.headPosition())).toBe(headAfterFirst);

    const actors = await withLedger(async (ledger) => {
      const stream = await ledger.store.readStream(`contact-${FIXTURE_CONTACT}`);
      return stream.map((event) => event.metadata.actor);
    });
    expect(actors[0]).toMatchObject(complianceKey ? { role: 'compliance' } : { keyId: 'local-cli', role: 'compliance' });
  }, 120_000);

  it('import: killed in the middle of a file and run again, stores each event once', async () => {
    const lines = Array.from({ length: 240 }, (_, i) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return JSON.stringify({
        type: 'RegisterContact', contactId: id, audience: 'B2C', country: 'BE', timeZone: 'Europe/Brussels', name: `Crash Test ${i}`,
        phones: [{ number: `+3247${String(1_000_000 + i).slice(1)}0`, lineType: 'mobile' }], source: { kind: 'web_form' },
      });
    });
    const file = join(work, 'contacts.ndjson');
    await writeFile(file, `${lines.join('\n')}\n`);

    const killed = await runUntilKilled(cli, withKey('import', file), env, (stderr) => /import: (9[6-9]|1\d\d)\/240 lines/.test(stderr));
    expect(killed.code).toBeNull();
    const storedBefore = await withLedger((ledger) => countContactEvents(ledger));
    expect(storedBefore).toBeGreaterThanOrEqual(96);
    expect(storedBefore).toBeLessThan(240);

    const rerun = await run(...withKey('import', file));
    expect(rerun.code).toBe(0);
    const [, applied, replayed] = /240 commands, (\d+) applied \(\d+ events\), (\d+) applied before, 0 refused/.exec(rerun.out)!;
    expect(Number(applied) + Number(replayed)).toBe(240);
    expect(await withLedger((ledger) => countContactEvents(ledger))).toBe(240);
  }, 180_000);

  it('import-dnc: stores a list as keyed hashes only, reports unreadable lines by number, and eligibility says DNC_LISTED', async () => {
    const file = join(work, 'be-dncm.csv');
    await writeFile(file, ['naam;telephone', 'x;0470 99 88 01', 'y;+32 470 99 88 77', 'z;not a number', 'w;0470998801'].join('\n'));
    const takenAt = new Date(Date.now() - 3_600_000).toISOString();
    const imported = await run(...withKey('import-dnc', 'BE_DNCM', file, '--version', 'cli-e2e-1', '--taken-at', takenAt));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('BE_DNCM cli-e2e-1: 2 numbers stored as keyed hashes, recorded as DncSnapshotImported');
    expect(imported.out).toContain('line 4: not a valid phone number');
    expect(imported.out).not.toContain('not a number');

    const again = await run(...withKey('import-dnc', 'BE_DNCM', file, '--version', 'cli-e2e-1', '--taken-at', takenAt));
    expect(again.out).toContain('already imported; nothing new stored');

    await withLedger(async (ledger) => {
      const { rows } = await ledger.database.query<{ phone_hash: string }>(
        "SELECT phone_hash FROM dnc_registry_entries WHERE registry = 'BE_DNCM' AND snapshot_version = 'cli-e2e-1'",
      );
      expect(rows.map((row) => row.phone_hash).sort()).toEqual([ledger.vault.phoneHash('+32470998801'), ledger.vault.phoneHash('+32470998877')].sort());
      const everything = await everyRowAsText(ledger.database);
      for (const plain of ['470998801', '470998877', '470 99 88']) expect(everything).not.toContain(plain);

      const reader = new EligibilityReader({ db: ledger.database, store: ledger.store, phoneHash: (e164) => ledger.vault.phoneHash(e164) });
      const answer = await reader.check({ contactId: FIXTURE_CONTACT }, { campaignId: FIXTURE_CAMPAIGN, processorId: FIXTURE_PROCESSOR });
      expect(answer.reasons.map((reason) => reason.code)).toContain('DNC_LISTED');
    });
    if (target.pgliteDir) {
      for (const bytes of everyFileUnder(target.pgliteDir)) expect(bytes.includes('+32470998877')).toBe(false);
    }
  }, 120_000);

  it('audit: the demo\'s late objections show as propagation delays, the offshore calls as calls while ineligible', async () => {
    const [, from] = /Demo data set, (\d{4}-\d{2}-\d{2}) to/.exec(demoOut)!;
    const audited = await run('audit', '--from', from!, '--to', new Date(Date.now() + 86_400_000).toISOString(), '--format', 'json');
    expect(audited.code).toBe(0);
    const audit = JSON.parse(audited.out) as {
      summary: { callsAudited: number; lawful: number; propagationDelay: number; callWhileIneligible: number };
      findings: Array<{ finding: string; processorId: string; legal: { reasons: Array<{ code: string }> }; reportedLate: Array<{ type: string }> }>;
    };
    expect(audit.summary.propagationDelay).toBe(3);
    const delays = audit.findings.filter((call) => call.finding === 'PROPAGATION_DELAY');
    for (const call of delays) {
      expect(call.legal.reasons.map((why) => why.code)).toContain('OBJECTED');
      expect(call.reportedLate.map((late) => late.type)).toContain('ObjectionRaised');
    }
    const offshore = /Atlas Appels SARL \(Casablanca\) \(MA, no SCC, from [\d-]+\) (\S+)/.exec(demoOut)![1];
    const offshoreCalls = audit.findings.filter((call) => call.processorId === offshore && call.finding === 'CALL_WHILE_INELIGIBLE');
    expect(offshoreCalls.length).toBeGreaterThan(0);
    for (const call of offshoreCalls) expect(call.legal.reasons.map((why) => why.code)).toContain('TRANSFER_WITHOUT_SAFEGUARD');
    // Most calls of the demo were lawful: the rules were applied when they were placed.
    expect(audit.summary.lawful).toBeGreaterThan(audit.summary.callsAudited / 2);
  }, 120_000);

  it('register: the offshore centre appears once it was added, with its transfer gap', async () => {
    const [, joined] = /\(MA, no SCC, from (\d{4}-\d{2}-\d{2})\)/.exec(demoOut)!;
    const dayBefore = new Date(Date.parse(joined!) - 86_400_000).toISOString().slice(0, 10);
    const before = await run('register', '--as-of', dayBefore, '--format', 'md');
    expect(before.code).toBe(0);
    expect(before.out).toContain('Belcall Contact Center NV');
    expect(before.out).not.toContain('Atlas Appels');
    const now = await run('register', '--format', 'md');
    expect(now.out).toMatch(/third-country transfers \| Atlas Appels SARL \(Casablanca\) → MA: NO SAFEGUARD — GAP/);
  }, 120_000);

  it('evidence: the erasure the offshore centre never confirmed, the French pack without DPIA, an access request answered', async () => {
    const [, erased] = /erased: {6}contact (\S+)/.exec(demoOut)!;
    const certificate = await run('evidence', 'erasure', erased!);
    expect(certificate.code).toBe(0);
    expect(certificate.out).toContain('(OVERDUE)');
    expect(certificate.out).toMatch(/Atlas Appels SARL \(Casablanca\) \([0-9a-f-]+\) \| MA \| data shared \| MISSING/);

    const [, frenchCampaign] = /campaign: {4}Isolation des combles \(FR, insulation\) (\S+)/.exec(demoOut)!;
    const pack = await run('evidence', 'campaign', frenchCampaign!);
    expect(pack.code).toBe(0);
    expect(pack.out).toContain('_No DPIA recorded._');

    const [, requestId, contactId] = /open access request (\S+) of contact (\S+)/.exec(demoOut)!;
    const dossier = await run(...withKey('evidence', 'dossier', contactId!, '--answer', requestId!));
    expect(dossier.code).toBe(0);
    expect(dossier.out).toContain(`# Personal data held on contact ${contactId}`);
    const answered = await withLedger(async (ledger) => (await ledger.store.readStream(`contact-${contactId}`)).at(-1)!);
    expect(answered).toMatchObject({ type: 'AccessFulfilled', data: { requestId } });
  }, 120_000);

  it('report ctm: the Dutch campaign\'s objections overtake conversion some months after purchase, as a table and a chart', async () => {
    const [, from] = /Demo data set, (\d{4}-\d{2}-\d{2}) to/.exec(demoOut)!;
    const [, dutchCampaign] = /campaign: {4}Energiecontract verlengen \(NL, energy-contracts\) (\S+)/.exec(demoOut)!;
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const table = await run('report', 'ctm', '--campaign', dutchCampaign!, '--bucket-months', '12', '--from', from!, '--to', to);
    expect(table.code).toBe(0);
    // Within a year of the purchase conversion leads; later, objections and complaints overtake it.
    expect(table.out).toMatch(/Objections and complaints together exceed conversions \(per answered call\) from \*\*(12–23|24–35) months\*\*/);
    const chart = await run('report', 'ctm', '--campaign', dutchCampaign!, '--bucket-months', '6', '--from', from!, '--to', to, '--format', 'svg');
    expect(chart.out.trim()).toMatch(/^<svg[\s\S]*<\/svg>$/);
  }, 120_000);

  it('verify: every hash chain of everything the commands wrote holds', async () => {
    const verified = await run('verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/Checked \d+ events in \d+ streams\./);
    expect(verified.out).toContain('Every hash chain holds.');
  }, 60_000);

  it('every command explains itself with --help', async () => {
    const commands = ['demo', 'import', 'import-dnc', 'audit', 'register', 'evidence', 'report', 'verify'];
    const helps = await Promise.all(commands.map((command) => run(command, '--help')));
    for (const [index, help] of helps.entries()) {
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: calltrail ${commands[index]}`);
    }
  }, 180_000);
});

async function countContactEvents(ledger: Ledger): Promise<number> {
  const { rows } = await ledger.database.query<{ n: string }>(
    "SELECT count(*) AS n FROM events WHERE type = 'ContactRegistered' AND stream_id LIKE 'contact-00000000-0000-4000-8000-%'",
  );
  return Number(rows[0]!.n);
}
