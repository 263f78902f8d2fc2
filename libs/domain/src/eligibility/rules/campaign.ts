import type { EvaluationContext } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { sharedReasons, type SharedReasonsMemory } from '../shared';
import { ms } from '../time';

/** CAMPAIGN_NOT_ACTIVE: the campaign has not started (lifts at its start), or has ended. */
export function campaignActive(ctx: EvaluationContext): EligibilityReason[] {
  return sharedReasons(campaignActiveReasons, ctx.campaign, ctx.baseline, ctx, campaignActiveOf);
}

const campaignActiveReasons: SharedReasonsMemory = new WeakMap();

function campaignActiveOf(ctx: EvaluationContext): EligibilityReason[] {
  const { campaign, atMs } = ctx;
  const ids = campaign.lifecycleEventIds;
  if (campaign.startsAt === null) {
    return [reason('CAMPAIGN_NOT_ACTIVE', ctx.baseline, `Campaign ${campaign.campaignId} has not been started.`, ids)];
  }
  if (campaign.endsAt !== null && ms(campaign.endsAt, 'campaign.endsAt') <= atMs) {
    return [reason('CAMPAIGN_NOT_ACTIVE', ctx.baseline, `Campaign ${campaign.campaignId} ended on ${campaign.endsAt}.`, ids)];
  }
  const startsMs = ms(campaign.startsAt, 'campaign.startsAt');
  if (startsMs > atMs) {
    return [
      reason('CAMPAIGN_NOT_ACTIVE', ctx.baseline, `Campaign ${campaign.campaignId} starts on ${campaign.startsAt}.`, ids, startsMs),
    ];
  }
  return [];
}
