import { foldCampaignView, type RecordedEvent } from '@calltrail/domain';
import { finding, ofType, type FindingDraft } from './finding';

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
    const validAtStart = passed.some(
      (test) => Date.parse(test.assessedAt) <= atMs && (test.validUntil === null || Date.parse(test.validUntil) > atMs),
    );
    if (view.basis === 'legitimate_interest' && !validAtStart) {
      const fix = passed.find((test) => Date.parse(test.assessedAt) > atMs || Date.parse(recordedAt.get(test.eventIds[0]!)!) > atMs);
      found.push(
        finding({
          ...common,
          findingId: `CAMPAIGN_WITHOUT_BALANCING_TEST:${start.eventId}`,
          code: 'CAMPAIGN_WITHOUT_BALANCING_TEST',
          eventIds: [start.eventId, ...view.balancingTests.flatMap((test) => test.eventIds)],
          resolvedAt: fix ? recordedAt.get(fix.eventIds[0]!)! : null,
          resolvedBy: fix?.eventIds[0] ?? null,
          message: `Campaign ${view.campaignId} (legitimate interest) started without a passed balancing test in force.`,
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
