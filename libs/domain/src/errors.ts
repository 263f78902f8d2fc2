/**
 * Every refusal the domain can give, with a one-line meaning. A refused command stores nothing.
 * The GraphQL layer maps the code to `extensions.code`; the docs are generated from this list.
 */
export const DOMAIN_ERROR_CODES = {
  INVALID_FIELD: 'A field breaks a rule of its own (empty, out of range, a date before another); the error names the field.',
  OCCURRED_IN_FUTURE: 'The time given (occurredAt or a dated field) lies in the future: the ledger records what has happened.',
  STREAM_ALREADY_EXISTS: 'A registration or definition is repeated: the contact, call, campaign or processor already exists.',
  DUPLICATE_ID: 'The id of a consent, objection, request, agreement, snapshot or note is already used in this stream.',
  CONTACT_NOT_FOUND: 'The contact has not been registered.',
  CAMPAIGN_NOT_FOUND: 'The campaign has not been defined.',
  PROCESSOR_NOT_FOUND: 'The processor has not been registered.',
  SOURCE_REQUIRED: 'A contact cannot be registered without the source of its data (seed 004).',
  LIST_PROVENANCE_REQUIRED: 'A contact from a purchased or rented list needs the list provider and its collection method (seed 004).',
  CONSENT_WITHOUT_EVIDENCE: 'Consent needs evidence: method, notice text version, timestamp and evidence reference (seed 002).',
  CONSENT_FROM_TERMS: 'Consent cannot be derived from accepting terms and conditions or a privacy statement (seed 002).',
  CONSENT_NOT_FOUND: 'The consent to withdraw was never given to this contact.',
  CONTACT_ERASED: 'The contact is erased: only erasure confirmations can still be recorded (seed 001).',
  ERASURE_PENDING: 'Erasure has been requested: no new personal data, consent or purchase can be added.',
  REQUEST_NOT_FOUND: 'The access or erasure request named was never received for this contact.',
  REQUEST_ALREADY_CLOSED: 'The access request was already fulfilled, or the erasure already completed.',
  CALL_NOT_ATTEMPTED: 'A notice, recording, outcome or note names a call that was never attempted.',
  CALL_NOT_ANSWERED: 'A notice, recording or outcome on a call that was not answered.',
  OUT_OF_ORDER: 'The fact is dated before the call, breach or request it follows.',
  CHANNEL_MISMATCH: 'A call-only record on an e-mail, or an e-mail on a call.',
  OUTCOME_ALREADY_RECORDED: 'The call already has its outcome.',
  NOTE_SPECIAL_CATEGORY_DATA: 'The note holds special-category data (GDPR Art. 9: health, religion, ethnicity, …); the terms found are named (seed 001).',
  NOTE_OFFENSIVE: 'The note holds insulting language; the terms found are named (seed 001).',
  CAMPAIGN_ALREADY_STARTED: 'The campaign has already started.',
  CAMPAIGN_NOT_STARTED: 'The campaign cannot end before it started.',
  CAMPAIGN_ENDED: 'The campaign has ended: it cannot be amended, started or scrubbed again.',
  AGREEMENT_NOT_FOUND: 'The processor agreement named was never signed with this processor.',
  AGREEMENT_ALREADY_ENDED: 'The processor agreement has already ended.',
  BREACH_NOT_FOUND: 'The breach named was never recorded as detected.',
  BREACH_ALREADY_NOTIFIED: 'The breach has already been notified to that authority.',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
