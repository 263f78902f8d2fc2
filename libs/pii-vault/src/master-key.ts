import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PiiVaultError } from './errors';

export const MASTER_KEY_ENV = 'CALLTRAIL_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
const KEY_BYTES = 32;

export interface MasterKey {
  /** 32 secret bytes; wraps every contact key and the phone pepper. */
  readonly key: Buffer;
  /** A non-secret fingerprint stored next to each wrapped key, to tell master keys apart. */
  readonly id: string;
  /** Where it came from: the environment, or a key file in the data folder. */
  readonly source: 'env' | 'file';
  readonly path?: string;
}

/** Parses a 32-byte key given as 64 hex digits or as base64 (standard or URL-safe). */
export function parseMasterKey(text: string, field = MASTER_KEY_ENV): Buffer {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed, 'base64');
  if (!key || key.length !== KEY_BYTES) {
    throw new PiiVaultError(
      'INVALID_MASTER_KEY',
      `${field} must be 32 bytes, written as 64 hex digits or as base64 (e.g. \`openssl rand -base64 32\`)`,
      field,
    );
  }
  return key;
}

export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('calltrail master key id v1').digest('hex').slice(0, 16);
}

export function masterKeyFromBytes(key: Buffer, source: MasterKey['source'] = 'env', path?: string): MasterKey {
  return { key, id: masterKeyId(key), source, path };
}

export interface LoadMasterKeyOptions {
  env?: Record<string, string | undefined>;
  /** The data folder; the key file lives here when the environment gives no key. */
  dataDir: string;
  warn?: (message: string) => void;
}

let warnedAboutKeyFile = false;

/**
 * The master key from `CALLTRAIL_MASTER_KEY`, or else from `<dataDir>/master.key`, generated on first
 * use with mode 0600. A key file next to the data it protects is a convenience for a laptop, not for
 * production: a warning says so, once per process.
 */
export function loadMasterKey(options: LoadMasterKeyOptions): MasterKey {
  const env = options.env ?? process.env;
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return masterKeyFromBytes(parseMasterKey(fromEnv), 'env');

  const dir = resolve(options.dataDir);
  const path = join(dir, MASTER_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(path, 0o600);
  if (!warnedAboutKeyFile) {
    warnedAboutKeyFile = true;
    (options.warn ?? console.warn)(
      `calltrail: no ${MASTER_KEY_ENV} set; personal data is encrypted under the key file ${path}. ` +
        `Keep it apart from the data in production: set ${MASTER_KEY_ENV} from a secret store.`,
    );
  }
  return masterKeyFromBytes(parseMasterKey(readFileSync(path, 'utf8'), path), 'file', path);
}
