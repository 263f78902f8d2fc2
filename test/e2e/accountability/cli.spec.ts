/**
 * `calltrail audit` and `calltrail register` as a user runs them: the built bundle in a child process,
 * on an embedded data folder holding the Futura story.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openLedger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, runNode } from '../evidence/built-cli';
import { playFutura, type FuturaStory } from './futura-story';

describe('calltrail audit and calltrail register', () => {
  let env: Record<string, string>;
  let dir: string;
  let buildDir: string;
  let cli: string;
  let story: FuturaStory;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calltrail-accountability-cli-'));
    ({ cli, buildDir } = await buildCli('calltrail-accountability-cli'));
    env = { CALLTRAIL_DATA_DIR: join(dir, 'data'), CALLTRAIL_MASTER_KEY: randomBytes(32).toString('hex') };
    const ledger = await openLedger(loadConfig(env));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      story = await playFutura(ledger.store, ledger.database, (iso) => vi.setSystemTime(new Date(iso)));
    } finally {
      vi.useRealTimers();
      await ledger.close();
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  const run = (...argv: string[]) => runNode([cli, ...argv], env);

  it('prints the audit as Markdown, CSV and JSON', async () => {
    const md = await run('audit', '--from', '2026-01-01', '--to', '2026-12-01');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| calls audited | lawful | CALL_WHILE_INELIGIBLE | PROPAGATION_DELAY |');
    expect(md.out).toContain('| 4 | 1 | 2 | 1 |');
    const csv = await run('audit', '--from', '2026-01-01', '--to', '2026-12-01', '--processor', story.centreB, '--format', 'csv');
    const lines = csv.out.split(/\r?\n/);
    expect(lines[0]).toBe('at,finding,callId,campaignId,processorId,contactId,legal reasons,known reasons,reported late,event ids');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3))).toEqual([
      ['2026-02-10T10:00:00.000Z', 'CALL_WHILE_INELIGIBLE', story.calls.bCallsObjector],
      ['2026-02-18T14:00:00.000Z', 'PROPAGATION_DELAY', story.calls.bCallsLateObjector],
    ]);
    const json = JSON.parse((await run('audit', '--from', '2026-03-01', '--to', '2026-04-01', '--format', 'json')).out);
    expect(json.findings.map((call: { callId: string }) => call.callId)).toEqual([story.calls.moroccoCallsC3]);
  });

  it('prints the register as of a date, with the Moroccan transfer gap today and not before', async () => {
    const before = await run('register', '--as-of', story.beforeMorocco);
    expect(before.code).toBe(0);
    expect(before.out).toContain('# Processing register (GDPR Art. 30(1)) as of 2026-02-25T00:00:00.000Z');
    expect(before.out).not.toContain('Atlas Appels SARL');
    const today = await run('register', '--format', 'md');
    expect(today.out).toContain('Atlas Appels SARL → MA: NO SAFEGUARD — GAP: Atlas Appels SARL (MA): no adequacy decision and no SCC or BCR');
    const csv = (await run('register', '--format', 'csv')).out.split(/\r?\n/);
    expect(csv).toHaveLength(2);
    expect(csv[0]).toContain('third-country transfers,third-country transfers events,third-country transfers gap');
    expect(csv[1]).toContain(story.eventIds.moroccoShare);
  });

  it('refuses a bad period or format with a clear message and exit code 1', async () => {
    const backwards = await run('audit', '--from', '2026-12-01', '--to', '2026-01-01');
    expect(backwards).toMatchObject({ code: 1, err: expect.stringContaining('calltrail: to: must be after from') });
    const format = await run('register', '--format', 'pdf');
    expect(format.code).toBe(1);
    expect(format.err).toContain("Allowed choices are md, json, csv");
    const date = await run('register', '--as-of', 'yesterday');
    expect(date).toMatchObject({ code: 1, err: expect.stringContaining('calltrail: asOf: must be an ISO-8601 date or instant') });
  });

  it('describes both commands with --help', async () => {
    expect((await run('audit', '--help')).out).toContain('--processor <processorId>');
    expect((await run('register', '--help')).out).toContain('--as-of <date>');
  });
});
