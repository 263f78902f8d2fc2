import type {
  Audience,
  CalendarDate,
  Channel,
  ContactSource,
  CountryCode,
  Instant,
  LineType,
  PhoneHash,
  Profession,
  ReceiptChannel,
  TimeZone,
  Uuid,
} from '../values';

/**
 * Events of the contact stream `contact-<uuid>` (the data subject).
 * Fields marked "personal" are plaintext here and sealed (see `Sealed`) before they are stored.
 */

export interface ContactPhone {
  /** personal: the E.164 number. */
  number: string;
  /** Keyed HMAC of the E.164 number: how a number is found without reading it. */
  phoneHash: PhoneHash;
  lineType: LineType;
}

/** Where a request, objection or consent withdrawal was received: directly, or through a processor. */
export interface ReceivedVia {
  /** The processor (call centre) that took it; null when the controller received it directly. */
  processorId: Uuid | null;
  channel: ReceiptChannel;
}

export interface ContactRegistered {
  type: 'ContactRegistered';
  data: {
    contactId: Uuid;
    audience: Audience;
    country: CountryCode;
    timeZone: TimeZone;
    /** personal */
    name: string;
    phones: ContactPhone[];
    /** personal, each */
    emails: string[];
    /** personal */
    company: string | null;
    /** personal */
    jobTitle: string | null;
    profession: Profession;
    source: ContactSource;
  };
}

/** Art. 16: corrected details. Only the fields present changed; `phones` and `emails` replace the lists. */
export interface ContactDetailsRectified {
  type: 'ContactDetailsRectified';
  data: {
    contactId: Uuid;
    /** personal */
    name?: string;
    phones?: ContactPhone[];
    /** personal, each */
    emails?: string[];
    /** personal */
    company?: string | null;
    /** personal */
    jobTitle?: string | null;
    profession?: Profession;
    audience?: Audience;
    country?: CountryCode;
    timeZone?: TimeZone;
    /** Whether the data subject asked for the correction (Art. 16) or the organisation corrected it. */
    requestedBySubject: boolean;
  };
}

/** Valid ways of obtaining consent. Accepting terms or a privacy statement is not one of them (seed 002). */
export const CONSENT_METHODS = [
  'web_form_opt_in',
  'double_opt_in',
  'recorded_call',
  'signed_form',
  'email_confirmation',
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ConsentEvidence {
  method: ConsentMethod;
  /** The version of the consent text the person was shown. */
  noticeVersion: string;
  /** When the person gave consent. */
  givenAt: Instant;
  /** Where the proof is kept (form submission id, recording id, signed document reference). */
  evidenceRef: string;
}

export interface ConsentGiven {
  type: 'ConsentGiven';
  data: {
    contactId: Uuid;
    consentId: Uuid;
    /** The purpose consented to, e.g. `marketing:heat-pumps`. */
    purpose: string;
    channels: Channel[];
    /** Consent limited to one campaign, when so given. */
    campaignId: Uuid | null;
    /** Consent limited to a product category, when so given. */
    productCategory: string | null;
    evidence: ConsentEvidence;
    /** When the consent lapses by itself, if it does. */
    expiresAt: Instant | null;
    receivedVia: ReceivedVia;
  };
}

export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  data: {
    contactId: Uuid;
    /** The consent withdrawn; null withdraws every consent of the contact. */
    consentId: Uuid | null;
    receivedVia: ReceivedVia;
  };
}

export interface PurchaseRecorded {
  type: 'PurchaseRecorded';
  data: {
    contactId: Uuid;
    purchaseId: Uuid;
    productCategory: string;
    purchasedOn: CalendarDate;
    /** When the contract ends, for a service with a term (seed 003, 1e). */
    contractEndsOn: CalendarDate | null;
  };
}

export const OBJECTION_SCOPES = ['direct_marketing', 'all_processing'] as const;
export type ObjectionScope = (typeof OBJECTION_SCOPES)[number];

/** Art. 21: absolute for direct marketing, binding on every processor from the moment any of them records it. */
export interface ObjectionRaised {
  type: 'ObjectionRaised';
  data: {
    contactId: Uuid;
    objectionId: Uuid;
    scope: ObjectionScope;
    receivedVia: ReceivedVia;
    /** The call during which it was raised, if any. */
    callId: Uuid | null;
    campaignId: Uuid | null;
    /** personal: the person's own words, if noted. */
    text: string | null;
  };
}

export const COMPLAINT_SUBJECTS = [
  'unwanted_call',
  'call_after_objection',
  'recording',
  'data_source',
  'agent_behaviour',
  'data_use',
  'other',
] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

export interface ComplaintReceived {
  type: 'ComplaintReceived';
  data: {
    contactId: Uuid;
    complaintId: Uuid;
    subject: ComplaintSubject;
    receivedVia: ReceivedVia;
    callId: Uuid | null;
    campaignId: Uuid | null;
    /** Whether the complaint was lodged with a supervisory authority (and reached us through it). */
    viaSupervisoryAuthority: boolean;
    /** personal: the complaint in the person's words, if noted. */
    text: string | null;
  };
}

/** Art. 15. Answer due within a month (audit: ACCESS_REQUEST_OVERDUE). */
export interface AccessRequested {
  type: 'AccessRequested';
  data: {
    contactId: Uuid;
    requestId: Uuid;
    receivedVia: ReceivedVia;
  };
}

export interface AccessFulfilled {
  type: 'AccessFulfilled';
  data: {
    contactId: Uuid;
    requestId: Uuid;
    deliveredVia: ReceiptChannel;
    /** Reference of the dossier delivered (not its content). */
    dossierRef: string;
  };
}

export const ERASURE_GROUNDS = [
  'no_longer_needed',
  'consent_withdrawn',
  'objection',
  'unlawful_processing',
  'legal_obligation',
  'child_data',
  'other',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** Art. 17. Every processor that received the data must confirm within 30 days (seed 001). */
export interface ErasureRequested {
  type: 'ErasureRequested';
  data: {
    contactId: Uuid;
    requestId: Uuid;
    ground: ErasureGround;
    receivedVia: ReceivedVia;
  };
}

/** The contact's key is destroyed and read models purged; only the keyed-hash suppression entries remain. */
export interface ErasureCompleted {
  type: 'ErasureCompleted';
  data: {
    contactId: Uuid;
    requestId: Uuid;
    /** The id of the contact key that was destroyed. */
    keyId: string;
    /** Keyed hashes kept so the numbers stay suppressed. */
    suppressedPhoneHashes: PhoneHash[];
  };
}

export interface ProcessorErasureConfirmed {
  type: 'ProcessorErasureConfirmed';
  data: {
    contactId: Uuid;
    requestId: Uuid;
    processorId: Uuid;
    /** The processor's confirmation (letter, ticket, signed statement). */
    evidenceRef: string;
  };
}

export type ContactEvent =
  | ContactRegistered
  | ContactDetailsRectified
  | ConsentGiven
  | ConsentWithdrawn
  | PurchaseRecorded
  | ObjectionRaised
  | ComplaintReceived
  | AccessRequested
  | AccessFulfilled
  | ErasureRequested
  | ErasureCompleted
  | ProcessorErasureConfirmed;
