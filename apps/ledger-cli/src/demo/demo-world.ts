import type { BalancingTestFactors, DncRegistry } from '@calltrail/domain';
import { DAY, HOUR, iso, isoDate, type DemoPlan } from './demo-plan';
import type { DemoCountry } from './demo-people';

/** The controller's own numbers, shown as caller id. */
export const CALLER_IDS = { BE: '+3232010100', NL: '+31202010100', FR: '+33142010100' } as const;

export interface DemoProcessor {
  processorId: string;
  name: string;
  country: string;
  /** When the controller started working with it. */
  since: number;
  agents: string[];
}

export interface DemoCampaign {
  campaignId: string;
  name: string;
  country: DemoCountry;
  productCategory: string;
  registry: DncRegistry | null;
  /** Days between two DNC scrubs (the pack allows 5 in BE, 30 in FR). */
  scrubEveryDays: number;
  startsAt: number;
  endsAt: number;
}

export interface DemoWorld {
  callCentreBe: DemoProcessor;
  callCentreMa: DemoProcessor;
  broker: DemoProcessor;
  campaigns: Record<DemoCountry, DemoCampaign>;
}

/** Dutch law: from 2026-07-01 the customer exception no longer covers commercial telemarketing. */
const NL_EXCEPTION_ENDS = Date.parse('2026-06-30T18:00:00Z');
/** French law: consumer telemarketing needs opt-in from 2026-08-11. */
const FR_OPT_IN_STARTS = Date.parse('2026-08-10T18:00:00Z');

export function setUpWorld(plan: DemoPlan): DemoWorld {
  const { random, start, end } = plan;
  setOrganisation(plan, start - 60 * DAY);
  const callCentreBe = processor(plan, 'Belcall Contact Center NV', 'BE', start - 45 * DAY, ['be-agent-01', 'be-agent-02', 'be-agent-03']);
  // The offshore centre joins after eight months, without standard contractual clauses (seed 001).
  const callCentreMa = processor(plan, 'Atlas Appels SARL (Casablanca)', 'MA', start + 240 * DAY, ['ma-agent-01', 'ma-agent-02', 'ma-agent-03']);
  const broker = processor(plan, 'ProspectData BV', 'NL', start - 50 * DAY, [], 'list_broker');
  for (const centre of [callCentreBe, callCentreMa]) {
    // One agent of the offshore centre never had privacy training (seed 000 §5).
    const trained = centre === callCentreMa ? centre.agents.slice(0, 2) : centre.agents;
    for (const agentId of trained) {
      plan.add(centre.since + 2 * DAY, {
        type: 'RecordAgentTraining', processorId: centre.processorId, agentId, course: 'GDPR and telemarketing basics',
        completedOn: isoDate(centre.since + 2 * DAY), validUntil: null,
      });
    }
  }
  const campaigns = {
    BE: campaign(plan, {
      campaignId: random.uuid(), name: 'Zonnepanelen Vlaanderen', country: 'BE', productCategory: 'solar-panels',
      registry: 'BE_DNCM', scrubEveryDays: 4, startsAt: start, endsAt: end + DAY,
    }, true),
    NL: campaign(plan, {
      campaignId: random.uuid(), name: 'Energiecontract verlengen', country: 'NL', productCategory: 'energy-contracts',
      registry: null, scrubEveryDays: 0, startsAt: start, endsAt: Math.min(NL_EXCEPTION_ENDS, end),
    }, true),
    // The French campaign ran without a DPIA: the audit shows it.
    FR: campaign(plan, {
      campaignId: random.uuid(), name: 'Isolation des combles', country: 'FR', productCategory: 'insulation',
      registry: 'FR_BLOCTEL', scrubEveryDays: 25, startsAt: start + 30 * DAY, endsAt: Math.min(FR_OPT_IN_STARTS, end),
    }, false),
  } satisfies Record<DemoCountry, DemoCampaign>;
  return { callCentreBe, callCentreMa, broker, campaigns };
}

function setOrganisation(plan: DemoPlan, at: number): void {
  plan.add(at, {
    type: 'SetOrganisationProfile',
    profile: {
      controller: { name: 'Lumen Energie NV', address: 'Meir 1, 2000 Antwerpen', country: 'BE', email: 'privacy@lumen.example', registrationNumber: 'BE0123.456.789' },
      dpo: { name: 'Data Protection Office Lumen', address: 'Meir 1, 2000 Antwerpen', country: 'BE', email: 'dpo@lumen.example' },
      representative: null,
      securityMeasures: ['encryption of personal data per person (AES-256-GCM)', 'role-based API keys', 'tamper-evident event ledger'],
      retentionPolicy: { prospectMonths: 24, customerMonths: 60, recordingMonths: 6, documentRef: 'retention-policy-2024.pdf' },
      callerIds: Object.values(CALLER_IDS),
    },
  });
}

function processor(plan: DemoPlan, name: string, country: string, since: number, agents: string[], role: 'call_centre' | 'list_broker' = 'call_centre'): DemoProcessor {
  const processorId = plan.random.uuid();
  plan.add(since, { type: 'RegisterProcessor', processorId, name, role, country });
  plan.add(since + HOUR, {
    type: 'SignProcessorAgreement', processorId, agreementId: plan.random.uuid(), validFrom: isoDate(since),
    validUntil: null, documentRef: `dpa-${name.split(' ')[0]!.toLowerCase()}.pdf`,
  });
  return { processorId, name, country, since, agents };
}

function campaign(plan: DemoPlan, spec: DemoCampaign, withDpia: boolean): DemoCampaign {
  const { campaignId, startsAt, endsAt } = spec;
  const definedAt = startsAt - 30 * DAY;
  plan.add(definedAt, {
    type: 'DefineCampaign', campaignId, name: spec.name, purpose: `Telemarketing: ${spec.productCategory} (${spec.country})`,
    legalBasis: 'legitimate_interest', audience: 'B2C', channel: 'phone', productCategory: spec.productCategory,
    similarProductGroup: spec.productCategory, jurisdictions: [spec.country], targetProfessions: null,
    callingProfile: { maxRings: 6, retryAfterHours: 24 },
  });
  // A passed balancing test before the first call, renewed every year (seed 000 §4, seed 003).
  for (let assessedAt = definedAt + 5 * DAY; assessedAt < endsAt; assessedAt += 360 * DAY) {
    plan.add(assessedAt, {
      type: 'RecordBalancingTest', campaignId, testId: plan.random.uuid(), outcome: 'passed', assessedAt: iso(assessedAt),
      validUntil: null, customerTermMonths: spec.country === 'NL' ? 36 : null,
      documentRef: `balancing-test-${spec.country.toLowerCase()}-${isoDate(assessedAt)}.pdf`, factors: balancingFactors(spec),
    });
  }
  if (withDpia) {
    plan.add(definedAt + 10 * DAY, {
      type: 'RecordDpia', campaignId, dpiaId: plan.random.uuid(), outcome: 'acceptable_with_measures', assessedAt: iso(definedAt + 10 * DAY),
      documentRef: `dpia-${spec.country.toLowerCase()}.pdf`, dpoConsulted: true, authorityConsulted: false,
    });
  }
  plan.add(startsAt, { type: 'StartCampaign', campaignId });
  if (endsAt <= plan.end) plan.add(endsAt, { type: 'EndCampaign', campaignId, reason: 'end of the legal window for this campaign' });
  return spec;
}

function balancingFactors(spec: DemoCampaign): BalancingTestFactors {
  return {
    customerRelationship: {
      paymentObligation: 'at signature of the contract',
      timeSinceLastPurchase: spec.country === 'NL' ? 'at most 36 months' : 'not applicable (prospects)',
      productsBoughtAndOffered: `${spec.productCategory}, offered again to the same households`,
      replacementCycleMonths: 36,
      averageContractMonths: spec.country === 'NL' ? 12 : null,
    },
    impact: {
      personalDataUsed: ['name', 'phone', 'purchase history'],
      startsWhen: 'after the welcome period',
      frequency: 'at most one answered call per quarter',
      safeguards: ['DNC scrub', 'objection honoured at once by every call centre', 'no calls outside office hours'],
    },
    weighing: {
      organisationInterest: 'keeping customers informed of cheaper, greener offers',
      conversionOverview: 'CTM report, conversion per bucket of months since purchase',
      objectionOverview: 'CTM report, objections per bucket',
      complaintOverview: 'CTM report, complaints per bucket',
    },
    justification: 'conversion stays above objections within the term',
    dpoConsulted: true,
  };
}
