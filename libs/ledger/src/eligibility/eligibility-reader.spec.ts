import type { CampaignEligibilityView, DncScrubFact } from '@calltrail/domain';
import { describe, expect, it } from 'vitest';
import { withLastScrubs } from './eligibility-reader';

const scrub = (registry: DncScrubFact['registry'], at: string): DncScrubFact => ({
  registry,
  snapshotVersion: `${registry}-${at.slice(0, 10)}`,
  at,
  eventIds: [`ev-${registry}-${at}`],
});

function campaignWith(dncScrubs: DncScrubFact[]): CampaignEligibilityView {
  return { campaignId: 'campaign-1', dncScrubs } as unknown as CampaignEligibilityView;
}

describe('withLastScrubs (what a batch hands the evaluator for every number)', () => {
  const scrubs = [
    scrub('BE_DNCM', '2026-11-01T08:00:00Z'),
    scrub('FR_BLOCTEL', '2026-10-20T08:00:00Z'),
    scrub('BE_DNCM', '2026-11-16T08:00:00Z'),
    scrub('BE_DNCM', '2026-11-20T08:00:00Z'),
    scrub('BE_DNCM', '2026-11-11T08:00:00Z'),
  ];

  it('keeps the last scrub of each registry made by the moment asked, and nothing later', () => {
    const kept = withLastScrubs(campaignWith(scrubs), new Date('2026-11-17T09:00:00Z')).dncScrubs;
    expect(kept.map((s) => `${s.registry} ${s.at}`).sort()).toEqual([
      'BE_DNCM 2026-11-16T08:00:00Z',
      'FR_BLOCTEL 2026-10-20T08:00:00Z',
    ]);
  });

  it('keeps no scrub of a registry that had none by then, and leaves the campaign itself unchanged', () => {
    const campaign = campaignWith(scrubs);
    expect(withLastScrubs(campaign, new Date('2026-10-25T00:00:00Z')).dncScrubs).toEqual([scrubs[1]]);
    expect(campaign.dncScrubs).toHaveLength(5);
  });
});
