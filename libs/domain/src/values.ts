/**
 * Value types shared by the event catalogue. Dates and instants are ISO-8601 strings
 * (`YYYY-MM-DD` for calendar dates, full timestamps with offset for instants); ids are UUID strings.
 */

export type Uuid = string;
/** An ISO-8601 instant, e.g. `2026-03-01T09:30:00.000Z`. */
export type Instant = string;
/** An ISO-8601 calendar date, e.g. `2026-03-01`. */
export type CalendarDate = string;
/** An ISO 3166-1 alpha-2 country code, upper case (`BE`, `NL`, `FR`, `MA`). */
export type CountryCode = string;
/** An IANA time zone (`Europe/Brussels`). */
export type TimeZone = string;
/** A keyed HMAC-SHA-256 of an E.164 number, lower-case hex (64 characters). */
export type PhoneHash = string;

export const AUDIENCES = ['B2B', 'B2C'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** `switchboard`: a company's general number (seed 000 §3: may always be called to ask for the person responsible). */
export const LINE_TYPES = ['mobile', 'landline', 'switchboard'] as const;
export type LineType = (typeof LINE_TYPES)[number];

export const CHANNELS = ['phone', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a request or an objection reached the organisation. */
export const RECEIPT_CHANNELS = ['phone', 'email', 'letter', 'web_form', 'in_person'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/** Where a contact's data came from (seed 004). Lists need a provider and a collection method. */
export const SOURCE_KINDS = [
  'own_customer',
  'web_form',
  'event',
  'referral',
  'purchased_list',
  'rented_list',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const LIST_SOURCE_KINDS: readonly SourceKind[] = ['purchased_list', 'rented_list'];

export interface ContactSource {
  kind: SourceKind;
  /** The list broker (purchased or rented list): its name. */
  provider?: string | null;
  /** The broker's processor id, when the broker is registered as a processor. */
  providerProcessorId?: Uuid | null;
  /** How the provider collected the data (e.g. "opt-in web form on partner sites"). */
  collectionMethod?: string | null;
  /** A reference to the list, form, event or referral (file name, form id, event name). */
  reference?: string | null;
  /** When the data was obtained. */
  obtainedAt?: Instant | null;
}

export const LEGAL_BASES = ['consent', 'legitimate_interest', 'existing_customer'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Do-not-call registries. */
export const DNC_REGISTRIES = ['BE_DNCM', 'FR_BLOCTEL', 'UK_TPS'] as const;
export type DncRegistry = (typeof DNC_REGISTRIES)[number];

/** A profession as used for B2B relevance (seed 000 §2, seed 004): a role and a sector code. */
export interface Profession {
  /** A role category, e.g. `facility_manager`, `energy_manager` (not the person's own job title). */
  role: string | null;
  /** A sector, e.g. a NACE code or a sector name. */
  sector: string | null;
}
