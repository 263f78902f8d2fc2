import type { Database } from '@calltrail/sql';
import { decrypt, encrypt, packParts, unpackParts } from './aead';
import { PiiVaultError } from './errors';
import type { MasterKey } from './master-key';
import { wrapAad } from './vault';

export interface RotationResult {
  contactKeys: number;
  secrets: number;
}

/**
 * Re-wraps every contact key and vault secret from `from` to `to`, in one transaction, then
 * rewrites both tables. Once the old master key is destroyed, copies of keys wrapped under it
 * (in WAL segments, backups or old disk blocks) can no longer be unwrapped.
 */
export async function rotateMasterKey(db: Database, from: MasterKey, to: MasterKey): Promise<RotationResult> {
  const result = await db.transaction(async (tx) => {
    const keys = await tx.query<{ contact_id: string; key_id: string; wrapped: Uint8Array; master_key_id: string }>(
      'SELECT contact_id, key_id::text AS key_id, wrapped, master_key_id FROM pii_contact_keys WHERE wrapped IS NOT NULL FOR UPDATE',
    );
    for (const row of keys.rows) {
      assertWrappedBy(row.master_key_id, from);
      const aad = wrapAad(row.contact_id, row.key_id);
      const rewrapped = rewrap(Buffer.from(row.wrapped), from, to, aad);
      await tx.query('UPDATE pii_contact_keys SET wrapped = $2, master_key_id = $3 WHERE contact_id = $1', [
        row.contact_id,
        rewrapped,
        to.id,
      ]);
    }
    const secrets = await tx.query<{ name: string; wrapped: Uint8Array; master_key_id: string }>(
      'SELECT name, wrapped, master_key_id FROM pii_secrets FOR UPDATE',
    );
    for (const row of secrets.rows) {
      assertWrappedBy(row.master_key_id, from);
      const rewrapped = rewrap(Buffer.from(row.wrapped), from, to, `calltrail:secret:v1:${row.name}`);
      await tx.query('UPDATE pii_secrets SET wrapped = $2, master_key_id = $3 WHERE name = $1', [
        row.name,
        rewrapped,
        to.id,
      ]);
    }
    return { contactKeys: keys.rows.length, secrets: secrets.rows.length };
  });
  await db.exec('VACUUM FULL pii_contact_keys');
  await db.exec('VACUUM FULL pii_secrets');
  return result;
}

function assertWrappedBy(masterKeyId: string, from: MasterKey): void {
  if (masterKeyId !== from.id) {
    throw new PiiVaultError(
      'INVALID_MASTER_KEY',
      `a key is wrapped under master key ${masterKeyId}, not under the old key given (${from.id})`,
      'from',
    );
  }
}

function rewrap(wrapped: Buffer, from: MasterKey, to: MasterKey, aad: string): Buffer {
  const secret = decrypt(from.key, unpackParts(wrapped), aad);
  try {
    return packParts(encrypt(to.key, secret, aad));
  } finally {
    secret.fill(0);
  }
}
