import type { ContactPhone, DomainCommand } from '@calltrail/domain';
import { normalisePhone, PiiVaultError, type PiiVault } from '@calltrail/pii-vault';
import type { CommandInput, PhoneInput } from './command-input';

/**
 * Phone numbers as the domain takes them: E.164 (libphonenumber-js) with their keyed hash.
 * A contact's national numbers are read in the contact's country (`country` of the command, or
 * else the country on record); a dialled number must be in international form.
 */
export function withPhoneHashes(command: CommandInput, vault: PiiVault, countryOnRecord: string | null): DomainCommand {
  switch (command.type) {
    case 'RegisterContact':
      return { ...command, phones: contactPhones(command.phones, command.country ?? countryOnRecord, vault) };
    case 'RectifyContactDetails': {
      if (command.phones === undefined) return { ...command, phones: undefined };
      return { ...command, phones: contactPhones(command.phones, command.country ?? countryOnRecord, vault) };
    }
    case 'RecordCallAttempt': {
      const { number, phoneHash, lineType } = command.dialled ?? {};
      if (number === undefined) return { ...command, dialled: { phoneHash: phoneHash ?? '', lineType: lineType! } };
      return { ...command, dialled: { phoneHash: vault.phoneHash(internationalNumber(number, 'dialled.number')), lineType: lineType! } };
    }
    case 'CompleteErasure':
      return { ...command, keyId: command.keyId ?? '' };
    default:
      return command;
  }
}

function contactPhones(phones: PhoneInput[] | null | undefined, country: string | null, vault: PiiVault): ContactPhone[] {
  if (!Array.isArray(phones)) return phones as unknown as ContactPhone[];
  return phones.map((phone, index) => {
    const field = `phones[${index}].number`;
    const number = country ? normalisePhone(String(phone.number ?? ''), country, field) : internationalNumber(phone.number, field);
    return { number, phoneHash: vault.phoneHash(number), lineType: phone.lineType };
  });
}

function internationalNumber(raw: unknown, field: string): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text.startsWith('+')) {
    throw new PiiVaultError('INVALID_PHONE_NUMBER', `${field}: give the number in international form, starting with + and the country code`, field);
  }
  return normalisePhone(text, 'BE', field);
}
