import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../events/campaign.events';
import { EXAMPLE_EVENTS } from '../../examples/example-events';
import { expectRefusal, given } from '../decider-testing';
import type { CampaignCommand, DefineCampaign, RecordBalancingTest } from './campaign.commands';
import { campaignDecider } from './campaign.decider';

const context = { now: new Date('2026-04-10T12:00:00.000Z') };
const campaignId = 'c4e6a8b0-1d3f-4b5d-9f7a-2c4e6a8b0d1f';
const testId = '6a7b8c9d-0e1f-4a2b-9c3d-5e6f7a8b9c0d';

const define: DefineCampaign = {
  type: 'DefineCampaign',
  campaignId,
  name: 'Energy audits for facility managers',
  purpose: 'Offer energy audits to companies',
  legalBasis: 'legitimate_interest',
  audience: 'B2B',
  channel: 'phone',
  productCategory: 'energy-audit',
  similarProductGroup: 'energy-services',
  jurisdictions: ['BE', 'NL'],
  targetProfessions: { roles: ['facility_manager'], sectors: [] },
};
const defined = campaignDecider.decide(define, campaignDecider.initialState, context) as CampaignEvent[];
const started: CampaignEvent[] = [...defined, { type: 'CampaignStarted', data: { campaignId } }];
const ended: CampaignEvent[] = [...started, { type: 'CampaignEnded', data: { campaignId, reason: null } }];
const test: RecordBalancingTest = {
  type: 'RecordBalancingTest',
  campaignId,
  testId,
  outcome: 'passed',
  assessedAt: '2026-03-01T10:00:00Z',
  documentRef: 'bt-2026.pdf',
  factors: EXAMPLE_EVENTS.BalancingTestRecorded.data.factors,
};

describe('campaign decider: happy paths', () => {
  it('defines a B2B campaign with its target professions and an empty calling profile', () => {
    expect(defined).toEqual([
      {
        type: 'CampaignDefined',
        data: {
          campaignId,
          name: 'Energy audits for facility managers',
          purpose: 'Offer energy audits to companies',
          legalBasis: 'legitimate_interest',
          audience: 'B2B',
          channel: 'phone',
          productCategory: 'energy-audit',
          similarProductGroup: 'energy-services',
          jurisdictions: ['BE', 'NL'],
          targetProfessions: { roles: ['facility_manager'], sectors: [] },
          callingProfile: { maxRings: null, retryAfterHours: null },
        },
      },
    ]);
  });

  it('records a balancing test valid 12 months by default, dated when assessed', () => {
    const [event] = given(campaignDecider, defined).when(test, context);
    expect(event).toMatchObject({
      type: 'BalancingTestRecorded',
      occurredAt: '2026-03-01T10:00:00.000Z',
      data: { testId, outcome: 'passed', assessedAt: '2026-03-01T10:00:00.000Z', validUntil: '2027-03-01T10:00:00.000Z' },
    });
  });

  it('flags an amendment of the campaign principles, and not one of its name', () => {
    const history = given(campaignDecider, defined);
    expect(history.when({ type: 'AmendCampaign', campaignId, changes: { jurisdictions: ['BE', 'NL', 'FR'] } }, context)).toEqual([
      { type: 'CampaignAmended', data: { campaignId, changes: { jurisdictions: ['BE', 'NL', 'FR'] }, principlesChanged: true } },
    ]);
    expect(history.when({ type: 'AmendCampaign', campaignId, changes: { name: 'Audits 2026', jurisdictions: ['BE', 'NL'] } }, context)).toEqual([
      { type: 'CampaignAmended', data: { campaignId, changes: { name: 'Audits 2026' }, principlesChanged: false } },
    ]);
  });

  it('starts, scrubs against a registry and ends', () => {
    expect(given(campaignDecider, defined).when({ type: 'StartCampaign', campaignId }, context)).toEqual([
      { type: 'CampaignStarted', data: { campaignId } },
    ]);
    expect(
      given(campaignDecider, started).when(
        { type: 'RecordDncScrub', campaignId, registry: 'BE_DNCM', snapshotVersion: '2026-04-08', contactsChecked: 900, numbersSuppressed: 41 },
        context,
      ),
    ).toEqual([
      { type: 'DncScrubPerformed', data: { campaignId, registry: 'BE_DNCM', snapshotVersion: '2026-04-08', contactsChecked: 900, numbersSuppressed: 41 } },
    ]);
    expect(given(campaignDecider, started).when({ type: 'EndCampaign', campaignId, reason: 'done' }, context)).toEqual([
      { type: 'CampaignEnded', data: { campaignId, reason: 'done' } },
    ]);
  });
});

describe('campaign decider: refusals', () => {
  const existingCustomer: CampaignEvent[] = campaignDecider.decide(
    { ...define, legalBasis: 'existing_customer', audience: 'B2C', targetProfessions: null },
    campaignDecider.initialState,
    context,
  ) as CampaignEvent[];
  const cases: [string, CampaignEvent[], CampaignCommand, string, string][] = [
    ['a second definition', defined, define, 'STREAM_ALREADY_EXISTS', 'campaignId'],
    ['a B2B campaign without target professions', [], { ...define, targetProfessions: { roles: [], sectors: [] } }, 'INVALID_FIELD', 'targetProfessions'],
    ['a calling profile allowing zero rings', [], { ...define, callingProfile: { maxRings: 0 } }, 'INVALID_FIELD', 'callingProfile.maxRings'],
    ['a campaign without jurisdictions', [], { ...define, jurisdictions: [] }, 'INVALID_FIELD', 'jurisdictions'],
    ['an unknown legal basis', [], { ...define, legalBasis: 'because' as never }, 'INVALID_FIELD', 'legalBasis'],
    ['a test on an undefined campaign', [], test, 'CAMPAIGN_NOT_FOUND', 'campaignId'],
    ['a test valid until before it was assessed', defined, { ...test, validUntil: '2026-02-01T00:00:00Z' }, 'INVALID_FIELD', 'validUntil'],
    ['a test without its justification (seed 003)', defined, { ...test, factors: { ...test.factors, justification: ' ' } }, 'INVALID_FIELD', 'factors.justification'],
    ['a test without the customer relationship factor', defined, { ...test, factors: { ...test.factors, customerRelationship: undefined as never } }, 'INVALID_FIELD', 'factors.customerRelationship'],
    ['an existing-customer test without customer term', existingCustomer, { ...test, customerTermMonths: null }, 'INVALID_FIELD', 'customerTermMonths'],
    ['a test id used twice', [...defined, { type: 'BalancingTestRecorded', data: { ...EXAMPLE_EVENTS.BalancingTestRecorded.data, campaignId, testId } }], test, 'DUPLICATE_ID', 'testId'],
    ['a test assessed in the future', defined, { ...test, assessedAt: '2026-06-01T00:00:00Z' }, 'OCCURRED_IN_FUTURE', 'assessedAt'],
    ['an amendment changing nothing', defined, { type: 'AmendCampaign', campaignId, changes: { audience: 'B2B' } }, 'INVALID_FIELD', 'changes'],
    ['an amendment after the end', ended, { type: 'AmendCampaign', campaignId, changes: { name: 'x' } }, 'CAMPAIGN_ENDED', 'campaignId'],
    ['a second start', started, { type: 'StartCampaign', campaignId }, 'CAMPAIGN_ALREADY_STARTED', 'campaignId'],
    ['a restart after the end', ended, { type: 'StartCampaign', campaignId }, 'CAMPAIGN_ENDED', 'campaignId'],
    ['an end before the start', defined, { type: 'EndCampaign', campaignId }, 'CAMPAIGN_NOT_STARTED', 'campaignId'],
    ['a scrub after the end', ended, { type: 'RecordDncScrub', campaignId, registry: 'BE_DNCM', snapshotVersion: 'v', contactsChecked: 1, numbersSuppressed: 0 }, 'CAMPAIGN_ENDED', 'campaignId'],
    ['a scrub against an unknown registry', started, { type: 'RecordDncScrub', campaignId, registry: 'NL_BMN' as never, snapshotVersion: 'v', contactsChecked: 1, numbersSuppressed: 0 }, 'INVALID_FIELD', 'registry'],
  ];

  it.each(cases)('refuses %s', (_name, history, command, code, field) => {
    expectRefusal(given(campaignDecider, history).refuses(command, context), code as never, field);
  });
});
