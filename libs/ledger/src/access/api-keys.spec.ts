import { openPglite, openPostgres, type Database } from '@calltrail/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeys } from './api-keys';
import { DEFAULT_REVERIFY_AFTER_MS } from './verified-keys';

let snapshot: Blob;
beforeAll(async () => {
  const db = await openPglite();
  await ApiKeys.open(db);
  snapshot = await db.dump();
  await db.close();
});

const targets: Array<[string, () => Promise<Database>]> = [['pglite', async () => openPglite({ snapshot })]];
if (process.env['DATABASE_URL']) {
  targets.push(['postgres', () => openPostgres({ connectionString: process.env['DATABASE_URL']! })]);
}

describe.each(targets)('API keys on %s', (_name, open) => {
  let db: Database;
  let keys: ApiKeys;
  beforeAll(async () => {
    db = await open();
    keys = await ApiKeys.open(db);
  });
  afterAll(async () => db?.close());

  it('creates a random key, shown once, that authenticates as its actor', async () => {
    const created = await keys.create({ role: 'processor', processorId: 'callcentre-a', label: 'Casablanca floor' });
    expect(created.key).toMatch(/^ct_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.key).toContain(created.record.keyId);
    expect(await keys.authenticate(created.key)).toEqual({
      keyId: created.record.keyId,
      role: 'processor',
      processorId: 'callcentre-a',
    });
    const another = await keys.create({ role: 'processor', processorId: 'callcentre-a' });
    expect(another.key).not.toBe(created.key);
  });

  it('stores only a hash of the secret', async () => {
    const created = await keys.create({ role: 'analyst' });
    const secret = created.key.split('_').slice(2).join('_');
    const { rows } = await db.query<{ row: string }>('SELECT t::text AS row FROM api_keys t WHERE key_id = $1', [
      created.record.keyId,
    ]);
    expect(rows[0]!.row).not.toContain(secret);
    expect(rows[0]!.row).not.toContain(Buffer.from(secret).toString('hex'));
    expect((await keys.list()).find((k) => k.keyId === created.record.keyId)).toMatchObject({ role: 'analyst' });
  });

  it('refuses a wrong secret, a malformed key and a revoked key', async () => {
    const created = await keys.create({ role: 'compliance' });
    const wrongSecret = created.key.slice(0, -4) + (created.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(keys.authenticate(wrongSecret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(keys.authenticate('Bearer nonsense')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const revoked = await keys.revoke(created.record.keyId);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(keys.authenticate(created.key)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('revoked'),
    });
    await expect(keys.revoke('0000000000000000')).rejects.toMatchObject({ code: 'KEY_NOT_FOUND', field: 'keyId' });
  });

  it('refuses a key revoked by this process at once, even just after it was verified', async () => {
    const created = await keys.create({ role: 'dialer', processorId: 'callcentre-a' });
    await keys.authenticate(created.key);
    await keys.revoke(created.record.keyId);
    await expect(keys.authenticate(created.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('remembers a verified key for a second, then asks the database again (a revocation by another process)', async () => {
    let now = 1_000_000;
    const remembering = await ApiKeys.open(db, { now: () => now });
    const created = await remembering.create({ role: 'dialer', processorId: 'callcentre-a' });
    const actor = await remembering.authenticate(created.key);
    await db.query('UPDATE api_keys SET revoked_at = now() WHERE key_id = $1', [created.record.keyId]);

    now += DEFAULT_REVERIFY_AFTER_MS - 1;
    expect(await remembering.authenticate(created.key)).toEqual(actor);
    now += 1;
    await expect(remembering.authenticate(created.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(remembering.authenticate(created.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not remember a wrong secret: the right one still works, the wrong one never does', async () => {
    const created = await keys.create({ role: 'analyst' });
    const wrongSecret = created.key.slice(0, -4) + (created.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(keys.authenticate(wrongSecret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await keys.authenticate(created.key);
    await expect(keys.authenticate(wrongSecret)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('with reverifyAfterMs 0, asks the database on every request', async () => {
    const strict = await ApiKeys.open(db, { reverifyAfterMs: 0 });
    const created = await strict.create({ role: 'analyst' });
    await strict.authenticate(created.key);
    await db.query('UPDATE api_keys SET revoked_at = now() WHERE key_id = $1', [created.record.keyId]);
    await expect(strict.authenticate(created.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('binds processor and dialer keys to one processor, and only those', async () => {
    await expect(keys.create({ role: 'dialer' })).rejects.toMatchObject({
      code: 'INVALID_PROCESSOR_SCOPE',
      field: 'processorId',
    });
    await expect(keys.create({ role: 'analyst', processorId: 'callcentre-a' })).rejects.toMatchObject({
      code: 'INVALID_PROCESSOR_SCOPE',
    });
    await expect(keys.create({ role: 'root' })).rejects.toMatchObject({ code: 'INVALID_ROLE', field: 'role' });
  });
});

describe('the first admin key', () => {
  it('is created once, on a ledger without keys', async () => {
    const db = await openPglite({ snapshot });
    const keys = await ApiKeys.open(db);
    const [first, second] = await Promise.all([keys.createFirstAdminKey(), keys.createFirstAdminKey()]);
    const created = [first, second].filter((k) => k !== null);
    expect(created).toHaveLength(1);
    expect(created[0]!.record.role).toBe('admin');
    expect(await keys.createFirstAdminKey()).toBeNull();
    await keys.revoke(created[0]!.record.keyId);
    expect(await keys.createFirstAdminKey()).toBeNull();
    await db.close();
  });
});
