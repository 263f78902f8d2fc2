/**
 * The stored form of a personal field: AES-256-GCM ciphertext under the contact's own key.
 * All strings are base64. `keyId` names the contact key that sealed it; destroying that key
 * (erasure) makes every sealed field of the contact unreadable.
 */
export interface Sealed {
  sealed: 'aes-256-gcm:v1';
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export const SEALED_ALGORITHM = 'aes-256-gcm:v1' as const;

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['sealed'] === SEALED_ALGORITHM &&
    typeof v['keyId'] === 'string' &&
    typeof v['iv'] === 'string' &&
    typeof v['ciphertext'] === 'string' &&
    typeof v['tag'] === 'string'
  );
}
