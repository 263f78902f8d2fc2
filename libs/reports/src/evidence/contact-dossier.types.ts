/** The dossier of one contact: everything the ledger holds on the person (GDPR Art. 15). */

export type ContactStatus = 'active' | 'erasure_requested' | 'erased';

export interface DossierErasure {
  requestId: string;
  requestedAt: string;
  ground: string;
  /** When the contact's key was destroyed; null while pending. */
  completedAt: string | null;
}

export interface DossierIdentity {
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  audience: string;
  country: string;
  timeZone: string;
  profession: { role: string | null; sector: string | null };
  registeredAt: string;
}

export interface DossierPhone {
  number: string | null;
  lineType: string;
}

export interface DossierRectification {
  at: string;
  fields: string[];
  requestedBySubject: boolean;
  eventId: string;
}

export interface DossierConsent {
  consentId: string;
  purpose: string;
  channels: string[];
  campaignId: string | null;
  productCategory: string | null;
  evidence: { method: string; noticeVersion: string; givenAt: string; evidenceRef: string };
  expiresAt: string | null;
  receivedVia: string;
  recordedAt: string;
  withdrawnAt: string | null;
  eventIds: string[];
}

export interface DossierPurchase {
  purchaseId: string;
  productCategory: string;
  purchasedOn: string;
  contractEndsOn: string | null;
  eventId: string;
}

export interface DossierObjection {
  objectionId: string;
  at: string;
  scope: string;
  receivedVia: string;
  callId: string | null;
  campaignId: string | null;
  text: string | null;
  eventId: string;
}

export interface DossierComplaint {
  complaintId: string;
  at: string;
  subject: string;
  receivedVia: string;
  viaSupervisoryAuthority: boolean;
  callId: string | null;
  campaignId: string | null;
  text: string | null;
  eventId: string;
}

export interface DossierRequest {
  requestId: string;
  requestedAt: string;
  receivedVia: string;
  fulfilledAt: string | null;
}

export interface DossierCall {
  callId: string;
  channel: 'phone' | 'email';
  at: string;
  campaignId: string;
  campaignName: string | null;
  processorId: string;
  processorName: string | null;
  /** Phone: the attempt's result (`answered`, `no_answer`…); e-mail: `sent`. */
  result: string;
  durationSeconds: number | null;
  outcome: string | null;
  privacyNoticeGiven: boolean;
  recordingNoticeGiven: boolean;
  recordingRefs: string[];
  notes: { at: string; text: string | null; agentId: string | null }[];
  /** E-mail only: the address written to. */
  recipient: string | null;
  eventIds: string[];
}

export interface DossierRecipient {
  processorId: string;
  processorName: string | null;
  country: string | null;
  sharedAt: string;
  dataCategories: string[];
  campaignId: string | null;
  eventId: string;
}

export interface ContactDossier {
  contactId: string;
  generatedAt: string;
  status: ContactStatus;
  erasure: DossierErasure | null;
  /** Null for an erased contact: nothing personal is held, or shown. */
  identity: DossierIdentity | null;
  phones: DossierPhone[];
  emails: (string | null)[];
  source: Record<string, unknown> | null;
  rectifications: DossierRectification[];
  consents: DossierConsent[];
  purchases: DossierPurchase[];
  objections: DossierObjection[];
  complaints: DossierComplaint[];
  accessRequests: DossierRequest[];
  calls: DossierCall[];
  recipients: DossierRecipient[];
}
