import { allRulePackVersions } from '../rule-packs/packs-in-force';
import { DAY_MS, HOUR_MS, ms } from './time';
import type { CallAttemptFact, ContactEligibilityView } from './views';

/**
 * The longest time any pacing rule of any rule pack looks back at a call: the retry wait, the
 * similar-product and refusal cooldowns, the attempt limit's window. A call older than that, counted
 * from a moment after every call of the contact, changes no answer of those rules.
 */
export const PACING_LOOK_BACK_MS = Math.max(
  ...allRulePackVersions().map(({ rules }) =>
    Math.max(
      (rules.retryAfterNoAnswerHours ?? 0) * HOUR_MS,
      (rules.similarProductCooldownDays ?? 0) * DAY_MS,
      (rules.refusalCooldownDays ?? 0) * DAY_MS,
      (rules.attemptLimit?.perDays ?? 0) * DAY_MS,
    ),
  ),
);

/** A contact's view trimmed for answers "now", and the moment after which those answers are the full view's. */
export interface ContactNowView {
  /** The view itself (the same object) when no call is left out: the projection stores it once then. */
  view: ContactEligibilityView;
  /** The contact's latest call (ms); null: no call. At or before it, read the full view instead. */
  validAfterMs: number | null;
}

/**
 * The view without the calls that can no longer bear on an answer at any moment after the contact's
 * latest call: those older than that call by more than PACING_LOOK_BACK_MS. Kept whatever their age:
 * a "do not call" said on a call (an objection for good) and the latest answered call (a callback it
 * asked for may lie far ahead). The order of the calls kept is the view's. Deterministic: it depends
 * on the view only, never on the clock.
 */
export function viewForNow(view: ContactEligibilityView): ContactNowView {
  if (view.attempts.length === 0) return { view, validAfterMs: null };
  const times = view.attempts.map((attempt) => ms(attempt.at, 'contact.attempts.at'));
  const latestMs = Math.max(...times);
  const cutOffMs = latestMs - PACING_LOOK_BACK_MS;
  const answeredMs = Math.max(...view.attempts.map((attempt, i) => (attempt.result === 'answered' ? times[i]! : -Infinity)));
  const kept = (attempt: CallAttemptFact, atMs: number) =>
    atMs >= cutOffMs || attempt.callOutcome === 'do_not_call' || (attempt.result === 'answered' && atMs === answeredMs);
  const attempts = view.attempts.filter((attempt, i) => kept(attempt, times[i]!));
  return { view: attempts.length === view.attempts.length ? view : { ...view, attempts }, validAfterMs: latestMs };
}
