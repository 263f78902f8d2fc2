/**
 * `calltrail evidence` and `calltrail report ctm` as a user runs them: the built bundle in a child
 * process, on an embedded data folder holding the evidence world and the generated CTM data set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandPipeline } from '@calltrail/ledger';
import { loadConfig, openLedger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runNode } from './built-cli';
import { appendCtmWorld, generateCtmWorld } from './ctm-world';
import { ALICE, BOB, buildEvidenceWorld, type EvidenceWorld } from './evidence-world';

describe('calltrail evidence and calltrail report', () => {
  let dir: string;
  let env: Record<string, string>;
  let world: EvidenceWorld;
  let built: { cli: string; buildDir: string };

  beforeAll(async () => {
    built = await buildCli('calltrail-evidence-cli');
    dir = await mkdtemp(join(tmpdir(), 'calltrail-evidence-cli-'));
    env = { CALLTRAIL_DATA_DIR: dir, CALLTRAIL_MASTER_KEY: randomBytes(32).toString('hex') };
    const ledger = await openLedger(loadConfig(env));
    try {
      world = await buildEvidenceWorld(ledger.store, await CommandPipeline.open({ store: ledger.store, db: ledger.database, vault: ledger.vault }));
      await appendCtmWorld(ledger.store, generateCtmWorld(7, 40));
    } finally {
      await ledger.close();
    }
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(built.buildDir, { recursive: true, force: true });
  });

  const run = (...argv: string[]) => runNode([built.cli, ...argv], env);

  it('prints a dossier, and with --answer records AccessFulfilled', async () => {
    const looked = await run('evidence', 'dossier', world.alice);
    expect(looked.code).toBe(0);
    expect(looked.out).toContain(`# Personal data held on contact ${world.alice}`);
    expect(looked.out).toContain(ALICE.name);

    const answered = await run('evidence', 'dossier', world.alice, '--answer', world.aliceAccessRequest, '--format', 'json');
    expect(answered.code).toBe(0);
    expect(JSON.parse(answered.out).emails).toEqual([ALICE.email]);
    expect(answered.err).toMatch(/AccessFulfilled recorded for request .* dossier sha256:[0-9a-f]{64}/);
    const ledger = await openLedger(loadConfig(env));
    const last = (await ledger.store.readStream(`contact-${world.alice}`)).at(-1)!;
    await ledger.close();
    expect(last).toMatchObject({ type: 'AccessFulfilled', data: { requestId: world.aliceAccessRequest }, metadata: { actor: { keyId: 'local-cli' } } });

    const again = await run('evidence', 'dossier', world.alice, '--answer', world.aliceAccessRequest);
    expect(again.code).toBe(1);
    expect(again.err).toContain('calltrail: the access request was already fulfilled');
  });

  it('refuses the dossier to an analyst key', async () => {
    const ledger = await openLedger(loadConfig(env));
    const analyst = (await ledger.apiKeys.create({ role: 'analyst' })).key;
    await ledger.close();
    const refused = await run('evidence', 'dossier', world.alice, '--key', analyst);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('role analyst may not personal-data read');
    expect(refused.out).not.toContain(ALICE.name);
  });

  it('prints the erasure certificate and the campaign pack without personal data', async () => {
    const certificate = await run('evidence', 'erasure', world.bob);
    expect(certificate.code).toBe(0);
    expect(certificate.out).toContain('Verdict: **completed, but not within 30 days** (COMPLETED_LATE)');
    const pack = await run('evidence', 'campaign', world.campaignId, '--format', 'json');
    expect(JSON.parse(pack.out).objections).toMatchObject({ received: 1, honoured: 0 });
    for (const value of [...Object.values(ALICE), ...Object.values(BOB)]) {
      expect(certificate.out).not.toContain(value);
      expect(pack.out).not.toContain(value);
    }
    const early = await run('evidence', 'campaign', world.campaignId, '--as-of', 'last week');
    expect(early).toMatchObject({ code: 1, err: 'calltrail: asOf: must be a valid date' });
  });

  it('prints the CTM report as a table, CSV and SVG, and refuses a missing scope', async () => {
    const args = ['report', 'ctm', '--product', 'heat-pumps', '--bucket-months', '12', '--from', '2021-01-01', '--to', '2026-01-01'];
    const md = await run(...args);
    expect(md.code).toBe(0);
    expect(md.out).toContain('| 0–11 |');
    const csv = await run(...args, '--format', 'csv');
    expect(csv.out.split(/\r?\n/)[0]).toMatch(/^bucket,from months,to months,contacts called,calls,answered,/);
    const svg = await run(...args, '--format', 'svg');
    expect(svg.out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
    const none = await run('report', 'ctm', '--from', '2021-01-01', '--to', '2026-01-01');
    expect(none).toMatchObject({ code: 1, err: 'calltrail: productCategory or campaignId: give exactly one of them' });
  });

  it('describes every command with --help', async () => {
    expect((await run('evidence', 'dossier', '--help')).out).toContain('--answer <accessRequestId>');
    expect((await run('evidence', 'campaign', '--help')).out).toContain('--as-of <date>');
    expect((await run('evidence', 'erasure', '--help')).out).toContain('within 30 days');
    expect((await run('report', 'ctm', '--help')).out).toContain('--bucket-months <n>');
  });
});
