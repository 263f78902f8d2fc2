import type {
  ComplaintSubject,
  ContactPhone,
  ErasureGround,
  ObjectionScope,
  ReceivedVia,
} from '../../events/contact.events';
import type {
  Audience,
  Channel,
  ContactSource,
  CountryCode,
  Instant,
  Profession,
  ReceiptChannel,
  TimeZone,
  Uuid,
} from '../../values';
import type { CommandTiming } from '../shared';

/**
 * Commands on the contact stream. Personal fields are plaintext here: the application
 * normalises phone numbers to E.164 and computes each `phoneHash` before deciding, and seals
 * the personal fields of the resulting events before they are appended.
 */

export interface RegisterContact extends CommandTiming {
  type: 'RegisterContact';
  contactId: Uuid;
  audience: Audience;
  country: CountryCode;
  timeZone: TimeZone;
  name: string;
  phones: ContactPhone[];
  emails?: string[];
  company?: string | null;
  jobTitle?: string | null;
  profession?: Partial<Profession> | null;
  /** Required: without it the registration is refused (SOURCE_REQUIRED). */
  source?: ContactSource | null;
}

export interface RectifyContactDetails extends CommandTiming {
  type: 'RectifyContactDetails';
  contactId: Uuid;
  name?: string;
  phones?: ContactPhone[];
  emails?: string[];
  company?: string | null;
  jobTitle?: string | null;
  profession?: Profession;
  audience?: Audience;
  country?: CountryCode;
  timeZone?: TimeZone;
  requestedBySubject?: boolean;
}

/** Evidence as the caller sends it: anything missing is refused (CONSENT_WITHOUT_EVIDENCE). */
export interface ConsentEvidenceInput {
  /** One of CONSENT_METHODS; `terms_and_conditions` or `privacy_statement` are refused (CONSENT_FROM_TERMS). */
  method?: string | null;
  noticeVersion?: string | null;
  givenAt?: Instant | null;
  evidenceRef?: string | null;
}

export interface GiveConsent extends CommandTiming {
  type: 'GiveConsent';
  contactId: Uuid;
  consentId: Uuid;
  purpose: string;
  channels: Channel[];
  campaignId?: Uuid | null;
  productCategory?: string | null;
  evidence?: ConsentEvidenceInput | null;
  /** Set when the "consent" came from accepting terms and conditions or a privacy statement. */
  derivedFrom?: 'terms_and_conditions' | 'privacy_statement' | null;
  expiresAt?: Instant | null;
  receivedVia?: ReceivedVia | null;
}

export interface WithdrawConsent extends CommandTiming {
  type: 'WithdrawConsent';
  contactId: Uuid;
  /** Absent or null: every consent of the contact. */
  consentId?: Uuid | null;
  receivedVia: ReceivedVia;
}

export interface RecordPurchase extends CommandTiming {
  type: 'RecordPurchase';
  contactId: Uuid;
  purchaseId: Uuid;
  productCategory: string;
  purchasedOn: string;
  contractEndsOn?: string | null;
}

export interface RaiseObjection extends CommandTiming {
  type: 'RaiseObjection';
  contactId: Uuid;
  objectionId: Uuid;
  scope?: ObjectionScope;
  receivedVia: ReceivedVia;
  callId?: Uuid | null;
  campaignId?: Uuid | null;
  text?: string | null;
}

export interface ReceiveComplaint extends CommandTiming {
  type: 'ReceiveComplaint';
  contactId: Uuid;
  complaintId: Uuid;
  subject: ComplaintSubject;
  receivedVia: ReceivedVia;
  callId?: Uuid | null;
  campaignId?: Uuid | null;
  viaSupervisoryAuthority?: boolean;
  text?: string | null;
}

export interface RequestAccess extends CommandTiming {
  type: 'RequestAccess';
  contactId: Uuid;
  requestId: Uuid;
  receivedVia: ReceivedVia;
}

export interface FulfilAccess extends CommandTiming {
  type: 'FulfilAccess';
  contactId: Uuid;
  requestId: Uuid;
  deliveredVia: ReceiptChannel;
  dossierRef: string;
}

export interface RequestErasure extends CommandTiming {
  type: 'RequestErasure';
  contactId: Uuid;
  requestId: Uuid;
  ground?: ErasureGround;
  receivedVia: ReceivedVia;
}

/** Sent by the application once the contact's key is destroyed and the read models purged. */
export interface CompleteErasure extends CommandTiming {
  type: 'CompleteErasure';
  contactId: Uuid;
  requestId: Uuid;
  keyId: string;
}

export interface ConfirmProcessorErasure extends CommandTiming {
  type: 'ConfirmProcessorErasure';
  contactId: Uuid;
  requestId: Uuid;
  processorId: Uuid;
  evidenceRef: string;
}

export type ContactCommand =
  | RegisterContact
  | RectifyContactDetails
  | GiveConsent
  | WithdrawConsent
  | RecordPurchase
  | RaiseObjection
  | ReceiveComplaint
  | RequestAccess
  | FulfilAccess
  | RequestErasure
  | CompleteErasure
  | ConfirmProcessorErasure;
