import type { PackId, RuleInForce } from '../rule-packs/rule-pack';
import type { EventIds } from './views';

/** The eligibility reasons of domain.md, stable codes used by the API, the reports and the tests. */
export const REASON_CODES = [
  'UNKNOWN_CONTACT',
  'ERASED',
  'ERASURE_PENDING',
  'OBJECTED',
  'DNC_LISTED',
  'DNC_CHECK_STALE',
  'NO_CONSENT',
  'BALANCING_TEST_MISSING',
  'BALANCING_TEST_EXPIRED',
  'BALANCING_TEST_FAILED',
  'NOT_RELEVANT_TO_PROFESSION',
  'CUSTOMER_TERM_EXPIRED',
  'CUSTOMER_EXCEPTION_ENDED',
  'PROCESSOR_NO_AGREEMENT',
  'TRANSFER_WITHOUT_SAFEGUARD',
  'DATA_NOT_SHARED_WITH_PROCESSOR',
  'CAMPAIGN_NOT_ACTIVE',
  'RETRY_TOO_SOON',
  'SIMILAR_PRODUCT_COOLDOWN',
  'ATTEMPT_LIMIT_REACHED',
  'REFUSAL_COOLDOWN',
  'OUTSIDE_CALLING_HOURS',
  'CALLBACK_REQUESTED',
  'RETENTION_EXPIRED',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export interface EligibilityReason {
  code: ReasonCode;
  message: string;
  rulePack: PackId;
  ruleVersion: string;
  eventIds: string[];
  /** When the reason lifts by itself (ISO-8601); null when it never does. */
  until: string | null;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: EligibilityReason[];
  /** The earliest moment every reason has lifted (inside calling hours); null when one never lifts. */
  nextEligibleAt: string | null;
  evaluatedAt: string;
}

/** The ids in their order, each once. */
function distinct(ids: EventIds): string[] {
  if (ids.length > 8) return [...new Set(ids)];
  const kept: string[] = [];
  for (const id of ids) if (!kept.includes(id)) kept.push(id);
  return kept;
}

/** The last `until` written as ISO-8601: the numbers of a batch mostly share one (the next opening). */
let lastUntil = { ms: Number.NaN, iso: '' };

function untilIso(until: number): string {
  if (lastUntil.ms !== until) lastUntil = { ms: until, iso: new Date(until).toISOString() };
  return lastUntil.iso;
}

/** Builds a reason from the rule (pack and version) that produced it. */
export function reason(
  code: ReasonCode,
  rule: Pick<RuleInForce<unknown>, 'rulePack' | 'ruleVersion'>,
  message: string,
  eventIds: EventIds,
  until: number | null = null,
): EligibilityReason {
  return {
    code,
    message,
    rulePack: rule.rulePack,
    ruleVersion: rule.ruleVersion,
    eventIds: distinct(eventIds),
    until: until === null ? null : untilIso(until),
  };
}
