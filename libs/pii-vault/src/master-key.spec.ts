import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMasterKey, parseMasterKey } from './master-key';

describe('master key', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('reads 32 bytes given as hex or base64', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('hex'))).toEqual(key);
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(parseMasterKey(key.toString('base64url'))).toEqual(key);
  });

  it('refuses a key of the wrong length, naming the variable', () => {
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(
      expect.objectContaining({ code: 'INVALID_MASTER_KEY', field: 'CALLTRAIL_MASTER_KEY' }),
    );
    expect(() => parseMasterKey('hunter2!')).toThrow(/CALLTRAIL_MASTER_KEY must be 32 bytes/);
  });

  it('prefers the environment, and otherwise generates a private key file once, with one warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calltrail-master-'));
    dirs.push(dir);
    const fromEnv = randomBytes(32);
    const env = { CALLTRAIL_MASTER_KEY: fromEnv.toString('hex') };
    expect(loadMasterKey({ env, dataDir: dir }).key).toEqual(fromEnv);

    const warnings: string[] = [];
    const first = loadMasterKey({ env: {}, dataDir: join(dir, 'data'), warn: (m) => warnings.push(m) });
    const second = loadMasterKey({ env: {}, dataDir: join(dir, 'data'), warn: (m) => warnings.push(m) });
    expect(first.source).toBe('file');
    expect(second.key).toEqual(first.key);
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(first.path!, 'utf8').trim(), 'base64')).toEqual(first.key);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('CALLTRAIL_MASTER_KEY');
    expect(warnings[0]).not.toContain(first.key.toString('base64'));
  });
});
