/** The format tag of every sealed value; a new algorithm or layout gets a new tag. */
export const SEALED_FORMAT = 'aes-256-gcm:v1';

/**
 * A personal field as it is stored inside events: AES-256-GCM under the contact's own key, all
 * binary parts base64. The same shape is exported by @calltrail/domain; the field names must stay
 * identical (the vault may not import the domain, so it declares the shape too).
 */
export interface Sealed {
  sealed: typeof SEALED_FORMAT;
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['sealed'] === SEALED_FORMAT &&
    ['keyId', 'iv', 'ciphertext', 'tag'].every((field) => typeof candidate[field] === 'string')
  );
}
