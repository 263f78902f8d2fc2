import { afterAll, describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate';
import { REASON_CODES, type EligibilityResult, type ReasonCode } from './reasons';
import { attempt, campaignView, contactView, input, processorView, TUESDAY_MORNING } from './testing/fixtures';
import type { ConsentFact, EligibilityInput, ProcessorEligibilityView } from './views';

const seen = new Set<ReasonCode>();

function evaluate(overrides: Partial<EligibilityInput> = {}): EligibilityResult {
  const result = evaluateEligibility(input(overrides));
  result.reasons.forEach((reason) => seen.add(reason.code));
  return result;
}

const codes = (result: EligibilityResult) => result.reasons.map((reason) => reason.code);
const only = (result: EligibilityResult, code: ReasonCode) => {
  const found = result.reasons.filter((reason) => reason.code === code);
  expect(found, `${code} in ${JSON.stringify(codes(result))}`).toHaveLength(1);
  return found[0]!;
};

afterAll(() => {
  // Every reason code of domain.md is produced by at least one test of this file.
  expect(REASON_CODES.filter((code) => !seen.has(code))).toEqual([]);
});

describe('the baseline call', () => {
  it('is eligible now, with no reasons', () => {
    const result = evaluate();
    expect(result).toEqual({
      eligible: true,
      reasons: [],
      nextEligibleAt: TUESDAY_MORNING.toISOString(),
      evaluatedAt: TUESDAY_MORNING.toISOString(),
    });
  });
});

describe('UNKNOWN_CONTACT', () => {
  it('refuses a number with no recorded contact, permanently', () => {
    const result = evaluate({ contact: null });
    expect(codes(result)).toEqual(['UNKNOWN_CONTACT']);
    expect(result.reasons[0]).toMatchObject({ rulePack: 'EU', ruleVersion: '2018-05-25', until: null, eventIds: [] });
    expect(result.nextEligibleAt).toBeNull();
  });

  it('still lists a registry listing of the unknown number', () => {
    const result = evaluate({
      contact: null,
      registry: { listings: [{ registry: 'BE_DNCM', snapshotVersion: 'dncm-1', listed: true, eventIds: ['ev-dncm'] }] },
    });
    expect(codes(result)).toEqual(['UNKNOWN_CONTACT', 'DNC_LISTED']);
  });
});

describe('ERASED and ERASURE_PENDING', () => {
  it('refuses a contact whose erasure was requested', () => {
    const result = evaluate({
      contact: contactView({ erasure: { requestedAt: '2026-11-10T00:00:00Z', completedAt: null, eventIds: ['ev-erasure-req'] } }),
    });
    expect(only(result, 'ERASURE_PENDING')).toMatchObject({ eventIds: ['ev-erasure-req'], until: null });
    expect(codes(result)).not.toContain('ERASED');
  });

  it('refuses an erased contact, and only as ERASED once completed', () => {
    const result = evaluate({
      contact: contactView({
        erasure: { requestedAt: '2026-11-01T00:00:00Z', completedAt: '2026-11-10T00:00:00Z', eventIds: ['ev-req', 'ev-done'] },
      }),
    });
    expect(only(result, 'ERASED').eventIds).toEqual(['ev-req', 'ev-done']);
    expect(codes(result)).not.toContain('ERASURE_PENDING');
  });

  it('does not count an erasure requested after the moment evaluated', () => {
    const result = evaluate({
      contact: contactView({ erasure: { requestedAt: '2026-11-18T00:00:00Z', completedAt: null, eventIds: ['ev-later'] } }),
    });
    expect(result.eligible).toBe(true);
  });
});

describe('OBJECTED', () => {
  const objection = { at: '2026-11-02T00:00:00Z', receivedByProcessorId: 'callcentre-a', eventIds: ['ev-objection'] };

  it('an objection given to processor A binds processor B', () => {
    const processorB = processorView({
      processorId: 'callcentre-b',
      agreements: [{ signedAt: '2025-01-01T00:00:00Z', endsAt: null, eventIds: ['ev-agreement-b'] }],
      dataReceived: { 'contact-1': [{ at: '2026-01-11T00:00:00Z', eventIds: ['ev-share-b'] }] },
    });
    const result = evaluate({ contact: contactView({ objections: [objection] }), processor: processorB });
    const reason = only(result, 'OBJECTED');
    expect(reason).toMatchObject({ eventIds: ['ev-objection'], until: null, rulePack: 'EU' });
    expect(reason.message).toContain('callcentre-a');
    expect(result.nextEligibleAt).toBeNull();
  });

  it('"do not call me" said on a call is an objection', () => {
    const call = attempt({ at: '2026-11-03T10:00:00Z', callOutcome: 'do_not_call', eventIds: ['ev-dnc-said'] });
    expect(only(evaluate({ contact: contactView({ attempts: [call] }) }), 'OBJECTED').eventIds).toEqual(['ev-dnc-said']);
  });

  it('an objection that occurs after the moment does not count yet', () => {
    const later = { ...objection, at: '2026-11-18T00:00:00Z' };
    expect(evaluate({ contact: contactView({ objections: [later] }) }).eligible).toBe(true);
  });
});

describe('DNC_LISTED', () => {
  const listing = (registry: 'BE_DNCM' | 'FR_BLOCTEL', listed: boolean) => ({
    listings: [{ registry, snapshotVersion: 'snap-7', listed, eventIds: ['ev-snapshot'] }],
  });

  it('refuses a number on the Belgian DNCM, naming the BE pack', () => {
    const reason = only(evaluate({ registry: listing('BE_DNCM', true) }), 'DNC_LISTED');
    expect(reason).toMatchObject({ rulePack: 'BE', ruleVersion: '2018-05-25', eventIds: ['ev-snapshot'], until: null });
  });

  it('allows a number the snapshot in force does not list', () => {
    expect(evaluate({ registry: listing('BE_DNCM', false) }).eligible).toBe(true);
  });

  it('Bloctel does not bar an ongoing contract with a related offer (FR L223-1)', () => {
    const consumer = frenchConsumer({
      purchases: [
        { productCategory: 'HEAT_PUMPS', purchasedAt: '2025-05-01T00:00:00Z', contractEndsAt: '2030-01-01T00:00:00Z', eventIds: ['ev-contract'] },
      ],
    });
    const result = evaluate({ contact: consumer, campaign: consumerCampaign(), registry: listing('FR_BLOCTEL', true) });
    expect(codes(result)).not.toContain('DNC_LISTED');
    const noContract = evaluate({ contact: frenchConsumer(), campaign: consumerCampaign(), registry: listing('FR_BLOCTEL', true) });
    expect(only(noContract, 'DNC_LISTED').rulePack).toBe('FR');
  });
});

/** A French consumer who consented to calls (opt-in is the law from 2026-08-11), called on a Tuesday at 11:00 in Paris. */
function frenchConsumer(overrides: Parameters<typeof contactView>[0] = {}) {
  return contactView({
    audience: 'B2C',
    country: 'FR',
    timeZone: 'Europe/Paris',
    profession: null,
    consents: [{ purpose: 'DIRECT_MARKETING', channels: ['phone'], campaignId: null, productCategory: null, givenAt: '2026-01-01T00:00:00Z', withdrawnAt: null, expiresAt: null, eventIds: ['ev-optin'] }],
    ...overrides,
  });
}
function consumerCampaign(overrides: Parameters<typeof campaignView>[0] = {}) {
  return campaignView({ audience: 'B2C', targetProfessions: { roles: [], sectors: [] }, ...overrides });
}
const PARIS_TUESDAY_11 = new Date('2026-11-17T10:00:00Z');

describe('DNC_CHECK_STALE', () => {
  it('BE: a scrub 6 days old is stale, 5 days is not', () => {
    const scrubbed = (at: string) =>
      campaignView({ dncScrubs: [{ registry: 'BE_DNCM', snapshotVersion: 'dncm-x', at, eventIds: ['ev-scrub'] }] });
    const stale = only(evaluate({ campaign: scrubbed('2026-11-11T08:59:00Z') }), 'DNC_CHECK_STALE');
    expect(stale).toMatchObject({ rulePack: 'BE', eventIds: ['ev-scrub'], until: null });
    expect(stale.message).toContain('at most 5');
    expect(evaluate({ campaign: scrubbed('2026-11-12T09:00:00Z') }).eligible).toBe(true);
  });

  it('a campaign that never scrubbed against the registry that applies is stale', () => {
    const result = evaluate({ campaign: campaignView({ dncScrubs: [] }) });
    expect(only(result, 'DNC_CHECK_STALE').eventIds).toEqual(['ev-campaign']);
  });

  it('FR: Bloctel allows 30 days for consumers; B2B calls do not need it', () => {
    const scrubbed = (at: string) =>
      consumerCampaign({ dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at, eventIds: ['ev-bloctel'] }] });
    expect(only(evaluate({ contact: frenchConsumer(), campaign: scrubbed('2026-10-17T09:00:00Z'), at: PARIS_TUESDAY_11 }), 'DNC_CHECK_STALE').rulePack).toBe('FR');
    expect(evaluate({ contact: frenchConsumer(), campaign: scrubbed('2026-10-20T09:00:00Z'), at: PARIS_TUESDAY_11 }).eligible).toBe(true);
    const frenchManager = contactView({ country: 'FR', timeZone: 'Europe/Paris' });
    expect(evaluate({ contact: frenchManager, campaign: campaignView({ dncScrubs: [] }), at: PARIS_TUESDAY_11 }).eligible).toBe(true);
  });

  it('a number in the UK needs a TPS scrub of at most 28 days (EU baseline table)', () => {
    const british = contactView({ country: 'GB', timeZone: 'Europe/London' });
    expect(only(evaluate({ contact: british }), 'DNC_CHECK_STALE')).toMatchObject({ rulePack: 'EU' });
  });
});

describe('NO_CONSENT', () => {
  const consentCampaign = campaignView({ basis: 'consent' });
  const consent = (overrides: Partial<ConsentFact> = {}): ConsentFact => ({
    purpose: 'DIRECT_MARKETING',
    channels: ['phone'],
    campaignId: null,
    productCategory: null,
    givenAt: '2026-02-01T00:00:00Z',
    withdrawnAt: null,
    expiresAt: null,
    eventIds: ['ev-consent'],
    ...overrides,
  });

  it('a consent campaign needs a valid consent for its purpose and channel', () => {
    expect(only(evaluate({ campaign: consentCampaign }), 'NO_CONSENT').until).toBeNull();
    expect(evaluate({ campaign: consentCampaign, contact: contactView({ consents: [consent()] }) }).eligible).toBe(true);
  });

  it('a withdrawn consent, or one for another channel, does not count', () => {
    const withdrawn = evaluate({
      campaign: consentCampaign,
      contact: contactView({ consents: [consent({ withdrawnAt: '2026-10-01T00:00:00Z', eventIds: ['ev-given', 'ev-withdrawn'] })] }),
    });
    expect(only(withdrawn, 'NO_CONSENT').eventIds).toEqual(['ev-given', 'ev-withdrawn']);
    const sms = evaluate({ campaign: consentCampaign, contact: contactView({ consents: [consent({ channels: ['sms'] })] }) });
    expect(codes(sms)).toContain('NO_CONSENT');
  });

  it('a consent limited to another campaign or product category does not count', () => {
    const otherCampaign = contactView({ consents: [consent({ campaignId: 'campaign-solar' })] });
    const otherCategory = contactView({ consents: [consent({ productCategory: 'INSURANCE' })] });
    const thisCampaign = contactView({ consents: [consent({ campaignId: 'campaign-heat', productCategory: 'HEAT_PUMPS' })] });
    expect(codes(evaluate({ campaign: consentCampaign, contact: otherCampaign }))).toEqual(['NO_CONSENT']);
    expect(codes(evaluate({ campaign: consentCampaign, contact: otherCategory }))).toEqual(['NO_CONSENT']);
    expect(evaluate({ campaign: consentCampaign, contact: thisCampaign }).eligible).toBe(true);
  });

  it('an existing-customer campaign needs a purchase in its category, or consent', () => {
    const campaign = campaignView({ basis: 'existing_customer' });
    expect(only(evaluate({ campaign }), 'NO_CONSENT').message).toContain('bought nothing in HEAT_PUMPS');
    const customer = contactView({ purchases: [{ productCategory: 'HEAT_PUMPS', purchasedAt: '2026-03-01T00:00:00Z', contractEndsAt: null, eventIds: ['ev-p'] }] });
    expect(evaluate({ campaign, contact: customer }).eligible).toBe(true);
  });

  it('NL: a consumer prospect needs opt-in since 2021-07-01', () => {
    const dutch = contactView({ audience: 'B2C', country: 'NL', timeZone: 'Europe/Amsterdam', profession: null });
    const reason = only(evaluate({ contact: dutch, campaign: consumerCampaign() }), 'NO_CONSENT');
    expect(reason).toMatchObject({ rulePack: 'NL', ruleVersion: '2026-07-01' });
  });

  it('FR: consumers need opt-in from 2026-08-11, not the day before', () => {
    const monday10 = new Date('2026-08-10T09:00:00Z');
    const tuesday11 = new Date('2026-08-11T09:00:00Z');
    const freshScrub = consumerCampaign({
      dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at: '2026-08-05T00:00:00Z', eventIds: ['ev-b'] }],
    });
    const prospect = frenchConsumer({ consents: [] });
    expect(evaluate({ contact: prospect, campaign: freshScrub, at: monday10 }).eligible).toBe(true);
    expect(only(evaluate({ contact: prospect, campaign: freshScrub, at: tuesday11 }), 'NO_CONSENT')).toMatchObject({
      rulePack: 'FR',
      ruleVersion: '2026-08-11',
    });
  });

  it('FR: an ongoing contract and a related offer need no consent', () => {
    const customer = frenchConsumer({
      consents: [],
      purchases: [
        { productCategory: 'HEAT_PUMPS', purchasedAt: '2025-01-01T00:00:00Z', contractEndsAt: '2027-01-01T00:00:00Z', eventIds: ['ev-contract'] },
      ],
    });
    expect(evaluate({ contact: customer, campaign: consumerCampaign(), at: PARIS_TUESDAY_11 }).eligible).toBe(true);
  });
});

describe('BALANCING_TEST_MISSING / _FAILED / _EXPIRED', () => {
  const test = (overrides = {}) => ({
    outcome: 'passed' as const,
    assessedAt: '2025-12-01T00:00:00Z',
    validUntil: null,
    customerTermMonths: null,
    eventIds: ['ev-test'],
    ...overrides,
  });

  it('a legitimate-interest campaign without a test is refused', () => {
    const reason = only(evaluate({ campaign: campaignView({ balancingTests: [] }) }), 'BALANCING_TEST_MISSING');
    expect(reason).toMatchObject({ eventIds: ['ev-campaign'], until: null });
  });

  it('a test assessed after the moment does not count yet', () => {
    const result = evaluate({ campaign: campaignView({ balancingTests: [test({ assessedAt: '2026-11-18T00:00:00Z' })] }) });
    expect(codes(result)).toContain('BALANCING_TEST_MISSING');
  });

  it('a consent campaign needs no balancing test', () => {
    const consented = contactView({
      consents: [{ purpose: 'DIRECT_MARKETING', channels: ['phone'], campaignId: null, productCategory: null, givenAt: '2026-01-01T00:00:00Z', withdrawnAt: null, expiresAt: null, eventIds: ['ev-c'] }],
    });
    expect(evaluate({ contact: consented, campaign: campaignView({ basis: 'consent', balancingTests: [] }) }).eligible).toBe(true);
  });

  it('the latest test failed', () => {
    const result = evaluate({ campaign: campaignView({ balancingTests: [test(), test({ outcome: 'failed', assessedAt: '2026-06-01T00:00:00Z', eventIds: ['ev-failed'] })] }) });
    expect(only(result, 'BALANCING_TEST_FAILED').eventIds).toEqual(['ev-failed']);
  });

  it('a test expires 12 months after its assessment', () => {
    const old = evaluate({ campaign: campaignView({ balancingTests: [test({ assessedAt: '2025-11-17T08:59:00Z' })] }) });
    expect(only(old, 'BALANCING_TEST_EXPIRED')).toMatchObject({ rulePack: 'EU', eventIds: ['ev-test'] });
    expect(evaluate({ campaign: campaignView({ balancingTests: [test({ assessedAt: '2025-11-17T09:01:00Z' })] }) }).eligible).toBe(true);
  });

  it('a test that says it is valid for less than 12 months expires then', () => {
    const short = campaignView({ balancingTests: [test({ assessedAt: '2026-06-01T00:00:00Z', validUntil: '2026-11-01T00:00:00Z' })] });
    expect(only(evaluate({ campaign: short }), 'BALANCING_TEST_EXPIRED').message).toContain('2026-11-01');
  });

  it('a change of the campaign principles after the test calls for a new one', () => {
    const changed = campaignView({ principlesChangedAt: [{ at: '2026-09-01T00:00:00Z', eventIds: ['ev-change'] }] });
    expect(only(evaluate({ campaign: changed }), 'BALANCING_TEST_EXPIRED').eventIds).toEqual(['ev-test', 'ev-change']);
  });
});

describe('NOT_RELEVANT_TO_PROFESSION', () => {
  it('refuses a B2B contact whose role and sector the campaign does not target', () => {
    const accountant = contactView({ profession: { role: 'ACCOUNTANT', sector: 'RETAIL', eventIds: ['ev-prof'] } });
    expect(only(evaluate({ contact: accountant }), 'NOT_RELEVANT_TO_PROFESSION').eventIds).toEqual(['ev-prof', 'ev-campaign']);
  });

  it('accepts a match on the sector, case-insensitively', () => {
    const campaign = campaignView({ targetProfessions: { roles: [], sectors: ['retail'] } });
    const buyer = contactView({ profession: { role: 'BUYER', sector: 'RETAIL', eventIds: ['ev-prof'] } });
    expect(evaluate({ contact: buyer, campaign }).eligible).toBe(true);
  });

  it('refuses a consumer in a B2B campaign', () => {
    expect(codes(evaluate({ contact: contactView({ audience: 'B2C', profession: null }) }))).toContain('NOT_RELEVANT_TO_PROFESSION');
  });
});

describe('CUSTOMER_TERM_EXPIRED', () => {
  const dutchExCustomer = (purchasedAt: string) =>
    contactView({
      audience: 'B2C',
      country: 'NL',
      timeZone: 'Europe/Amsterdam',
      profession: null,
      purchases: [{ productCategory: 'HEAT_PUMPS', purchasedAt, contractEndsAt: null, eventIds: ['ev-purchase'] }],
    });
  const wednesday = new Date('2026-06-03T09:00:00Z');

  it('NL: an ex-customer whose last purchase is more than 3 years ago needs consent', () => {
    const result = evaluate({ contact: dutchExCustomer('2023-01-10T00:00:00Z'), campaign: consumerCampaign(), at: wednesday });
    expect(codes(result)).toEqual(['CUSTOMER_TERM_EXPIRED', 'NO_CONSENT']);
    expect(result.reasons[0]).toMatchObject({ rulePack: 'NL', ruleVersion: '2021-07-01', eventIds: ['ev-purchase'], until: null });
    expect(result.reasons[0]!.message).toContain('36 months');
  });

  it('NL: within 3 years the customer exception applies', () => {
    expect(evaluate({ contact: dutchExCustomer('2023-07-01T00:00:00Z'), campaign: consumerCampaign(), at: wednesday }).eligible).toBe(true);
  });

  it('a balancing test may justify a longer term', () => {
    const campaign = consumerCampaign({
      balancingTests: [{ outcome: 'passed', assessedAt: '2026-01-05T00:00:00Z', validUntil: null, customerTermMonths: 48, eventIds: ['ev-test-48'] }],
    });
    expect(evaluate({ contact: dutchExCustomer('2023-01-10T00:00:00Z'), campaign, at: wednesday }).eligible).toBe(true);
  });

  it('outside NL, a term set by the balancing test still bounds calls to former customers', () => {
    const campaign = campaignView({
      balancingTests: [{ outcome: 'passed', assessedAt: '2026-01-05T00:00:00Z', validUntil: null, customerTermMonths: 24, eventIds: ['ev-test-24'] }],
    });
    const exCustomer = contactView({
      purchases: [{ productCategory: 'HEAT_PUMPS', purchasedAt: '2024-01-01T00:00:00Z', contractEndsAt: null, eventIds: ['ev-p'] }],
    });
    const reason = only(evaluate({ contact: exCustomer, campaign }), 'CUSTOMER_TERM_EXPIRED');
    expect(reason.eventIds).toEqual(['ev-p', 'ev-test-24']);
  });
});

describe('CUSTOMER_EXCEPTION_ENDED', () => {
  it('NL from 2026-07-01: commercial campaigns lose the customer exception, charities keep it', () => {
    const exCustomer = contactView({
      audience: 'B2C',
      country: 'NL',
      timeZone: 'Europe/Amsterdam',
      profession: null,
      purchases: [{ productCategory: 'HEAT_PUMPS', purchasedAt: '2025-03-01T00:00:00Z', contractEndsAt: null, eventIds: ['ev-purchase'] }],
    });
    const at = new Date('2026-07-01T09:00:00Z');
    const result = evaluate({ contact: exCustomer, campaign: consumerCampaign(), at });
    expect(codes(result)).toEqual(['CUSTOMER_EXCEPTION_ENDED', 'NO_CONSENT']);
    expect(result.reasons[0]).toMatchObject({ rulePack: 'NL', ruleVersion: '2026-07-01', until: null });
    expect(evaluate({ contact: exCustomer, campaign: consumerCampaign({ sector: 'charity' }), at }).eligible).toBe(true);
  });
});

describe('PROCESSOR_NO_AGREEMENT', () => {
  it('refuses a processor without an agreement in force', () => {
    expect(only(evaluate({ processor: processorView({ agreements: [] }) }), 'PROCESSOR_NO_AGREEMENT').until).toBeNull();
    const ended = processorView({ agreements: [{ signedAt: '2025-01-01T00:00:00Z', endsAt: '2026-10-01T00:00:00Z', eventIds: ['ev-ag', 'ev-ag-end'] }] });
    expect(only(evaluate({ processor: ended }), 'PROCESSOR_NO_AGREEMENT').eventIds).toEqual(['ev-ag', 'ev-ag-end']);
  });
});

describe('TRANSFER_WITHOUT_SAFEGUARD', () => {
  const moroccan = (safeguards: ProcessorEligibilityView['safeguards'] = []) =>
    processorView({ processorId: 'callcentre-ma', country: 'MA', safeguards });

  it('refuses a processor in Morocco without SCC (Futura, 001)', () => {
    expect(only(evaluate({ processor: moroccan() }), 'TRANSFER_WITHOUT_SAFEGUARD').rulePack).toBe('EU');
  });

  it('accepts SCC in force, an adequacy decision, or a DPF certification in the US', () => {
    expect(
      evaluate({ processor: moroccan([{ kind: 'scc', destinationCountry: 'MA', from: '2025-01-01T00:00:00Z', until: null, eventIds: ['ev-scc'] }]) }).eligible,
    ).toBe(true);
    expect(evaluate({ processor: processorView({ country: 'JP' }) }).eligible).toBe(true);
    const reliesOnAdequacy = (country: string) =>
      processorView({ country, safeguards: [{ kind: 'adequacy', destinationCountry: country, from: '2023-07-10T00:00:00Z', until: null, eventIds: ['ev-dpf'] }] });
    expect(evaluate({ processor: reliesOnAdequacy('US') }).eligible).toBe(true);
    expect(codes(evaluate({ processor: processorView({ country: 'US' }) }))).toContain('TRANSFER_WITHOUT_SAFEGUARD');
    // Claiming adequacy where the Commission never decided it changes nothing.
    expect(codes(evaluate({ processor: reliesOnAdequacy('MA') }))).toContain('TRANSFER_WITHOUT_SAFEGUARD');
  });
});

describe('DATA_NOT_SHARED_WITH_PROCESSOR', () => {
  it('refuses a processor that never received the contact', () => {
    const reason = only(evaluate({ processor: processorView({ dataReceived: {} }) }), 'DATA_NOT_SHARED_WITH_PROCESSOR');
    expect(reason.message).toContain('never received');
  });

  it('a share made before the agreement was signed is not lawful', () => {
    const processor = processorView({ dataReceived: { 'contact-1': [{ at: '2024-06-01T00:00:00Z', eventIds: ['ev-early-share'] }] } });
    const reason = only(evaluate({ processor }), 'DATA_NOT_SHARED_WITH_PROCESSOR');
    expect(reason).toMatchObject({ eventIds: ['ev-early-share'] });
    expect(reason.message).toContain('without an agreement');
  });
});

describe('CAMPAIGN_NOT_ACTIVE', () => {
  it('lifts at the start of a campaign that has not started yet', () => {
    const result = evaluate({ campaign: campaignView({ startsAt: '2026-11-20T08:00:00Z' }) });
    expect(only(result, 'CAMPAIGN_NOT_ACTIVE').until).toBe('2026-11-20T08:00:00.000Z');
    expect(result.nextEligibleAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('is permanent for an ended campaign or one never started', () => {
    expect(only(evaluate({ campaign: campaignView({ endsAt: '2026-11-01T00:00:00Z' }) }), 'CAMPAIGN_NOT_ACTIVE').until).toBeNull();
    expect(only(evaluate({ campaign: campaignView({ startsAt: null }) }), 'CAMPAIGN_NOT_ACTIVE').until).toBeNull();
  });
});

describe('RETRY_TOO_SOON', () => {
  it('waits 24 hours after a no-answer, whichever processor called', () => {
    const missed = attempt({ at: '2026-11-16T15:00:00Z', result: 'no_answer', processorId: 'callcentre-b', eventIds: ['ev-missed'] });
    const result = evaluate({ contact: contactView({ attempts: [missed] }) });
    expect(only(result, 'RETRY_TOO_SOON')).toMatchObject({ until: '2026-11-17T15:00:00.000Z', eventIds: ['ev-missed'], rulePack: 'EU' });
    expect(result.nextEligibleAt).toBe('2026-11-17T15:00:00.000Z');
  });

  it('allows the call 24 hours later', () => {
    const missed = attempt({ at: '2026-11-16T09:00:00Z', result: 'busy' });
    expect(evaluate({ contact: contactView({ attempts: [missed] }) }).eligible).toBe(true);
  });

  it('does not count a call at the very moment evaluated (the call being audited)', () => {
    const now = attempt({ at: TUESDAY_MORNING.toISOString(), result: 'no_answer' });
    expect(evaluate({ contact: contactView({ attempts: [now] }) }).eligible).toBe(true);
  });
});

describe('SIMILAR_PRODUCT_COOLDOWN', () => {
  it('no new call for a similar product within 30 days, even from another campaign', () => {
    const sold = attempt({ at: '2026-11-07T10:00:00Z', campaignId: 'campaign-solar', callOutcome: 'converted', eventIds: ['ev-sold'] });
    const reason = only(evaluate({ contact: contactView({ attempts: [sold] }) }), 'SIMILAR_PRODUCT_COOLDOWN');
    expect(reason).toMatchObject({ until: '2026-12-07T10:00:00.000Z', eventIds: ['ev-sold'] });
  });

  it('does not apply to another product group, or after the contact showed interest', () => {
    const other = attempt({ at: '2026-11-07T10:00:00Z', similarProductGroup: 'INSURANCE', callOutcome: 'converted' });
    const interested = attempt({ at: '2026-11-07T10:00:00Z', callOutcome: 'interested' });
    expect(evaluate({ contact: contactView({ attempts: [other] }) }).eligible).toBe(true);
    expect(evaluate({ contact: contactView({ attempts: [interested] }) }).eligible).toBe(true);
  });
});

describe('ATTEMPT_LIMIT_REACHED', () => {
  const calls = (...days: string[]) =>
    days.map((day, i) =>
      attempt({ at: `2026-11-${day}T10:00:00Z`, result: 'no_answer', processorId: i % 2 ? 'callcentre-b' : 'callcentre-a', eventIds: [`ev-${day}`] }),
    );
  const frScrub = consumerCampaign({ dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at: '2026-11-10T00:00:00Z', eventIds: ['ev-b'] }] });

  it('FR: the 5th call in 30 days is refused, counting both call centres', () => {
    const result = evaluate({ contact: frenchConsumer({ attempts: calls('02', '05', '09', '12') }), campaign: frScrub, at: PARIS_TUESDAY_11 });
    const reason = only(result, 'ATTEMPT_LIMIT_REACHED');
    expect(reason).toMatchObject({ rulePack: 'FR', ruleVersion: '2026-08-11', until: '2026-12-02T10:00:00.000Z' });
    expect(reason.eventIds).toEqual(['ev-02', 'ev-05', 'ev-09', 'ev-12']);
    expect(reason.message).toContain('2 processor');
  });

  it('FR: the 4th call is allowed; in BE there is no such limit', () => {
    expect(evaluate({ contact: frenchConsumer({ attempts: calls('02', '05', '09') }), campaign: frScrub, at: PARIS_TUESDAY_11 }).eligible).toBe(true);
    const belgian = contactView({ audience: 'B2C', profession: null, attempts: calls('02', '05', '09', '12') });
    expect(codes(evaluate({ contact: belgian, campaign: consumerCampaign() }))).not.toContain('ATTEMPT_LIMIT_REACHED');
  });
});

describe('REFUSAL_COOLDOWN', () => {
  const refusal = (at: string) => attempt({ at, callOutcome: 'not_interested', similarProductGroup: 'OTHER', eventIds: ['ev-refusal'] });

  it('BE: 30 days after "not interested" (EU default)', () => {
    const reason = only(evaluate({ contact: contactView({ attempts: [refusal('2026-11-01T10:00:00Z')] }) }), 'REFUSAL_COOLDOWN');
    expect(reason).toMatchObject({ rulePack: 'EU', until: '2026-12-01T10:00:00.000Z', eventIds: ['ev-refusal'] });
  });

  it('FR: 60 days since Décret 2022-1313, 30 days before it', () => {
    const fr = only(
      evaluate({ contact: frenchConsumer({ attempts: [refusal('2026-10-01T10:00:00Z')] }), campaign: consumerCampaign(), at: PARIS_TUESDAY_11 }),
      'REFUSAL_COOLDOWN',
    );
    expect(fr).toMatchObject({ rulePack: 'FR', ruleVersion: '2026-08-11', until: '2026-11-30T10:00:00.000Z' });
    const before = evaluate({
      contact: frenchConsumer({ attempts: [refusal('2022-10-03T10:00:00Z')] }),
      campaign: consumerCampaign({ dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at: '2022-11-01T00:00:00Z', eventIds: [] }] }),
      at: new Date('2022-11-15T10:00:00Z'),
    });
    expect(codes(before)).not.toContain('REFUSAL_COOLDOWN');
  });
});

describe('OUTSIDE_CALLING_HOURS', () => {
  it('a mobile in Brussels at 19:00 waits for 09:00 the next working day', () => {
    const result = evaluate({ at: new Date('2026-11-17T18:00:00Z') });
    expect(only(result, 'OUTSIDE_CALLING_HOURS')).toMatchObject({ until: '2026-11-18T08:00:00.000Z', rulePack: 'EU' });
    expect(result.nextEligibleAt).toBe('2026-11-18T08:00:00.000Z');
  });

  it('on a Saturday it waits for Monday; on a Belgian holiday (11 November) for the next day', () => {
    expect(only(evaluate({ at: new Date('2026-11-21T10:00:00Z') }), 'OUTSIDE_CALLING_HOURS').until).toBe('2026-11-23T08:00:00.000Z');
    const armistice = only(evaluate({ at: new Date('2026-11-11T10:00:00Z') }), 'OUTSIDE_CALLING_HOURS');
    expect(armistice.until).toBe('2026-11-12T08:00:00.000Z');
    expect(armistice.message).toContain('public holiday in BE');
  });

  it('a business landline of a B2B contact has no hours rule', () => {
    const desk = contactView({ lines: [{ phoneHash: 'hash-desk', lineType: 'landline', eventIds: ['ev-desk'] }] });
    expect(evaluate({ contact: desk, at: new Date('2026-11-17T18:00:00Z') }).eligible).toBe(true);
  });

  it("a consumer's landline is private: the hours apply", () => {
    const home = contactView({ audience: 'B2C', profession: null, lines: [{ phoneHash: 'hash-home', lineType: 'landline', eventIds: ['ev-home'] }] });
    const result = evaluate({ contact: home, campaign: consumerCampaign(), at: new Date('2026-11-17T18:00:00Z') });
    expect(codes(result)).toEqual(['OUTSIDE_CALLING_HOURS']);
  });

  it("the dialled number's line type decides, by its hash", () => {
    const twoLines = contactView({
      lines: [
        { phoneHash: 'hash-desk', lineType: 'landline', eventIds: ['ev-desk'] },
        { phoneHash: 'hash-mobile', lineType: 'mobile', eventIds: ['ev-mobile'] },
      ],
    });
    const evening = new Date('2026-11-17T18:00:00Z');
    expect(evaluate({ contact: twoLines, at: evening, phoneHash: 'hash-desk' }).eligible).toBe(true);
    expect(codes(evaluate({ contact: twoLines, at: evening, phoneHash: 'hash-mobile' }))).toEqual(['OUTSIDE_CALLING_HOURS']);
  });
});

describe('CALLBACK_REQUESTED', () => {
  it('not before the moment the contact asked for', () => {
    const asked = attempt({ at: '2026-11-16T10:00:00Z', callOutcome: 'callback_requested', callbackAt: '2026-11-18T14:00:00Z', eventIds: ['ev-callback'] });
    const result = evaluate({ contact: contactView({ attempts: [asked] }) });
    expect(codes(result)).toEqual(['CALLBACK_REQUESTED']);
    expect(result.reasons[0]).toMatchObject({ until: '2026-11-18T14:00:00.000Z', eventIds: ['ev-callback'] });
    expect(result.nextEligibleAt).toBe('2026-11-18T14:00:00.000Z');
  });

  it('is consumed by a later conversation', () => {
    const asked = attempt({ at: '2026-11-16T10:00:00Z', callOutcome: 'callback_requested', callbackAt: '2026-11-18T14:00:00Z' });
    const talked = attempt({ at: '2026-11-16T15:00:00Z', callOutcome: 'interested' });
    expect(evaluate({ contact: contactView({ attempts: [asked, talked] }) }).eligible).toBe(true);
  });
});

describe('RETENTION_EXPIRED', () => {
  it('refuses a contact past its retention period', () => {
    const expired = contactView({ retentionExpiresAt: { at: '2026-11-01T00:00:00Z', eventIds: ['ev-retention'] } });
    expect(only(evaluate({ contact: expired }), 'RETENTION_EXPIRED')).toMatchObject({ until: null, eventIds: ['ev-retention'] });
  });

  it('a cooldown that would end after the retention period leaves no next moment', () => {
    const soon = contactView({
      retentionExpiresAt: { at: '2026-11-20T00:00:00Z', eventIds: ['ev-retention'] },
      attempts: [attempt({ at: '2026-11-10T10:00:00Z', callOutcome: 'not_interested', similarProductGroup: 'OTHER' })],
    });
    const result = evaluate({ contact: soon });
    expect(codes(result)).toEqual(['REFUSAL_COOLDOWN']);
    expect(result.nextEligibleAt).toBeNull();
  });
});

describe('a switchboard line', () => {
  const switchboard = contactView({
    lines: [{ phoneHash: 'hash-switchboard', lineType: 'switchboard', eventIds: ['ev-sb'] }],
    attempts: [attempt({ at: '2026-11-17T17:00:00Z', result: 'no_answer' })],
  });
  const evening = new Date('2026-11-17T19:00:00Z');

  it('bypasses the pacing and hours rules', () => {
    expect(evaluate({ contact: switchboard, at: evening }).eligible).toBe(true);
    const sameAsMobile = contactView({ attempts: switchboard.attempts });
    expect(codes(evaluate({ contact: sameAsMobile, at: evening }))).toEqual(['RETRY_TOO_SOON', 'OUTSIDE_CALLING_HOURS']);
  });

  it('never bypasses an objection or a DNC listing', () => {
    const objected = { ...switchboard, objections: [{ at: '2026-11-01T00:00:00Z', receivedByProcessorId: null, eventIds: ['ev-o'] }] };
    const registry = { listings: [{ registry: 'BE_DNCM' as const, snapshotVersion: 's', listed: true, eventIds: ['ev-s'] }] };
    expect(codes(evaluate({ contact: objected, at: evening, registry }))).toEqual(['OBJECTED', 'DNC_LISTED']);
  });
});

describe('every reason, and the next eligible moment', () => {
  it('lists every reason that applies, not only the first', () => {
    const contact = contactView({
      objections: [{ at: '2026-11-01T00:00:00Z', receivedByProcessorId: 'callcentre-b', eventIds: ['ev-o'] }],
      attempts: [attempt({ at: '2026-11-17T08:00:00Z', result: 'no_answer' })],
    });
    const result = evaluate({ contact, processor: processorView({ agreements: [] }), campaign: campaignView({ balancingTests: [] }) });
    expect(codes(result)).toEqual(['OBJECTED', 'BALANCING_TEST_MISSING', 'PROCESSOR_NO_AGREEMENT', 'DATA_NOT_SHARED_WITH_PROCESSOR', 'RETRY_TOO_SOON']);
    expect(result.nextEligibleAt).toBeNull();
  });

  it('is the latest until, moved into the next calling window', () => {
    // Retry lifts Tuesday 17:30 Brussels, the callback Wednesday 07:00; the window opens at 09:00.
    const contact = contactView({
      attempts: [
        attempt({ at: '2026-11-16T16:30:00Z', result: 'no_answer' }),
        attempt({ at: '2026-11-16T08:00:00Z', callOutcome: 'callback_requested', callbackAt: '2026-11-18T06:00:00Z' }),
      ],
    });
    const result = evaluate({ contact });
    expect(codes(result)).toEqual(['RETRY_TOO_SOON', 'CALLBACK_REQUESTED']);
    expect(result.nextEligibleAt).toBe('2026-11-18T08:00:00.000Z');
  });
});

describe('bad input', () => {
  it('names the field of an invalid time zone or moment', () => {
    expect(() => evaluate({ contact: contactView({ timeZone: 'Mars/Olympus' }) })).toThrow(/contact\.timeZone/);
    expect(() => evaluate({ at: new Date('nonsense') })).toThrow(/at: must be a valid Date/);
    expect(() => evaluate({ at: new Date('2017-01-01T00:00:00Z') })).toThrow(/no EU rule pack/);
    const garbled = contactView({ objections: [{ at: 'last Tuesday', receivedByProcessorId: null, eventIds: ['ev-o'] }] });
    expect(() => evaluate({ contact: garbled })).toThrow(/contact\.objections\.at: "last Tuesday" is not an ISO-8601 instant/);
  });
});
