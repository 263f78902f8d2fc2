export type AccessErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'INVALID_ROLE' | 'INVALID_PROCESSOR_SCOPE' | 'KEY_NOT_FOUND';

export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
