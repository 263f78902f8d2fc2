import { foldCampaignView, rulesInForce, type BalancingTestFact, type CampaignEligibilityView, type RecordedEvent } from '@calltrail/domain';
import { finding, ofType, type FindingDraft } from './finding';

/**
 * The end of a balancing test's validity: its own `validUntil`, or earlier the renewal period of the
 * rule packs of the campaign's jurisdictions (12 months by default, 000 §4), as the evaluator reads it.
 */
export function balancingTestValidUntil(test: BalancingTestFact, view: CampaignEligibilityView): number {
  const assessed = new Date(test.assessedAt);
  const jurisdictions = view.jurisdictions.length > 0 ? view.jurisdictions : [null];
  const months = Math.min(...jurisdictions.map((country) => rulesInForce(country, assessed).balancingTestRenewalMonths.value));
  const renewal = new Date(assessed);
  renewal.setUTCMonth(renewal.getUTCMonth() + months);
  return test.validUntil ? Math.min(Date.parse(test.validUntil), renewal.getTime()) : renewal.getTime();
}

/** The passed balancing test in force at a moment, if any (a campaign on consent needs none). */
export function balancingTestInForce(view: CampaignEligibilityView, atMs: number): BalancingTestFact | null {
  const passed = view.balancingTests.filter(
    (test) => test.outcome === 'passed' && Date.parse(test.assessedAt) <= atMs && balancingTestValidUntil(test, view) > atMs,
  );
  return passed.at(-1) ?? null;
}

/**
 * CAMPAIGN_WITHOUT_BALANCING_TEST / CAMPAIGN_WITHOUT_DPIA: each start of a campaign judged at its
 * moment (000 §4). A test or DPIA recorded later resolves it, at the moment it was recorded.
 */
export function campaignFindings(events: readonly RecordedEvent[]): FindingDraft[] {
  const view = foldCampaignView(events as never);
  if (!view) return [];
  const recordedAt = new Map(events.map((event) => [event.eventId, event.metadata.recordedAt]));
  return ofType(events, 'CampaignStarted').flatMap((start) => {
    const atMs = Date.parse(start.metadata.occurredAt);
    const common = { occurredAt: start.metadata.occurredAt, campaignId: view.campaignId };
    const found: FindingDraft[] = [];
    const passed = view.balancingTests.filter((test) => test.outcome === 'passed');
    if (view.basis !== 'consent' && !balancingTestInForce(view, atMs)) {
      const fix = passed.find((test) => Date.parse(test.assessedAt) > atMs || Date.parse(recordedAt.get(test.eventIds[0]!)!) > atMs);
      found.push(
        finding({
          ...common,
          findingId: `CAMPAIGN_WITHOUT_BALANCING_TEST:${start.eventId}`,
          code: 'CAMPAIGN_WITHOUT_BALANCING_TEST',
          eventIds: [start.eventId, ...view.balancingTests.flatMap((test) => test.eventIds)],
          resolvedAt: fix ? recordedAt.get(fix.eventIds[0]!)! : null,
          resolvedBy: fix?.eventIds[0] ?? null,
          message: `Campaign ${view.campaignId} (${view.basis.replace('_', ' ')}) started without a passed balancing test in force.`,
        }),
      );
    }
    const dpia = ofType(events, 'DpiaRecorded');
    if (!dpia.some((assessment) => Date.parse(assessment.data.assessedAt) <= atMs)) {
      const fix = dpia[0];
      found.push(
        finding({
          ...common,
          findingId: `CAMPAIGN_WITHOUT_DPIA:${start.eventId}`,
          code: 'CAMPAIGN_WITHOUT_DPIA',
          eventIds: [start.eventId],
          resolvedAt: fix?.metadata.recordedAt ?? null,
          resolvedBy: fix?.eventId ?? null,
          message: `Campaign ${view.campaignId} started without a DPIA.`,
        }),
      );
    }
    return found;
  });
}
