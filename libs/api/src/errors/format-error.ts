import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@calltrail/domain';
import { AccessError, CommandError, EligibilityQueryError, EventSchemaError } from '@calltrail/ledger';
import { EventStoreError } from '@calltrail/event-store';
import { PiiVaultError } from '@calltrail/pii-vault';
import { InputValidationError } from './input-validation';

/** Errors whose message and code are written for the user; everything else is masked. */
const PUBLIC_ERRORS = [
  DomainError,
  AccessError,
  EventStoreError,
  PiiVaultError,
  InputValidationError,
  EligibilityQueryError,
  CommandError,
];

interface CodedError {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

function isPublicError(error: unknown): error is CodedError {
  return PUBLIC_ERRORS.some((type) => error instanceof type);
}

/** Errors from Apollo and graphql-js about the request itself (syntax, unknown field, bad variables). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface FormatErrorOptions {
  /** Where unexpected errors are reported (never to the client). */
  report?: (error: unknown) => void;
}

/**
 * Apollo's formatError: a coded error keeps its message and gets `extensions.code` (and
 * `extensions.field`, `extensions.details` when known); anything unexpected becomes
 * INTERNAL_SERVER_ERROR with a plain message. No stack trace ever reaches the client.
 */
export function createFormatError(options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (error instanceof EventSchemaError) {
      const field = error.violations[0]?.path;
      return {
        ...base,
        message: error.message,
        extensions: { code: error.code, ...(field && { field }), details: { violations: error.violations } },
      };
    }
    if (isPublicError(error)) {
      return {
        ...base,
        message: error.message,
        extensions: {
          code: error.code,
          ...(error.field !== undefined && { field: error.field }),
          ...(error.details !== undefined && { details: error.details }),
        },
      };
    }
    // An error about the request itself has no path: it was raised before any resolver ran. (Apollo
    // wraps graphql-js's validation and variable errors, so they do carry an originalError.)
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && formatted.path === undefined) {
      return { ...base, extensions: { code } };
    }
    (options.report ?? reportToStderr)(error);
    return { ...base, message: 'Internal error: the ledger could not complete the request', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Names and messages only: an unexpected error's context could hold personal data. */
function reportToStderr(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`calltrail: unexpected error while serving GraphQL: ${text}`);
}
