import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '@calltrail/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@calltrail/sql/testing';
import { decrypt, unpackParts } from './aead';
import { masterKeyFromBytes, type MasterKey } from './master-key';
import { migratePiiVault } from './migrations';
import { rotateMasterKey } from './rotate';
import { openPiiVault, wrapAad, type PiiVault } from './vault';

let snapshot: Blob;
beforeAll(async () => {
  const db = await openPglite();
  await migratePiiVault(db);
  snapshot = await db.dump();
  await db.close();
});

const targets: Array<[string, () => Promise<Database>]> = [['pglite', async () => openPglite({ snapshot })]];
const scratchDrops: Array<() => Promise<void>> = [];
if (process.env['DATABASE_URL']) {
  targets.push([
    'postgres',
    async () => {
      const scratch = await createScratchDatabase(process.env['DATABASE_URL']!);
      scratchDrops.push(scratch.drop);
      return openPostgres({ connectionString: scratch.url });
    },
  ]);
}
afterAll(async () => Promise.all(scratchDrops.map((drop) => drop())));

const newMaster = (): MasterKey => masterKeyFromBytes(randomBytes(32));

/** Every row of every user table, as text (bytea shows as \x… hex). */
async function everyRowAsText(db: Database): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  );
  const dumps = await Promise.all(
    tables.map(async ({ name }) => {
      const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      return rows.map((r) => r.row).join('\n');
    }),
  );
  return dumps.join('\n');
}

async function keyMaterial(db: Database, master: MasterKey, contactId: string) {
  const { rows } = await db.query<{ key_id: string; wrapped: Uint8Array }>(
    'SELECT key_id::text AS key_id, wrapped FROM pii_contact_keys WHERE contact_id = $1',
    [contactId],
  );
  const wrapped = Buffer.from(rows[0]!.wrapped);
  const dataKey = decrypt(master.key, unpackParts(wrapped), wrapAad(contactId, rows[0]!.key_id));
  return { wrappedHex: wrapped.toString('hex'), dataKeyHex: dataKey.toString('hex') };
}

/** On PostgreSQL: every tuple in the table's pages, dead ones included (pageinspect). */
async function rawTuplesHex(db: Database, table: string): Promise<string> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const { rows } = await db.query<{ data: string | null }>(
    `SELECT encode(items.t_data, 'hex') AS data
     FROM generate_series(0, (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int - 1) AS page,
          LATERAL heap_page_items(get_raw_page($1::text, page)) AS items`,
    [table],
  );
  return rows.map((row) => row.data ?? '').join('\n');
}

describe.each(targets)('PII vault on %s', (name, open) => {
  let db: Database;
  let master: MasterKey;
  let vault: PiiVault;
  beforeAll(async () => {
    db = await open();
    master = newMaster();
    vault = await openPiiVault(db, master);
  });
  afterAll(async () => db?.close());

  it('opens what it sealed, with a fresh IV each time', async () => {
    const contact = randomUUID();
    const first = await vault.seal(contact, 'Lieve Peeters-Dubois, ☎ +32 470 12 34 56');
    const second = await vault.seal(contact, 'Lieve Peeters-Dubois, ☎ +32 470 12 34 56');
    expect(first).toMatchObject({ sealed: 'aes-256-gcm:v1', keyId: second.keyId });
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toContain('Lieve');
    expect(await vault.open(first)).toBe('Lieve Peeters-Dubois, ☎ +32 470 12 34 56');
  });

  it('creates one key per contact, idempotently', async () => {
    const contact = randomUUID();
    const keyId = await vault.createContactKey(contact);
    expect(await vault.createContactKey(contact)).toBe(keyId);
    expect((await vault.seal(contact, 'x')).keyId).toBe(keyId);
    expect((await vault.seal(randomUUID(), 'x')).keyId).not.toBe(keyId);
  });

  it("refuses a value presented under another contact's key, and a tampered value", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const sealed = await vault.seal(alice, 'alice@example.be');
    const bobsKeyId = (await vault.seal(bob, 'bob')).keyId;
    await expect(vault.open({ ...sealed, keyId: bobsKeyId })).rejects.toMatchObject({ code: 'SEALED_VALUE_TAMPERED' });
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await expect(vault.open({ ...sealed, ciphertext: flipped.toString('base64') })).rejects.toMatchObject({
      code: 'SEALED_VALUE_TAMPERED',
    });
    await expect(vault.open({ ...sealed, keyId: 'alice' })).rejects.toMatchObject({ code: 'SEALED_VALUE_INVALID' });
  });

  it('makes every sealed value unreadable after shredding, and leaves no key bytes in any table', async () => {
    const contact = randomUUID();
    const sealed = await vault.seal(contact, 'Jan Janssens');
    const { wrappedHex, dataKeyHex } = await keyMaterial(db, master, contact);
    expect(await everyRowAsText(db)).toContain(wrappedHex);

    if (db.kind === 'postgres') expect(await rawTuplesHex(db, 'pii_contact_keys')).toContain(wrappedHex);

    const result = await vault.shred(contact);
    expect(result).toEqual({ contactId: contact, keyId: sealed.keyId, alreadyShredded: false });
    expect(await vault.open(sealed)).toBeNull();
    expect(await vault.isShredded(contact)).toBe(true);
    const rows = await everyRowAsText(db);
    expect(rows).not.toContain(wrappedHex);
    expect(rows).not.toContain(dataKeyHex);
    if (db.kind === 'postgres') expect(await rawTuplesHex(db, 'pii_contact_keys')).not.toContain(wrappedHex);
    // A fresh vault (another process, no cache) cannot open it either.
    expect(await (await openPiiVault(db, master)).open(sealed)).toBeNull();
    expect(await vault.shred(contact)).toMatchObject({ alreadyShredded: true });
  });

  // PGlite is one connection: no other transaction can run beside a shred.
  if (name === 'postgres') it('waits for a transaction older than the shred, even in another database, before it rewrites the key table', async () => {
    const contact = randomUUID();
    await vault.seal(contact, 'Jan Janssens');
    const { wrappedHex } = await keyMaterial(db, master, contact);
    // Another database on the same server, with a transaction that has an id: until it ends, VACUUM
    // FULL must keep every row version it could still see, the old one with the wrapped key included.
    const elsewhere = await openPostgres({ connectionString: process.env['DATABASE_URL']! });
    const order: string[] = [];
    let shredding: Promise<unknown> = Promise.resolve();
    try {
      await elsewhere.transaction(async (tx) => {
        await tx.query('SELECT pg_current_xact_id()');
        shredding = vault.shred(contact).then(() => order.push('shredded'));
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      order.push('older transaction ended');
      await shredding;
    } finally {
      await elsewhere.close();
    }
    expect(order).toEqual(['older transaction ended', 'shredded']);
    expect(await rawTuplesHex(db, 'pii_contact_keys')).not.toContain(wrappedHex);
  });

  it('never gives an erased contact a new key', async () => {
    const contact = randomUUID();
    await vault.shred(contact);
    await expect(vault.seal(contact, 'again')).rejects.toMatchObject({ code: 'CONTACT_KEY_SHREDDED', field: 'contactId' });
  });

  it('indexes phones by a keyed hash that changes with the pepper', async () => {
    const other = await openPglite({ snapshot });
    const otherVault = await openPiiVault(other, newMaster());
    const hash = vault.phoneHash('+32470123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.phoneHash('+32470123456')).toBe(hash);
    expect(vault.phoneHash('+32470123457')).not.toBe(hash);
    expect(otherVault.phoneHash('+32470123456')).not.toBe(hash);
    expect(() => vault.phoneHash('0470 12 34 56')).toThrow(expect.objectContaining({ code: 'INVALID_PHONE_NUMBER' }));
    await other.close();
  });

  it('refuses to open under a different master key, with a message naming the variable', async () => {
    await expect(openPiiVault(db, newMaster())).rejects.toMatchObject({
      code: 'INVALID_MASTER_KEY',
      field: 'CALLTRAIL_MASTER_KEY',
    });
  });
});

describe('master key rotation', () => {
  it('re-wraps every key so the old master key no longer opens the vault', async () => {
    const db = await openPglite({ snapshot });
    const oldMaster = newMaster();
    const vault = await openPiiVault(db, oldMaster);
    const sealed = await vault.seal(randomUUID(), 'Marie Dupont');
    const phone = vault.phoneHash('+33612345678');

    const newKey = newMaster();
    expect(await rotateMasterKey(db, oldMaster, newKey)).toEqual({ contactKeys: 1, secrets: 1 });

    const rotated = await openPiiVault(db, newKey);
    expect(await rotated.open(sealed)).toBe('Marie Dupont');
    expect(rotated.phoneHash('+33612345678')).toBe(phone);
    await expect(openPiiVault(db, oldMaster)).rejects.toMatchObject({ code: 'INVALID_MASTER_KEY' });
    await db.close();
  });
});

describe('shredding on an embedded data folder', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }

  it('leaves the wrapped key in no table file (only the write-ahead log may hold it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calltrail-vault-'));
    dirs.push(dir);
    const db = await openPglite({ dataDir: dir, snapshot });
    const master = newMaster();
    const vault = await openPiiVault(db, master);
    const contact = randomUUID();
    await vault.seal(contact, 'Jan Janssens');
    const wrapped = Buffer.from((await keyMaterial(db, master, contact)).wrappedHex, 'hex');
    await db.exec('CHECKPOINT');
    const tableFiles = () => filesUnder(dir).filter((path) => !path.includes('pg_wal'));
    expect(tableFiles().some((path) => readFileSync(path).includes(wrapped))).toBe(true);

    await vault.shred(contact);
    await db.exec('CHECKPOINT');
    expect(tableFiles().filter((path) => readFileSync(path).includes(wrapped))).toEqual([]);
    await db.close();
  });
});
