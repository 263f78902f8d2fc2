import { DomainError } from '@calltrail/domain';
import { WrongExpectedVersionError } from '@calltrail/event-store';
import { AccessError, EventSchemaError } from '@calltrail/ledger';
import { PiiVaultError } from '@calltrail/pii-vault';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError } from './format-error';

const formatted = { message: 'raw', path: ['recordCallNote'] };
const inResolver = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['recordCallNote'] });

describe('GraphQL error mapping', () => {
  const reported: unknown[] = [];
  const format = createFormatError({ report: (error) => reported.push(error) });

  it('gives a domain refusal its code, field and details', () => {
    const refusal = new DomainError('NOTE_SPECIAL_CATEGORY_DATA', 'the note holds health data: "diabetes"', 'note', {
      terms: ['diabetes'],
    });
    expect(format(formatted, inResolver(refusal))).toEqual({
      message: 'the note holds health data: "diabetes"',
      path: ['recordCallNote'],
      extensions: { code: 'NOTE_SPECIAL_CATEGORY_DATA', field: 'note', details: { terms: ['diabetes'] } },
    });
  });

  it('passes store, access and vault codes through', () => {
    const codeOf = (error: Error) => format(formatted, inResolver(error)).extensions?.['code'];
    expect(codeOf(new WrongExpectedVersionError('call-1', 2, 3))).toBe('WRONG_EXPECTED_VERSION');
    expect(codeOf(new AccessError('FORBIDDEN', 'no'))).toBe('FORBIDDEN');
    expect(codeOf(new PiiVaultError('INVALID_PHONE_NUMBER', 'phone: not valid', 'phone'))).toBe('INVALID_PHONE_NUMBER');
  });

  it('names the first field an event breaks its schema on', () => {
    const violation = { path: 'phones[0].number', rule: 'pattern', message: 'must match E.164' };
    const result = format(formatted, inResolver(new EventSchemaError('ContactRegistered', 1, [violation])));
    expect(result.extensions).toEqual({
      code: 'EVENT_SCHEMA_VIOLATION',
      field: 'phones[0].number',
      details: { violations: [violation] },
    });
  });

  it('masks anything unexpected, reports it, and never shows a stack', () => {
    const crash = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const result = format({ ...formatted, extensions: { stacktrace: crash.stack } }, inResolver(crash));
    expect(result).toEqual({
      message: 'Internal error: the ledger could not complete the request',
      path: ['recordCallNote'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(reported).toContain(crash);
  });

  it('masks a request error code raised from a resolver', () => {
    const dressed = inResolver(Object.assign(new Error('select * from pii_contact_keys failed'), { extensions: { code: 'BAD_USER_INPUT' } }));
    expect(format({ ...formatted, extensions: { code: 'BAD_USER_INPUT' } }, dressed).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('keeps the code of an error in the request itself', () => {
    const syntax = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format({ message: syntax.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, syntax)).toMatchObject({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});
