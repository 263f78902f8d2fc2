import { type EvaluationContext, happenedBy } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { sharedReasons, type SharedReasonsMemory } from '../shared';
import { ms, plusMonths } from '../time';
import type { BalancingTestFact } from '../views';

/** The last answer per campaign's tests: every number of a batch asks about the same campaign at the same instant. */
const lastAnswers = new WeakMap<readonly BalancingTestFact[], { atMs: number; test: BalancingTestFact | null }>();

/** The campaign's latest balancing test assessed by the moment evaluated. */
export function latestBalancingTest(ctx: EvaluationContext): BalancingTestFact | null {
  const tests = ctx.campaign.balancingTests;
  const last = lastAnswers.get(tests);
  if (last?.atMs === ctx.atMs) return last.test;
  const test = findLatestBalancingTest(tests, ctx.atMs);
  lastAnswers.set(tests, { atMs: ctx.atMs, test });
  return test;
}

function findLatestBalancingTest(tests: readonly BalancingTestFact[], atMs: number): BalancingTestFact | null {
  const assessed = tests
    .filter((test) => happenedBy(test.assessedAt, atMs, 'campaign.balancingTests.assessedAt'))
    .sort((a, b) => b.assessedAt.localeCompare(a.assessedAt));
  return assessed[0] ?? null;
}

/**
 * BALANCING_TEST_MISSING / _FAILED / _EXPIRED: a legitimate-interest (or existing-customer) campaign needs a written, passed
 * balancing test before its first call, renewed every 12 months (default) and whenever the campaign's
 * principles change (000 §4, 003).
 */
export function balancingTest(ctx: EvaluationContext): EligibilityReason[] {
  if (ctx.campaign.basis === 'consent') return [];
  const rule = ctx.rules.balancingTestRenewalMonths;
  return sharedReasons(balancingTestReasons, ctx.campaign, rule, ctx, balancingTestOf);
}

const balancingTestReasons: SharedReasonsMemory = new WeakMap();

function balancingTestOf(ctx: EvaluationContext): EligibilityReason[] {
  const { campaign, atMs } = ctx;
  const rule = ctx.rules.balancingTestRenewalMonths;
  const test = latestBalancingTest(ctx);
  if (!test) {
    return [
      reason(
        'BALANCING_TEST_MISSING',
        rule,
        `Campaign ${campaign.campaignId} relies on ${campaign.basis.replace('_', ' ')} and has no balancing test.`,
        campaign.lifecycleEventIds,
      ),
    ];
  }
  if (test.outcome === 'failed') {
    return [
      reason('BALANCING_TEST_FAILED', rule, `The campaign's balancing test of ${test.assessedAt} failed.`, test.eventIds),
    ];
  }
  const assessedMs = ms(test.assessedAt, 'campaign.balancingTests.assessedAt');
  // Renewed every 12 months (default), or earlier when the test itself says so.
  const renewal = plusMonths(assessedMs, rule.value);
  const validUntil = test.validUntil ? Math.min(ms(test.validUntil, 'campaign.balancingTests.validUntil'), renewal) : renewal;
  if (validUntil <= atMs) {
    return [
      reason(
        'BALANCING_TEST_EXPIRED',
        rule,
        `The campaign's balancing test of ${test.assessedAt} expired on ${new Date(validUntil).toISOString()}.`,
        test.eventIds,
      ),
    ];
  }
  const change = campaign.principlesChangedAt.find((changed) => {
    const changedMs = ms(changed.at, 'campaign.principlesChangedAt');
    return changedMs > assessedMs && changedMs <= atMs;
  });
  if (!change) return [];
  return [
    reason(
      'BALANCING_TEST_EXPIRED',
      rule,
      `The campaign's principles changed on ${change.at}, after its balancing test of ${test.assessedAt}.`,
      [...test.eventIds, ...change.eventIds],
    ),
  ];
}
