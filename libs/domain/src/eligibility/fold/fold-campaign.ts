import type { CampaignDefinition, CampaignEvent } from '../../events/campaign.events';
import type { CampaignSector } from '../../rule-packs/rule-pack';
import type { CampaignEligibilityView } from '../views';
import type { RecordedEvent } from './recorded-event';

export interface FoldCampaignOptions {
  /**
   * The campaign's sector, for the Dutch customer exception. The catalogue does not record it yet, so
   * it defaults to `commercial`: the strict reading, under which the exception ended on 2026-07-01.
   */
  sector?: CampaignSector;
}

function define(campaignId: string, definition: CampaignDefinition, sector: CampaignSector): CampaignEligibilityView {
  return {
    campaignId,
    purpose: definition.purpose,
    basis: definition.legalBasis,
    audience: definition.audience,
    channel: definition.channel,
    sector,
    productCategory: definition.productCategory,
    similarProductGroup: definition.similarProductGroup,
    jurisdictions: definition.jurisdictions,
    targetProfessions: definition.targetProfessions,
    balancingTests: [],
    principlesChangedAt: [],
    dpia: null,
    startsAt: null,
    endsAt: null,
    lifecycleEventIds: [],
    dncScrubs: [],
  };
}

function amend(view: CampaignEligibilityView, changes: Partial<CampaignDefinition>): CampaignEligibilityView {
  return {
    ...view,
    purpose: changes.purpose ?? view.purpose,
    basis: changes.legalBasis ?? view.basis,
    audience: changes.audience ?? view.audience,
    channel: changes.channel ?? view.channel,
    productCategory: changes.productCategory ?? view.productCategory,
    similarProductGroup: changes.similarProductGroup ?? view.similarProductGroup,
    jurisdictions: changes.jurisdictions ?? view.jurisdictions,
    targetProfessions: changes.targetProfessions ?? view.targetProfessions,
  };
}

function apply(view: CampaignEligibilityView, event: RecordedEvent<CampaignEvent>): CampaignEligibilityView {
  const at = event.metadata.occurredAt;
  const ids = [event.eventId];
  switch (event.type) {
    case 'CampaignDefined':
      return view;
    case 'CampaignAmended': {
      const amended = amend(view, event.data.changes);
      const changed = event.data.principlesChanged ? [...view.principlesChangedAt, { at, eventIds: ids }] : view.principlesChangedAt;
      return { ...amended, principlesChangedAt: changed, lifecycleEventIds: [...view.lifecycleEventIds, event.eventId] };
    }
    case 'BalancingTestRecorded': {
      const { outcome, assessedAt, validUntil, customerTermMonths } = event.data;
      return { ...view, balancingTests: [...view.balancingTests, { outcome, assessedAt, validUntil, customerTermMonths, eventIds: ids }] };
    }
    case 'DpiaRecorded':
      return { ...view, dpia: { assessedAt: event.data.assessedAt, eventIds: ids } };
    case 'CampaignStarted':
      // A campaign started again after it ended is active again from its new start.
      return { ...view, startsAt: at, endsAt: null, lifecycleEventIds: [...view.lifecycleEventIds, event.eventId] };
    case 'CampaignEnded':
      return { ...view, endsAt: at, lifecycleEventIds: [...view.lifecycleEventIds, event.eventId] };
    case 'DncScrubPerformed': {
      const { registry, snapshotVersion } = event.data;
      return { ...view, dncScrubs: [...view.dncScrubs, { registry, snapshotVersion, at, eventIds: ids }] };
    }
  }
}

/** The campaign's eligibility view, folded in the order given. Null before the campaign is defined. */
export function foldCampaignView(
  events: readonly RecordedEvent<CampaignEvent>[],
  options: FoldCampaignOptions = {},
): CampaignEligibilityView | null {
  let view: CampaignEligibilityView | null = null;
  for (const event of events) {
    if (event.type === 'CampaignDefined') {
      const { campaignId, ...definition } = event.data;
      view = { ...define(campaignId, definition, options.sector ?? 'commercial'), lifecycleEventIds: [event.eventId] };
    } else if (view) {
      view = apply(view, event);
    }
  }
  return view;
}
