import type { AttemptLimitRule, RuleInForce } from '../../rule-packs/rule-pack';
import type { EvaluationContext } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { DAY_MS, HOUR_MS, ms } from '../time';
import type { CallAttemptFact } from '../views';

const UNANSWERED = new Set(['no_answer', 'busy', 'voicemail']);
/** Outcomes that invite a follow-up, so they start no similar-product cooldown. */
const FOLLOW_UP_INVITED = new Set(['interested', 'callback_requested']);

interface TimedAttempt {
  attempt: CallAttemptFact;
  atMs: number;
}

/**
 * The contact's attempts strictly before the moment, oldest first, by every processor and campaign
 * of the controller (an audit of a call must not count the call itself).
 */
function priorAttempts(ctx: EvaluationContext): TimedAttempt[] {
  const prior: TimedAttempt[] = [];
  for (const attempt of ctx.contact?.attempts ?? []) {
    const atMs = ms(attempt.at, 'contact.attempts.at');
    if (atMs < ctx.atMs) prior.push({ attempt, atMs });
  }
  // Sorting copies the array even when it is in order, as the views' calls mostly are.
  const inOrder = prior.every((timed, i) => i === 0 || prior[i - 1]!.atMs <= timed.atMs);
  return inOrder ? prior : prior.sort((a, b) => a.atMs - b.atMs);
}

function latest(attempts: TimedAttempt[], keep: (attempt: CallAttemptFact) => boolean): TimedAttempt | null {
  for (let i = attempts.length - 1; i >= 0; i--) if (keep(attempts[i]!.attempt)) return attempts[i]!;
  return null;
}

/** RETRY_TOO_SOON: after a no-answer, wait at least 24 hours (default; 000 §3). */
function retryTooSoon(ctx: EvaluationContext, attempts: TimedAttempt[]): EligibilityReason[] {
  const rule = ctx.rules.retryAfterNoAnswerHours;
  const last = latest(attempts, (attempt) => UNANSWERED.has(attempt.result));
  if (!last) return [];
  const until = last.atMs + rule.value * HOUR_MS;
  if (until <= ctx.atMs) return [];
  return [
    reason(
      'RETRY_TOO_SOON',
      rule,
      `The last call on ${last.attempt.at} was not answered (${last.attempt.result}); wait ${rule.value} hours before calling again.`,
      last.attempt.eventIds,
      until,
    ),
  ];
}

/** SIMILAR_PRODUCT_COOLDOWN: no new call for a similar product within 30 days (default; 000 §3). */
function similarProductCooldown(ctx: EvaluationContext, attempts: TimedAttempt[]): EligibilityReason[] {
  const group = ctx.campaign.similarProductGroup;
  const rule = ctx.rules.similarProductCooldownDays;
  if (group === null) return [];
  const last = latest(
    attempts,
    (attempt) =>
      attempt.result === 'answered' &&
      attempt.similarProductGroup === group &&
      !FOLLOW_UP_INVITED.has(attempt.callOutcome ?? ''),
  );
  if (!last) return [];
  const until = last.atMs + rule.value * DAY_MS;
  if (until <= ctx.atMs) return [];
  return [
    reason(
      'SIMILAR_PRODUCT_COOLDOWN',
      rule,
      `The contact was called on ${last.attempt.at} about a similar product (${group}); wait ${rule.value} days.`,
      last.attempt.eventIds,
      until,
    ),
  ];
}

/** ATTEMPT_LIMIT_REACHED: FR consumers, at most 4 calls per 30 days per company, every processor counted. */
function attemptLimit(ctx: EvaluationContext, attempts: TimedAttempt[]): EligibilityReason[] {
  const rule = ctx.rules.attemptLimit;
  const limit = rule.value;
  if (!limit || !ctx.contact || !limit.audiences.includes(ctx.contact.audience)) return [];
  const windowStart = ctx.atMs - limit.perDays * DAY_MS;
  const counted = attempts.filter(({ attempt, atMs }) => atMs > windowStart && attempt.result !== 'wrong_number');
  if (counted.length < limit.maxCalls) return [];
  // The limit lifts when enough of the oldest counted calls leave the window.
  const until = counted[counted.length - limit.maxCalls]!.atMs + limit.perDays * DAY_MS;
  const processors = new Set(counted.map(({ attempt }) => attempt.processorId));
  return [
    reason(
      'ATTEMPT_LIMIT_REACHED',
      rule as RuleInForce<AttemptLimitRule>,
      `${counted.length} calls in the last ${limit.perDays} days by ${processors.size} processor(s); at most ${limit.maxCalls} are allowed.`,
      counted.flatMap(({ attempt }) => attempt.eventIds),
      until,
    ),
  ];
}

/** REFUSAL_COOLDOWN: after "not interested", FR 60 days (law), elsewhere 30 days (default). */
function refusalCooldown(ctx: EvaluationContext, attempts: TimedAttempt[]): EligibilityReason[] {
  const rule = ctx.rules.refusalCooldownDays;
  const last = latest(attempts, (attempt) => attempt.callOutcome === 'not_interested');
  if (!last) return [];
  const until = last.atMs + rule.value * DAY_MS;
  if (until <= ctx.atMs) return [];
  return [
    reason(
      'REFUSAL_COOLDOWN',
      rule,
      `The contact said "not interested" on ${last.attempt.at}; wait ${rule.value} days.`,
      last.attempt.eventIds,
      until,
    ),
  ];
}

/** CALLBACK_REQUESTED: the last conversation asked for a call at a later moment; not before it (000 §3). */
function callbackRequested(ctx: EvaluationContext, attempts: TimedAttempt[]): EligibilityReason[] {
  const last = latest(attempts, (attempt) => attempt.result === 'answered');
  if (!last || last.attempt.callOutcome !== 'callback_requested' || !last.attempt.callbackAt) return [];
  const until = ms(last.attempt.callbackAt, 'contact.attempts.callbackAt');
  if (until <= ctx.atMs) return [];
  return [
    reason(
      'CALLBACK_REQUESTED',
      ctx.baseline,
      `On ${last.attempt.at} the contact asked to be called back at ${last.attempt.callbackAt}.`,
      last.attempt.eventIds,
      until,
    ),
  ];
}

const PACING_RULES = [retryTooSoon, similarProductCooldown, attemptLimit, refusalCooldown, callbackRequested];

/** The pacing rules; a company's switchboard number bypasses them (000 §3). */
export function pacing(ctx: EvaluationContext): EligibilityReason[] {
  if (ctx.switchboard || !ctx.contact) return [];
  const attempts = priorAttempts(ctx);
  if (attempts.length === 0) return [];
  const reasons: EligibilityReason[] = [];
  for (const rule of PACING_RULES) for (const found of rule(ctx, attempts)) reasons.push(found);
  return reasons;
}
