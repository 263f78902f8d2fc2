import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['02/512.34.56', 'BE', '+3225123456'],
    ['0032 470 12 34 56', 'BE', '+32470123456'],
    ['06-12345678', 'NL', '+31612345678'],
    ['020 123 4567', 'NL', '+31201234567'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['01 23 45 67 89', 'fr', '+33123456789'],
    ['+33 6 12 34 56 78', 'BE', '+33612345678'],
  ])('%s in %s is %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toBe(e164);
  });

  it('names the field and the rule when the number is not valid', () => {
    expect(() => normalisePhone('12345', 'BE', 'phones[1].number')).toThrow(
      expect.objectContaining({
        code: 'INVALID_PHONE_NUMBER',
        field: 'phones[1].number',
        message: expect.stringContaining('phones[1].number: not a valid phone number'),
      }),
    );
    expect(() => normalisePhone('not a number', 'NL')).toThrow(expect.objectContaining({ field: 'phone' }));
  });
});
