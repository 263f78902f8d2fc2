import { nextOpening } from './calling-window';
import { createContext, type EvaluationContext } from './context';
import type { EligibilityReason, EligibilityResult } from './reasons';
import { balancingTest } from './rules/balancing-test';
import { callingHours } from './rules/calling-hours';
import { campaignActive } from './rules/campaign';
import { consent } from './rules/consent';
import { pacing } from './rules/pacing';
import { dataShared, processorAgreement, transferSafeguard } from './rules/processor';
import { relevantToProfession } from './rules/profession';
import { dncCheckStale, dncListed } from './rules/registry';
import { erasure, objected, retentionExpired, unknownContact } from './rules/subject';
import { ms } from './time';
import type { EligibilityInput } from './views';

type Rule = (ctx: EvaluationContext) => EligibilityReason[];

/** Every rule of domain.md, in the order their reasons are listed. */
const RULES: readonly Rule[] = [
  unknownContact,
  erasure,
  objected,
  dncListed,
  dncCheckStale,
  consent,
  balancingTest,
  relevantToProfession,
  processorAgreement,
  transferSafeguard,
  dataShared,
  campaignActive,
  pacing,
  callingHours,
  retentionExpired,
];

/**
 * The earliest moment every reason has lifted: the latest `until`, moved to the next opening of the
 * calling hours; null when a reason never lifts, or the moment falls after the campaign's end or the
 * contact's retention. The moment itself when nothing stands in the way.
 */
function nextEligibleAt(ctx: EvaluationContext, reasons: EligibilityReason[]): number | null {
  if (reasons.some((reason) => reason.until === null)) return null;
  let next = ctx.atMs;
  for (const reason of reasons) next = Math.max(next, ms(reason.until!, 'until'));
  if (ctx.hours) {
    const opening = nextOpening(next, ctx.zone, ctx.contact?.country ?? null, ctx.hours.value);
    if (opening === null) return null;
    next = opening;
  }
  const endsAt = ctx.campaign.endsAt;
  if (endsAt !== null && ms(endsAt, 'campaign.endsAt') <= next) return null;
  const retention = ctx.contact?.retentionExpiresAt;
  if (retention && ms(retention.at, 'contact.retentionExpiresAt') <= next) return null;
  return next;
}

/** An instant written as ISO-8601, remembering the last one: a batch asks about one moment many times. */
function isoWriter(): (atMs: number) => string {
  let last = { ms: Number.NaN, iso: '' };
  return (atMs) => {
    if (last.ms !== atMs) last = { ms: atMs, iso: new Date(atMs).toISOString() };
    return last.iso;
  };
}

/** One for the moment evaluated, one for the next eligible moment, so that neither pushes out the other. */
const evaluatedAtIso = isoWriter();
const nextEligibleIso = isoWriter();

/**
 * May this processor call this contact (or number) for this campaign at `at`? A pure function of its
 * input: lists every reason that applies, with the pack and version that produced it.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const ctx = createContext(input);
  const reasons: EligibilityReason[] = [];
  for (const rule of RULES) for (const found of rule(ctx)) reasons.push(found);
  const next = nextEligibleAt(ctx, reasons);
  return {
    eligible: reasons.length === 0,
    reasons,
    nextEligibleAt: next === null ? null : nextEligibleIso(next),
    evaluatedAt: evaluatedAtIso(ctx.atMs),
  };
}
