import type { CallAuditSummary } from '../audit/call-audit';

/** A campaign's accountability pack: what a regulator asks to see, without personal data. */

export interface EvidenceDocument {
  id: string;
  outcome: string;
  assessedAt: string;
  documentRef: string;
  eventId: string;
}

export interface BalancingTestEvidence extends EvidenceDocument {
  validUntil: string | null;
  customerTermMonths: number | null;
  dpoConsulted: boolean | null;
  /** In force at `asOf`: passed, assessed before it and not expired. */
  inForce: boolean;
}

export interface DpiaEvidence extends EvidenceDocument {
  dpoConsulted: boolean;
  authorityConsulted: boolean;
}

export interface DncScrubEvidence {
  at: string;
  registry: string;
  snapshotVersion: string;
  /** When the registry snapshot was taken, and its digest (from DncSnapshotImported); null if never imported. */
  snapshotTakenAt: string | null;
  snapshotDigest: string | null;
  contactsChecked: number;
  numbersSuppressed: number;
  eventIds: string[];
}

export interface AgreementEvidence {
  agreementId: string;
  validFrom: string;
  validUntil: string | null;
  endedAt: string | null;
  documentRef: string;
  eventIds: string[];
}

export interface SafeguardEvidence {
  kind: string;
  destinationCountry: string;
  validFrom: string;
  validUntil: string | null;
  documentRef: string;
  eventId: string;
}

export interface TrainingCoverage {
  agentsWhoCalled: number;
  agentsTrained: number;
  /** Pseudonymous agent ids whose calls were not all covered by a valid privacy training. */
  untrainedAgents: string[];
  callsByUntrainedAgents: number;
  /** Calls recorded with no agent id (automated or unknown). */
  callsWithoutAgent: number;
}

export interface ProcessorEvidence {
  processorId: string;
  name: string | null;
  role: string | null;
  country: string | null;
  /** `EEA`, the adequacy decision relied on, or null when a transfer needs SCC/BCR. */
  adequacy: string | null;
  agreements: AgreementEvidence[];
  safeguards: SafeguardEvidence[];
  agreementInForce: boolean;
  /** True in the EEA or under adequacy, or with an SCC/BCR in force at `asOf`. */
  transferSafeguarded: boolean;
  calls: number;
  training: TrainingCoverage;
}

export interface ObjectionEvidence {
  objectionId: string;
  occurredAt: string;
  recordedAt: string;
  /** The campaign it was raised for: this one, another, or null (none named, e.g. a letter). */
  raisedForCampaignId: string | null;
  /** The processor that took it; null when received directly. */
  receivedByProcessorId: string | null;
  channel: string;
  /** Calls of this campaign to the same person after the objection had occurred. */
  callsAfter: number;
  honoured: boolean;
  eventId: string;
}

export interface CampaignEvidence {
  campaignId: string;
  generatedAt: string;
  asOf: string;
  campaign: {
    name: string;
    purpose: string;
    legalBasis: string;
    audience: string;
    channel: string;
    productCategory: string;
    jurisdictions: string[];
    definedAt: string;
    startedAt: string | null;
    endedAt: string | null;
  };
  balancingTests: BalancingTestEvidence[];
  dpias: DpiaEvidence[];
  dncScrubs: DncScrubEvidence[];
  processors: ProcessorEvidence[];
  calls: { attempts: number; answered: number; contactsCalled: number; emails: number };
  objections: { received: number; honoured: number; items: ObjectionEvidence[] };
  /** The call audit of the campaign's calls up to `asOf` (see `auditCalls`), with the ledger position it read to. */
  audit: CallAuditSummary & { checkpoint: number };
}
