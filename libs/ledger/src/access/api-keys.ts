import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@calltrail/event-store';
import { migrate, type Database, type Migration } from '@calltrail/sql';
import { AccessError } from './errors';
import { isRole, PROCESSOR_BOUND_ROLES, ROLES, type Role } from './roles';
import { VerifiedKeys, type VerifiedKeysOptions } from './verified-keys';

const KEY_PREFIX = 'ct';
const KEY_FORMAT = /^ct_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const PROCESSOR_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const BOOTSTRAP_LOCK_ID = 7_246_318_002;

export const ACCESS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'api keys',
    sql: `
      CREATE TABLE api_keys (
        key_id text PRIMARY KEY,
        role text NOT NULL,
        processor_id text,
        label text,
        secret_sha256 bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `,
  },
];

export interface ApiKeyRecord {
  keyId: string;
  role: Role;
  processorId: string | null;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CreatedApiKey {
  /** The full key, `ct_<keyId>_<secret>`: shown once, never stored. */
  key: string;
  record: ApiKeyRecord;
}

export interface CreateApiKeyInput {
  role: string;
  processorId?: string | null;
  label?: string | null;
}

interface ApiKeyRow {
  key_id: string;
  role: Role;
  processor_id: string | null;
  label: string | null;
  secret_sha256: Uint8Array;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

/** The secret has 256 bits of entropy, so one SHA-256 is enough (no slow password hash needed). */
function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    keyId: row.key_id,
    role: row.role,
    processorId: row.processor_id,
    label: row.label,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

export function validateKeyInput(input: CreateApiKeyInput): { role: Role; processorId: string | null } {
  if (!isRole(input.role)) {
    throw new AccessError('INVALID_ROLE', `role must be one of ${ROLES.join(', ')}; got "${input.role}"`, 'role');
  }
  const processorId = input.processorId ?? null;
  const bound = PROCESSOR_BOUND_ROLES.includes(input.role);
  if (bound && processorId === null) {
    throw new AccessError('INVALID_PROCESSOR_SCOPE', `a ${input.role} key must be bound to one processor`, 'processorId');
  }
  if (!bound && processorId !== null) {
    throw new AccessError('INVALID_PROCESSOR_SCOPE', `a ${input.role} key is not bound to a processor`, 'processorId');
  }
  if (processorId !== null && !PROCESSOR_ID.test(processorId)) {
    throw new AccessError(
      'INVALID_PROCESSOR_SCOPE',
      'processorId must be 1–128 letters, digits or . _ : - (a processor id)',
      'processorId',
    );
  }
  return { role: input.role, processorId };
}

/**
 * API keys: random, shown once, stored as SHA-256 of the secret, revocable. A key verified against
 * the database is remembered for a moment (see VerifiedKeys), so a dialer asking before every call
 * does not pay a database round trip per request for its key.
 */
export class ApiKeys {
  private readonly verified: VerifiedKeys;

  private constructor(
    private readonly db: Database,
    options: VerifiedKeysOptions,
  ) {
    this.verified = new VerifiedKeys(options);
  }

  static async open(db: Database, options: VerifiedKeysOptions = {}): Promise<ApiKeys> {
    await migrate(db, 'access', ACCESS_MIGRATIONS);
    return new ApiKeys(db, options);
  }

  async create(input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { role, processorId } = validateKeyInput(input);
    return this.insert(this.db, role, processorId, input.label ?? null);
  }

  /**
   * On a ledger with no key at all (a new data folder), creates the first admin key and returns
   * it; otherwise returns null. Two processes starting at once create one key between them.
   */
  async createFirstAdminKey(): Promise<CreatedApiKey | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_ID]);
      const { rows } = await tx.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM api_keys) AS any');
      if (rows[0]!.any) return null;
      return this.insert(tx, 'admin', null, 'first admin key');
    });
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, key_id');
    return rows.map(toRecord);
  }

  /**
   * Revokes a key for good. Revoking a revoked key keeps its first revocation time. This process
   * refuses the key at once; another process serving the same ledger, once its memory of the key
   * expires (VerifiedKeys: one second by default).
   */
  async revoke(keyId: string): Promise<ApiKeyRecord> {
    const { rows } = await this.db.query<ApiKeyRow>(
      'UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = $1 RETURNING *',
      [keyId],
    );
    this.verified.forget(keyId);
    if (!rows[0]) throw new AccessError('KEY_NOT_FOUND', `no API key with id ${keyId}`, 'keyId');
    return toRecord(rows[0]);
  }

  /** The actor behind a presented key, for authorisation and event metadata; UNAUTHENTICATED otherwise. */
  async authenticate(presented: string): Promise<Actor> {
    const remembered = this.verified.recall(presented);
    if (remembered) return remembered;
    const generation = this.verified.generation;
    const actor = await this.verify(presented);
    this.verified.remember(presented, actor, generation);
    return actor;
  }

  /** Checks a presented key against the database: format, secret, revocation. */
  private async verify(presented: string): Promise<Actor> {
    const match = KEY_FORMAT.exec(presented.trim());
    if (!match) throw new AccessError('UNAUTHENTICATED', 'the API key is malformed (expected ct_<keyId>_<secret>)');
    const [, keyId, secret] = match;
    const { rows } = await this.db.query<ApiKeyRow>('SELECT * FROM api_keys WHERE key_id = $1', [keyId]);
    const row = rows[0];
    if (!row || !timingSafeEqual(Buffer.from(row.secret_sha256), digest(secret!))) {
      throw new AccessError('UNAUTHENTICATED', 'the API key is not valid');
    }
    if (row.revoked_at !== null) throw new AccessError('UNAUTHENTICATED', `the API key ${keyId} has been revoked`);
    return { keyId: row.key_id, role: row.role, processorId: row.processor_id };
  }

  private async insert(
    db: Pick<Database, 'query'>,
    role: Role,
    processorId: string | null,
    label: string | null,
  ): Promise<CreatedApiKey> {
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await db.query<ApiKeyRow>(
      `INSERT INTO api_keys (key_id, role, processor_id, label, secret_sha256)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [keyId, role, processorId, label, digest(secret)],
    );
    return { key: `${KEY_PREFIX}_${keyId}_${secret}`, record: toRecord(rows[0]!) };
  }
}
