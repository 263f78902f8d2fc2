import type { RecordedEvent } from '@calltrail/domain';

/**
 * The findings the projection keeps (domain.md, "Audit findings"), each with the seed it comes from
 * and what it means. The call audit's CALL_WHILE_INELIGIBLE and PROPAGATION_DELAY are found by replay,
 * not here.
 */
export const FINDING_CATALOGUE = {
  RECORDING_WITHOUT_NOTICE: { seed: '001', meaning: 'A recording started on a call with no earlier recording notice on it.' },
  FIRST_CONTACT_WITHOUT_NOTICE: {
    seed: '004',
    meaning: 'The first answered call to a contact from a bought or rented list gave no privacy notice naming the source.',
  },
  RING_TOO_LONG: { seed: '000 §3', meaning: 'An unanswered call rang more times than the campaign allows (default 6).' },
  CALLER_ID_NOT_RECOGNISABLE: { seed: '000 §3', meaning: 'The call showed no number, or one that is not among the organisation’s caller ids.' },
  AUTOMATED_CALL: { seed: '000 §3', meaning: 'A call placed by a machine with no human agent.' },
  AGENT_NOT_TRAINED: { seed: '000 §5', meaning: 'The agent who called had no privacy training in force on record.' },
  EMAIL_WITHOUT_UNSUBSCRIBE_LINK: { seed: '004', meaning: 'A marketing e-mail without a way to unsubscribe.' },
  EMAIL_WITHOUT_SENDER: { seed: '004', meaning: 'A marketing e-mail that does not identify its sender.' },
  ERASURE_OVERDUE: {
    seed: '001',
    meaning: 'An erasure not completed, and confirmed by every processor that received the data, within 30 days.',
  },
  ACCESS_REQUEST_OVERDUE: { seed: 'GDPR Art. 12(3)', meaning: 'An access request not answered within 30 days.' },
  BREACH_NOTIFICATION_LATE: {
    seed: '002',
    meaning: 'A data breach notified to the supervisory authority more than 72 hours after it was detected, or not at all by then.',
  },
  DATA_SHARED_WITHOUT_AGREEMENT: { seed: '001, 002', meaning: 'Data sent to a processor with no processor agreement in force.' },
  DATA_SHARED_WITHOUT_SAFEGUARD: {
    seed: '001',
    meaning: 'Data sent outside the EEA to a country without adequacy decision, with no SCC or BCR in force.',
  },
  CAMPAIGN_WITHOUT_BALANCING_TEST: {
    seed: '000 §4, 003',
    meaning: 'A campaign on legitimate interest (or the customer exception) started without a passed balancing test in force.',
  },
  CAMPAIGN_WITHOUT_DPIA: { seed: '000 §4', meaning: 'A campaign started without a DPIA on record.' },
} as const;

export type FindingCode = keyof typeof FINDING_CATALOGUE;
export const FINDING_CODES = Object.keys(FINDING_CATALOGUE) as FindingCode[];

/** Findings with a deadline: they count once the deadline passed without the obligation met. */
export const DEADLINE_FINDINGS: ReadonlySet<FindingCode> = new Set(['ERASURE_OVERDUE', 'ACCESS_REQUEST_OVERDUE', 'BREACH_NOTIFICATION_LATE']);

/** A finding as a rule states it, from the events of one document. No personal data: ids and moments. */
export interface FindingDraft {
  /** Stable: the same violation keeps its id when its document is folded again. */
  findingId: string;
  code: FindingCode;
  /** When the violation happened (the call, the share, the start, the request…). */
  occurredAt: string;
  /** For a deadline: when it falls due; the finding counts from then if not met by then. */
  dueAt: string | null;
  /** When the fact that clears it was recorded (or the obligation met), and by which event. */
  resolvedAt: string | null;
  resolvedBy: string | null;
  eventIds: string[];
  campaignId: string | null;
  processorId: string | null;
  contactId: string | null;
  callId: string | null;
  message: string;
  details: Record<string, unknown>;
}

export type Draft = Omit<FindingDraft, 'resolvedAt' | 'resolvedBy' | 'dueAt' | 'details' | 'campaignId' | 'processorId' | 'contactId' | 'callId'> &
  Partial<FindingDraft>;

/** Fills the optional parts of a draft. */
export function finding(draft: Draft): FindingDraft {
  return {
    dueAt: null,
    resolvedAt: null,
    resolvedBy: null,
    campaignId: null,
    processorId: null,
    contactId: null,
    callId: null,
    details: {},
    ...draft,
  };
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Events of a type, narrowed. */
export function ofType<T extends RecordedEvent['type']>(events: readonly RecordedEvent[], type: T): Extract<RecordedEvent, { type: T }>[] {
  return events.filter((event): event is Extract<RecordedEvent, { type: T }> => event.type === type);
}
