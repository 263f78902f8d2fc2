export type PiiVaultErrorCode =
  | 'INVALID_MASTER_KEY'
  | 'INVALID_PHONE_NUMBER'
  | 'CONTACT_KEY_SHREDDED'
  | 'SEALED_VALUE_INVALID'
  | 'SEALED_VALUE_TAMPERED';

/** A vault error with a stable code and, where it comes from an input, the field it names. */
export class PiiVaultError extends Error {
  constructor(
    readonly code: PiiVaultErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
