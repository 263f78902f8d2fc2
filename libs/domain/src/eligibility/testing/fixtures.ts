/**
 * Views for tests: a lawful baseline call (a Belgian B2B energy manager, called on a mobile on a
 * Tuesday morning by a Belgian call centre with an agreement) that each test changes in one respect.
 */
import type {
  CallAttemptFact,
  CampaignEligibilityView,
  ContactEligibilityView,
  EligibilityInput,
  ProcessorEligibilityView,
} from '../views';

/** Tuesday 2026-11-17, 10:00 in Brussels. */
export const TUESDAY_MORNING = new Date('2026-11-17T09:00:00Z');

export function contactView(overrides: Partial<ContactEligibilityView> = {}): ContactEligibilityView {
  return {
    contactId: 'contact-1',
    audience: 'B2B',
    country: 'BE',
    timeZone: 'Europe/Brussels',
    lines: [{ phoneHash: 'hash-mobile', lineType: 'mobile', eventIds: ['ev-line'] }],
    profession: { role: 'ENERGY_MANAGER', sector: 'MANUFACTURING', eventIds: ['ev-profession'] },
    consents: [],
    objections: [],
    erasure: null,
    purchases: [],
    attempts: [],
    retentionExpiresAt: null,
    registeredEventIds: ['ev-registered'],
    ...overrides,
  };
}

export function campaignView(overrides: Partial<CampaignEligibilityView> = {}): CampaignEligibilityView {
  return {
    campaignId: 'campaign-heat',
    purpose: 'DIRECT_MARKETING',
    basis: 'legitimate_interest',
    audience: 'B2B',
    channel: 'phone',
    sector: 'commercial',
    productCategory: 'HEAT_PUMPS',
    similarProductGroup: 'ENERGY',
    jurisdictions: ['BE', 'NL', 'FR'],
    targetProfessions: { roles: ['ENERGY_MANAGER'], sectors: [] },
    balancingTests: [
      { outcome: 'passed', assessedAt: '2026-01-05T10:00:00Z', validUntil: null, customerTermMonths: null, eventIds: ['ev-test'] },
    ],
    principlesChangedAt: [],
    dpia: { assessedAt: '2026-01-05T10:00:00Z', eventIds: ['ev-dpia'] },
    startsAt: '2026-01-10T00:00:00Z',
    endsAt: null,
    lifecycleEventIds: ['ev-campaign'],
    dncScrubs: [
      { registry: 'BE_DNCM', snapshotVersion: 'dncm-2026-11-16', at: '2026-11-16T08:00:00Z', eventIds: ['ev-scrub-be'] },
      { registry: 'FR_BLOCTEL', snapshotVersion: 'bloctel-2026-11-01', at: '2026-11-01T08:00:00Z', eventIds: ['ev-scrub-fr'] },
    ],
    ...overrides,
  };
}

export function processorView(overrides: Partial<ProcessorEligibilityView> = {}): ProcessorEligibilityView {
  return {
    processorId: 'callcentre-a',
    country: 'BE',
    agreements: [{ signedAt: '2025-01-01T00:00:00Z', endsAt: null, eventIds: ['ev-agreement-a'] }],
    safeguards: [],
    dataReceived: { 'contact-1': [{ at: '2026-01-11T00:00:00Z', eventIds: ['ev-share-a'] }] },
    ...overrides,
  };
}

export function attempt(overrides: Partial<CallAttemptFact> & Pick<CallAttemptFact, 'at'>): CallAttemptFact {
  return {
    processorId: 'callcentre-a',
    campaignId: 'campaign-heat',
    similarProductGroup: 'ENERGY',
    result: 'answered',
    callOutcome: null,
    callbackAt: null,
    eventIds: [`ev-call-${overrides.at}`],
    ...overrides,
  };
}

export function input(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    contact: contactView(),
    campaign: campaignView(),
    processor: processorView(),
    registry: { listings: [] },
    at: TUESDAY_MORNING,
    ...overrides,
  };
}
