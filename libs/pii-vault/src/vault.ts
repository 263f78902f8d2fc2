import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Database, SqlQueryable } from '@calltrail/sql';
import { decrypt, encrypt, packParts, unpackParts } from './aead';
import { PiiVaultError } from './errors';
import type { MasterKey } from './master-key';
import { migratePiiVault } from './migrations';
import { isSealed, SEALED_FORMAT, type Sealed } from './sealed';

const DATA_KEY_BYTES = 32;
const PEPPER_SECRET = 'phone-pepper';
const MAX_CACHED_KEYS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{1,14}$/;

export interface PiiVaultOptions {
  /** How long an unwrapped contact key stays in memory (default 60 s); shredding evicts at once. */
  cacheTtlMs?: number;
}

export interface ShredResult {
  contactId: string;
  /** The destroyed key, or null when the contact never had one. */
  keyId: string | null;
  /** True when the key had already been destroyed before this call. */
  alreadyShredded: boolean;
}

export interface PiiVault {
  /** Creates the contact's data key (on registration); returns its id. Idempotent. */
  createContactKey(contactId: string): Promise<string>;
  /** Encrypts one personal field under the contact's key (created when missing). */
  seal(contactId: string, plaintext: string): Promise<Sealed>;
  /** The plaintext, or null once the contact's key is destroyed. Throws when the value was tampered with. */
  open(sealed: Sealed): Promise<string | null>;
  /** Destroys the contact's key: every value sealed for the contact becomes unreadable for good. */
  shred(contactId: string): Promise<ShredResult>;
  isShredded(contactId: string): Promise<boolean>;
  /** The keyed index of an E.164 number: HMAC-SHA-256 with the vault's secret pepper, hex. */
  phoneHash(e164: string): string;
}

interface CachedKey {
  contactId: string;
  key: Buffer;
  expiresAt: number;
}

interface KeyRow {
  contact_id: string;
  key_id: string;
  wrapped: Uint8Array | null;
}

/** The AAD of a wrapped contact key: a wrapped key cannot be moved to another contact's row. */
export function wrapAad(contactId: string, keyId: string): string {
  return `calltrail:contact-key:v1:${contactId}:${keyId}`;
}

/** The AAD of a sealed field: the ciphertext is bound to its contact and key. */
export function sealAad(contactId: string, keyId: string): string {
  return `calltrail:pii:v1:${contactId}:${keyId}`;
}

function secretAad(name: string): string {
  return `calltrail:secret:v1:${name}`;
}

/** Opens the vault on a database: applies its migrations and loads (or creates) the phone pepper. */
export async function openPiiVault(db: Database, master: MasterKey, options: PiiVaultOptions = {}): Promise<PiiVault> {
  await migratePiiVault(db);
  const pepper = await loadOrCreateSecret(db, master, PEPPER_SECRET);
  return new SqlPiiVault(db, master, pepper, options.cacheTtlMs ?? 60_000);
}

async function loadOrCreateSecret(db: Database, master: MasterKey, name: string): Promise<Buffer> {
  const fresh = packParts(encrypt(master.key, randomBytes(32), secretAad(name)));
  await db.query(
    'INSERT INTO pii_secrets (name, wrapped, master_key_id) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
    [name, fresh, master.id],
  );
  const { rows } = await db.query<{ wrapped: Uint8Array; master_key_id: string }>(
    'SELECT wrapped, master_key_id FROM pii_secrets WHERE name = $1',
    [name],
  );
  const row = rows[0]!;
  if (row.master_key_id !== master.id) {
    throw new PiiVaultError(
      'INVALID_MASTER_KEY',
      `CALLTRAIL_MASTER_KEY: this database was sealed under master key ${row.master_key_id}, ` +
        `but the key given has id ${master.id}; start with the master key the data was created with`,
      'CALLTRAIL_MASTER_KEY',
    );
  }
  return decrypt(master.key, unpackParts(Buffer.from(row.wrapped)), secretAad(name));
}

/** How long a shred waits for older transactions before it vacuums the key table anyway. */
const SHRED_WAIT_MS = 10_000;

class SqlPiiVault implements PiiVault {
  /** Unwrapped keys by key id, oldest first; bounded, and each entry expires. */
  private readonly cache = new Map<string, CachedKey>();
  private readonly keyIdByContact = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly master: MasterKey,
    private readonly pepper: Buffer,
    private readonly cacheTtlMs: number,
  ) {}

  async createContactKey(contactId: string): Promise<string> {
    return (await this.contactKey(contactId)).keyId;
  }

  async seal(contactId: string, plaintext: string): Promise<Sealed> {
    const { keyId, key } = await this.contactKey(contactId);
    const parts = encrypt(key, Buffer.from(plaintext, 'utf8'), sealAad(contactId, keyId));
    return {
      sealed: SEALED_FORMAT,
      keyId,
      iv: parts.iv.toString('base64'),
      ciphertext: parts.ciphertext.toString('base64'),
      tag: parts.tag.toString('base64'),
    };
  }

  async open(sealed: Sealed): Promise<string | null> {
    if (!isSealed(sealed) || !UUID.test(sealed.keyId)) {
      throw new PiiVaultError('SEALED_VALUE_INVALID', `not a sealed value of format ${SEALED_FORMAT}`);
    }
    const found = await this.keyById(sealed.keyId);
    if (!found) return null;
    const parts = {
      iv: Buffer.from(sealed.iv, 'base64'),
      ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
      tag: Buffer.from(sealed.tag, 'base64'),
    };
    try {
      return decrypt(found.key, parts, sealAad(found.contactId, sealed.keyId)).toString('utf8');
    } catch {
      throw new PiiVaultError(
        'SEALED_VALUE_TAMPERED',
        `sealed value under key ${sealed.keyId} does not authenticate: it was altered or sealed for another contact`,
      );
    }
  }

  async shred(contactId: string): Promise<ShredResult> {
    let shredXid = '';
    const result = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ key_id: string; shredded_at: Date | null }>(
        'SELECT key_id, shredded_at FROM pii_contact_keys WHERE contact_id = $1 FOR UPDATE',
        [contactId],
      );
      const row = rows[0];
      if (row?.shredded_at) return { contactId, keyId: row.key_id, alreadyShredded: true };
      // A tombstone even when no key was ever made: the contact can never get one afterwards.
      const { rows: written } = await tx.query<{ key_id: string }>(
        `INSERT INTO pii_contact_keys (contact_id, key_id, wrapped, master_key_id, shredded_at)
         VALUES ($1, $2, NULL, NULL, now())
         ON CONFLICT (contact_id) DO UPDATE SET wrapped = NULL, master_key_id = NULL, shredded_at = now()
         RETURNING key_id`,
        [contactId, randomUUID()],
      );
      shredXid = (await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!.xid;
      return { contactId, keyId: row ? written[0]!.key_id : null, alreadyShredded: false };
    });
    this.evict(contactId);
    if (!result.alreadyShredded) await this.removeOldKeyVersions(shredXid);
    return result;
  }

  /**
   * The UPDATE leaves the old row version (with the wrapped key) in the table's pages until it is
   * vacuumed; VACUUM FULL rewrites the table without it, but keeps it while a transaction older than
   * the shred runs anywhere on the server (or a snapshot older than it in this database): it waits
   * for those first, up to SHRED_WAIT_MS. See docs/security.md for WAL remnants.
   */
  private async removeOldKeyVersions(shredXid: string): Promise<void> {
    if (this.db.kind === 'postgres') {
      const until = Date.now() + SHRED_WAIT_MS;
      while (!(await this.noTransactionOlderThan(shredXid))) {
        if (Date.now() > until) {
          process.emitWarning(
            `shred: transactions older than the shred still run after ${SHRED_WAIT_MS} ms; the wrapped key's old row version stays until the next vacuum`,
            { code: 'CALLTRAIL_SHRED_VACUUM_DEFERRED' },
          );
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await this.db.exec('VACUUM FULL pii_contact_keys');
  }

  private async noTransactionOlderThan(xid: string): Promise<boolean> {
    const { rows } = await this.db.query<{ clear: boolean }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity
                           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL
                             AND age(backend_xmin) >= age($1::xid8::xid)) AS clear`,
      [xid],
    );
    return rows[0]!.clear;
  }

  async isShredded(contactId: string): Promise<boolean> {
    const { rows } = await this.db.query<{ shredded: boolean }>(
      'SELECT shredded_at IS NOT NULL AS shredded FROM pii_contact_keys WHERE contact_id = $1',
      [contactId],
    );
    return rows[0]?.shredded ?? false;
  }

  phoneHash(e164: string): string {
    if (!E164.test(e164)) {
      throw new PiiVaultError('INVALID_PHONE_NUMBER', 'phone: expected an E.164 number such as +32470123456', 'phone');
    }
    return createHmac('sha256', this.pepper).update(e164, 'utf8').digest('hex');
  }

  private async contactKey(contactId: string): Promise<{ keyId: string; key: Buffer }> {
    const cachedKeyId = this.keyIdByContact.get(contactId);
    const cached = cachedKeyId ? this.cache.get(cachedKeyId) : undefined;
    if (cachedKeyId && cached && cached.expiresAt > Date.now()) return { keyId: cachedKeyId, key: cached.key };
    const row = await this.insertKeyIfMissing(contactId);
    if (!row.wrapped) {
      throw new PiiVaultError(
        'CONTACT_KEY_SHREDDED',
        `contact ${contactId} has been erased: its key is destroyed and no new personal data can be sealed for it`,
        'contactId',
      );
    }
    return { keyId: row.key_id, key: this.unwrapAndCache(row) };
  }

  private async insertKeyIfMissing(contactId: string): Promise<KeyRow> {
    const keyId = randomUUID();
    const wrapped = packParts(encrypt(this.master.key, randomBytes(DATA_KEY_BYTES), wrapAad(contactId, keyId)));
    await this.db.query(
      `INSERT INTO pii_contact_keys (contact_id, key_id, wrapped, master_key_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (contact_id) DO NOTHING`,
      [contactId, keyId, wrapped, this.master.id],
    );
    return (await selectKey(this.db, 'contact_id', contactId))!;
  }

  private async keyById(keyId: string): Promise<{ contactId: string; key: Buffer } | null> {
    const cached = this.cache.get(keyId);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const row = await selectKey(this.db, 'key_id', keyId);
    if (!row?.wrapped) return null;
    return { contactId: row.contact_id, key: this.unwrapAndCache(row) };
  }

  private unwrapAndCache(row: KeyRow): Buffer {
    const key = decrypt(this.master.key, unpackParts(Buffer.from(row.wrapped!)), wrapAad(row.contact_id, row.key_id));
    this.cache.set(row.key_id, { contactId: row.contact_id, key, expiresAt: Date.now() + this.cacheTtlMs });
    this.keyIdByContact.set(row.contact_id, row.key_id);
    if (this.cache.size > MAX_CACHED_KEYS) this.evict(this.cache.values().next().value!.contactId);
    return key;
  }

  private evict(contactId: string): void {
    const keyId = this.keyIdByContact.get(contactId);
    this.keyIdByContact.delete(contactId);
    if (!keyId) return;
    this.cache.get(keyId)?.key.fill(0);
    this.cache.delete(keyId);
  }
}

async function selectKey(db: SqlQueryable, column: 'contact_id' | 'key_id', value: string): Promise<KeyRow | null> {
  const { rows } = await db.query<KeyRow>(
    `SELECT contact_id, key_id::text AS key_id, wrapped FROM pii_contact_keys WHERE ${column} = $1`,
    [value],
  );
  return rows[0] ?? null;
}
