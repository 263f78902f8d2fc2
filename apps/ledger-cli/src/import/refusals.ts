import { InputValidationError } from '@calltrail/api';
import { DomainError } from '@calltrail/domain';
import { EventStoreError } from '@calltrail/event-store';
import { AccessError, CommandError, EventSchemaError } from '@calltrail/ledger';
import { PiiVaultError } from '@calltrail/pii-vault';

/** A refusal of one line or command, with its code and field: reported, and the import goes on. */
export class LineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** The errors the ledger gives for a command it refuses; anything else (a lost database) stops the import. */
const REFUSALS = [LineError, InputValidationError, DomainError, AccessError, CommandError, EventSchemaError, PiiVaultError, EventStoreError];

export interface Refusal {
  code: string;
  field: string | null;
  message: string;
}

/** The refusal an error stands for, or null when it is not one (then it is thrown on). */
export function refusalOf(error: unknown): Refusal | null {
  if (!REFUSALS.some((type) => error instanceof type)) return null;
  const coded = error as Error & { code: string; field?: unknown; violations?: Array<{ path?: string }> };
  const field = typeof coded.field === 'string' ? coded.field : (coded.violations?.[0]?.path ?? null);
  return { code: coded.code, field, message: coded.message };
}
