import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openLedger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './program';

describe('the calltrail command', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calltrail-cli-'));
    env = { CALLTRAIL_DATA_DIR: dir, CALLTRAIL_MASTER_KEY: randomBytes(32).toString('hex') };
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      env,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      stopSignal: () => Promise.resolve('test'),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates, lists and revokes API keys, showing a key only once', async () => {
    const created = await run('keys', 'create', '--role', 'processor', '--processor', 'callcentre-a', '--label', 'A');
    expect(created.code).toBe(0);
    const key = /ct_([0-9a-f]{16})_(\S+)/.exec(created.out)!;
    expect(key).not.toBeNull();

    const listed = await run('keys', 'list');
    expect(listed.out).toContain(`${key[1]}  processor processor=callcentre-a  active`);
    expect(listed.out).not.toContain(key[2]);

    expect((await run('keys', 'revoke', key[1]!)).out).toContain('revoked');
    expect((await run('keys', 'list')).out).toMatch(new RegExp(`${key[1]}  processor processor=callcentre-a  revoked`));
  });

  it('refuses a dialer key without a processor, naming the field, with exit code 1', async () => {
    const result = await run('keys', 'create', '--role', 'dialer');
    expect(result.code).toBe(1);
    expect(result.err).toContain('a dialer key must be bound to one processor');
    expect(result.err).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('verifies the hash chains, and exits 1 naming the first broken link after tampering', async () => {
    const ledger = await openLedger(loadConfig(env));
    await ledger.store.appendToStream('probe-1', [{ type: 'Probed', data: { n: 1 } }, { type: 'Probed', data: { n: 2 } }], {
      expectedVersion: 'no_stream',
    });
    await ledger.close();
    const intact = await run('verify');
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toContain('Every hash chain holds.');

    const tamper = await openLedger(loadConfig(env));
    await tamper.database.exec(`ALTER TABLE events DISABLE TRIGGER USER;
      UPDATE events SET data = '{"n": 3}' WHERE stream_id = 'probe-1' AND stream_version = 2;
      ALTER TABLE events ENABLE TRIGGER USER;`);
    await tamper.close();
    const broken = await run('verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN: stream probe-1, version 2');
  });

  it('rotates the master key: data sealed before opens under the new key only', async () => {
    const ledger = await openLedger(loadConfig(env));
    const sealed = await ledger.vault.seal(randomUUID(), 'Marie Dubois');
    await ledger.close();
    const newKey = randomBytes(32).toString('base64');

    const rotated = await run('master-key', 'rotate');
    expect(rotated.code).toBe(1);
    expect(rotated.err).toContain('CALLTRAIL_NEW_MASTER_KEY');

    const oldEnv = env;
    env = { ...oldEnv, CALLTRAIL_NEW_MASTER_KEY: newKey };
    expect((await run('master-key', 'rotate')).out).toContain('Re-wrapped 1 contact keys');
    env = { ...oldEnv, CALLTRAIL_MASTER_KEY: newKey };
    const reopened = await openLedger(loadConfig(env));
    expect(await reopened.vault.open(sealed)).toBe('Marie Dubois');
    await reopened.close();
    await expect(openLedger(loadConfig(oldEnv))).rejects.toMatchObject({ code: 'INVALID_MASTER_KEY' });
  });

  it('describes every command with --help', async () => {
    const help = await run('--help');
    for (const name of ['serve', 'keys', 'verify', 'schema', 'master-key']) expect(help.out).toContain(name);
    expect((await run('keys', 'create', '--help')).out).toContain('--processor <processorId>');
  });
});
