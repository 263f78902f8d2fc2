import type { DataCategory, LegalBasis, Party, RetentionPolicy } from '@calltrail/domain';

/**
 * A cell of the register: its value, the ids of the events it was built from, and the gap when what
 * the law asks for is missing (a gap is shown, never left blank).
 */
export interface Cell<T> {
  value: T;
  eventIds: string[];
  gap: string | null;
}

export interface AgreementEntry {
  agreementId: string;
  validFrom: string;
  validUntil: string | null;
  documentRef: string;
  inForce: boolean;
}

export interface RecipientEntry {
  processorId: string;
  name: string;
  role: string;
  country: string;
  agreements: AgreementEntry[];
  eventIds: string[];
}

export interface TransferEntry {
  processorId: string;
  processorName: string;
  country: string;
  /** `adequacy`, `scc` or `bcr`; null: no safeguard (the gap). */
  safeguard: 'adequacy' | 'scc' | 'bcr' | null;
  /** The adequacy decision, or the SCC/BCR document. */
  reference: string | null;
  eventIds: string[];
}

export interface SourceEntry {
  kind: string;
  provider: string | null;
  collectionMethod: string | null;
  contacts: number;
  eventIds: string[];
}

export interface BalancingTestEntry {
  testId: string;
  outcome: string;
  assessedAt: string;
  validUntil: string | null;
  documentRef: string;
}

export interface DpiaEntry {
  dpiaId: string;
  outcome: string;
  assessedAt: string;
  documentRef: string;
}

/** One processing activity (a campaign and its purpose), GDPR Art. 30(1)(b)–(g). */
export interface ProcessingActivity {
  campaignId: string;
  name: Cell<string>;
  purpose: Cell<string>;
  legalBasis: Cell<LegalBasis>;
  /** For legitimate interest: the passed balancing test in force. */
  balancingTest: Cell<BalancingTestEntry | null>;
  dataSubjects: Cell<string[]>;
  /** The categories actually captured on the contacts of this activity. */
  personalData: Cell<DataCategory[]>;
  sources: Cell<SourceEntry[]>;
  recipients: Cell<RecipientEntry[]>;
  transfers: Cell<TransferEntry[]>;
  retention: Cell<RetentionPolicy | null>;
  securityMeasures: Cell<string[]>;
  dpia: Cell<DpiaEntry | null>;
}

export interface ProcessingRegister {
  asOf: string;
  /** The ledger position the register reflects: the register projection's checkpoint (or, replayed, the store's head). */
  checkpoint: number;
  controller: Cell<(Party & { registrationNumber: string | null }) | null>;
  dpo: Cell<Party | null>;
  representative: Cell<Party | null>;
  activities: ProcessingActivity[];
  /** Every gap of the register, in one list. */
  gaps: { campaignId: string | null; column: string; gap: string; eventIds: string[] }[];
}
