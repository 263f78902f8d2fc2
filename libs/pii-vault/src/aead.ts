import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface AeadParts {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** AES-256-GCM with a fresh random 96-bit IV; `aad` is authenticated, not encrypted. */
export function encrypt(key: Buffer, plaintext: Buffer, aad: string): AeadParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws when the key, the AAD or any byte of the parts is not the one sealed. */
export function decrypt(key: Buffer, parts: AeadParts, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
}

/** One column for a wrapped key: iv ‖ ciphertext ‖ tag. */
export function packParts(parts: AeadParts): Buffer {
  return Buffer.concat([parts.iv, parts.ciphertext, parts.tag]);
}

export function unpackParts(packed: Buffer): AeadParts {
  return {
    iv: packed.subarray(0, IV_BYTES),
    ciphertext: packed.subarray(IV_BYTES, packed.length - TAG_BYTES),
    tag: packed.subarray(packed.length - TAG_BYTES),
  };
}
