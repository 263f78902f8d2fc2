import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PiiVaultError } from './errors';

/**
 * Normalises a phone number as typed (national or international) to E.164, e.g. `+32470123456`.
 * `defaultCountry` (ISO 3166 alpha-2) applies to national numbers. Throws INVALID_PHONE_NUMBER
 * naming `field` when the number is not a valid number of any known plan.
 */
export function normalisePhone(raw: string, defaultCountry: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(raw, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    throw new PiiVaultError(
      'INVALID_PHONE_NUMBER',
      `${field}: not a valid phone number (expected a national number of ${defaultCountry.toUpperCase()} or an international number starting with +)`,
      field,
    );
  }
  return parsed.number;
}
