import { migrate, type Database, type Migration } from '@calltrail/sql';

/**
 * One row per contact. Shredding sets `wrapped` to NULL and keeps the row as a tombstone, so a
 * shredded contact can never silently get a new key; VACUUM FULL then rewrites the table so the
 * old row version (holding the wrapped key) is gone from it.
 */
export const PII_VAULT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'contact keys and vault secrets',
    sql: `
      CREATE TABLE pii_contact_keys (
        contact_id text PRIMARY KEY,
        key_id uuid NOT NULL UNIQUE,
        wrapped bytea,
        master_key_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        shredded_at timestamptz,
        CHECK ((wrapped IS NULL) = (shredded_at IS NOT NULL))
      );
      CREATE TABLE pii_secrets (
        name text PRIMARY KEY,
        wrapped bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export function migratePiiVault(db: Database): Promise<number[]> {
  return migrate(db, 'pii-vault', PII_VAULT_MIGRATIONS);
}
