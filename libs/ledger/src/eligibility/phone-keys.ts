import { normalisePhone } from '@calltrail/pii-vault';
import { EligibilityQueryError } from './eligibility-answer';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The E.164 form of each number as given. A number already in E.164 is taken as it is (the fast path
 * for a call list); anything else must be an international number libphonenumber can read.
 */
export function toE164(phones: readonly string[], field: string): string[] {
  return phones.map((raw, index) => {
    const name = phones.length === 1 && field === 'phone' ? field : `${field}[${index}]`;
    if (typeof raw !== 'string') throw new EligibilityQueryError('INVALID_ELIGIBILITY_QUERY', `${name}: must be a string`, name);
    const compact = raw.replace(/[\s().-]/g, '');
    if (E164.test(compact)) return compact;
    if (!compact.startsWith('+')) {
      throw new EligibilityQueryError(
        'INVALID_ELIGIBILITY_QUERY',
        `${name}: give the number in international form, starting with + and the country code`,
        name,
      );
    }
    return normalisePhone(compact, 'BE', name);
  });
}
