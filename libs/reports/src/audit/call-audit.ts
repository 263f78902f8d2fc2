import type { EligibilityReason, ReasonCode } from '@calltrail/domain';

export const AUDIT_FINDING_CODES = ['CALL_WHILE_INELIGIBLE', 'PROPAGATION_DELAY'] as const;
export type AuditFindingCode = (typeof AUDIT_FINDING_CODES)[number];

/** Eligibility at the moment of a call on one basis: LEGAL (what had occurred) or KNOWN (what was recorded). */
export interface AuditVerdict {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** An event behind a LEGAL reason that the ledger recorded only after the call. */
export interface LateReport {
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
}

/** One call judged on both bases. No personal data: ids, moments and codes only. */
export interface AuditedCall {
  callId: string;
  /** The CallAttempted event. */
  eventId: string;
  contactId: string;
  campaignId: string;
  processorId: string;
  agentId: string | null;
  at: string;
  /**
   * Null: lawful (eligible by LEGAL). CALL_WHILE_INELIGIBLE: unlawful, and the ledger already held a
   * reason not to call (KNOWN). PROPAGATION_DELAY: unlawful, but lawful by what the ledger had recorded.
   */
  finding: AuditFindingCode | null;
  legal: AuditVerdict;
  known: AuditVerdict;
  /** For a propagation delay: the events behind the LEGAL reasons that were recorded after the call. */
  reportedLate: LateReport[];
}

export interface CallAuditSummary {
  callsAudited: number;
  lawful: number;
  callWhileIneligible: number;
  propagationDelay: number;
  /** How many unlawful calls each reason (on the LEGAL basis) applied to. */
  byReason: { code: ReasonCode; calls: number }[];
}

export interface CallAudit {
  from: string;
  to: string;
  campaignId: string | null;
  processorId: string | null;
  /** The store's head position the replay read up to. */
  checkpoint: number;
  summary: CallAuditSummary;
  /** Every call with a finding, in call order. */
  findings: AuditedCall[];
}
