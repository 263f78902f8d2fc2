import { randomUUID } from 'node:crypto';
import type { CommandResult } from '@calltrail/ledger';
import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, type GraphqlResponse } from '../support/graphql-client';
import { ledgerTargets, openTargetLedger } from '../support/ledger-targets';

/**
 * The campaign, processor and organisation mutations over HTTP: each stores its event, a bad
 * input or a domain refusal stores nothing and says why, and only compliance keys may send them.
 * On PGlite, the EventStoreDB stand-in, and PostgreSQL when DATABASE_URL is set.
 */

/** The mutation named `name`, taking `<Name>Input`, as a client writes it. */
function mutation(name: string): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${inputType}!, $commandId: ID, $trace: CommandTraceInput) {
    ${name}(input: $input, commandId: $commandId, trace: $trace) {
      commandId streamId replayed events { eventId type streamId streamVersion globalPosition }
    }
  }`;
}

const processorId = randomUUID();
const agreementId = randomUUID();
const campaignId = randomUUID();
const breachId = randomUUID();
const contactIds = [randomUUID(), randomUUID()];

const balancingTestFactors = {
  customerRelationship: {
    paymentObligation: 'at delivery of the insulation works',
    timeSinceLastPurchase: 'up to 24 months',
    productsBoughtAndOffered: 'roof insulation bought; cavity-wall insulation offered',
    replacementCycleMonths: null,
    averageContractMonths: 24,
  },
  impact: {
    personalDataUsed: ['name', 'phone', 'purchase history'],
    startsWhen: 'three months after delivery',
    frequency: 'at most twice a year',
    safeguards: ['objection honoured by every call centre at once', 'no calls outside working hours'],
  },
  weighing: {
    organisationInterest: 'repeat sales to satisfied customers',
    conversionOverview: 'CTM report 2025-Q4, conversion by months since purchase',
    objectionOverview: 'CTM report 2025-Q4, objections by months since purchase',
    complaintOverview: 'CTM report 2025-Q4, complaints by months since purchase',
  },
  justification: 'conversion stays above objections and complaints up to 24 months',
  dpoConsulted: true,
};

const organisationProfile = {
  controller: {
    name: 'Futura Energie BV',
    address: 'Stationsplein 1, 3511 ED Utrecht',
    country: 'NL',
    email: 'privacy@futura.example',
    registrationNumber: 'KvK 12345678',
  },
  dpo: { name: 'DPO Office Futura', address: 'Stationsplein 1, 3511 ED Utrecht', country: 'NL', email: 'dpo@futura.example' },
  representative: null,
  securityMeasures: ['personal fields encrypted per person', 'API keys per role'],
  retentionPolicy: { prospectMonths: 12, customerMonths: 36, recordingMonths: 6, documentRef: 'policy/retention-2026.pdf' },
  callerIds: ['+31301234567'],
};

interface Step {
  mutation: string;
  input: Record<string, unknown>;
  /** The event the mutation stores, and what its data must hold. */
  type: string;
  data: Record<string, unknown>;
}

const processorSteps: Step[] = [
  {
    mutation: 'registerProcessor',
    input: { processorId, name: 'Atlas Appels SARL', role: 'call_centre', country: 'MA', occurredAt: '2026-01-05T09:00:00Z' },
    type: 'ProcessorRegistered',
    data: { processorId, name: 'Atlas Appels SARL', role: 'call_centre', country: 'MA' },
  },
  {
    mutation: 'signProcessorAgreement',
    input: { processorId, agreementId, validFrom: '2026-01-10', validUntil: '2027-12-31', documentRef: 'dpa/atlas-2026.pdf' },
    type: 'ProcessorAgreementSigned',
    data: { processorId, agreementId, validFrom: '2026-01-10', validUntil: '2027-12-31', documentRef: 'dpa/atlas-2026.pdf' },
  },
  {
    mutation: 'recordTransferSafeguard',
    input: {
      processorId,
      safeguardId: randomUUID(),
      kind: 'scc',
      destinationCountry: 'MA',
      validFrom: '2026-01-10',
      documentRef: 'scc/atlas-2026.pdf',
    },
    type: 'TransferSafeguardRecorded',
    data: { processorId, kind: 'scc', destinationCountry: 'MA', validFrom: '2026-01-10', validUntil: null },
  },
  {
    mutation: 'shareDataWithProcessor',
    input: { processorId, shareId: randomUUID(), contactIds: [...contactIds, contactIds[0]], dataCategories: ['name', 'phone'], campaignId },
    type: 'DataSharedWithProcessor',
    // Repeated contacts are stored once; the destination defaults to the processor's country.
    data: { processorId, contactIds, dataCategories: ['name', 'phone'], destinationCountry: 'MA', campaignId },
  },
  {
    mutation: 'recordAgentTraining',
    input: { processorId, agentId: 'agent-17', course: 'GDPR for telemarketing', completedOn: '2026-02-10' },
    type: 'AgentTrainingRecorded',
    data: { processorId, agentId: 'agent-17', course: 'GDPR for telemarketing', completedOn: '2026-02-10', validUntil: null },
  },
  {
    mutation: 'endProcessorAgreement',
    input: { processorId, agreementId, reason: 'contract not renewed' },
    type: 'ProcessorAgreementEnded',
    data: { processorId, agreementId, reason: 'contract not renewed' },
  },
];

const campaignSteps: Step[] = [
  {
    mutation: 'defineCampaign',
    input: {
      campaignId,
      name: 'Isolatie najaar 2026',
      purpose: 'Offering cavity-wall insulation to past customers',
      legalBasis: 'legitimate_interest',
      audience: 'B2C',
      channel: 'phone',
      productCategory: 'insulation',
      similarProductGroup: 'home-energy',
      jurisdictions: ['NL', 'BE'],
      callingProfile: { maxRings: 6 },
    },
    type: 'CampaignDefined',
    data: {
      campaignId,
      legalBasis: 'legitimate_interest',
      jurisdictions: ['NL', 'BE'],
      targetProfessions: { roles: [], sectors: [] },
      callingProfile: { maxRings: 6, retryAfterHours: null },
    },
  },
  {
    mutation: 'amendCampaign',
    input: { campaignId, changes: { purpose: 'Offering insulation and heat pumps to past customers', callingProfile: { retryAfterHours: 48 } } },
    type: 'CampaignAmended',
    // The calling profile is replaced whole: maxRings is no longer set.
    data: {
      campaignId,
      changes: { purpose: 'Offering insulation and heat pumps to past customers', callingProfile: { maxRings: null, retryAfterHours: 48 } },
      principlesChanged: true,
    },
  },
  {
    mutation: 'recordBalancingTest',
    input: {
      campaignId,
      testId: randomUUID(),
      outcome: 'passed',
      assessedAt: '2026-03-01T10:00:00Z',
      customerTermMonths: 24,
      documentRef: 'ctm/balancing-test-2026.pdf',
      factors: balancingTestFactors,
    },
    type: 'BalancingTestRecorded',
    data: {
      outcome: 'passed',
      assessedAt: '2026-03-01T10:00:00.000Z',
      validUntil: '2027-03-01T10:00:00.000Z',
      customerTermMonths: 24,
      factors: balancingTestFactors,
    },
  },
  {
    mutation: 'recordDpia',
    input: { campaignId, dpiaId: randomUUID(), outcome: 'acceptable_with_measures', assessedAt: '2026-03-02T10:00:00Z', documentRef: 'dpia/2026.pdf', dpoConsulted: true },
    type: 'DpiaRecorded',
    data: { outcome: 'acceptable_with_measures', dpoConsulted: true, authorityConsulted: false },
  },
  { mutation: 'startCampaign', input: { campaignId }, type: 'CampaignStarted', data: { campaignId } },
  {
    mutation: 'recordDncScrub',
    input: { campaignId, registry: 'BE_DNCM', snapshotVersion: '2026-11-28', contactsChecked: 1200, numbersSuppressed: 87 },
    type: 'DncScrubPerformed',
    data: { campaignId, registry: 'BE_DNCM', snapshotVersion: '2026-11-28', contactsChecked: 1200, numbersSuppressed: 87 },
  },
  { mutation: 'endCampaign', input: { campaignId, reason: 'season over' }, type: 'CampaignEnded', data: { campaignId, reason: 'season over' } },
];

const organisationSteps: Step[] = [
  {
    mutation: 'setOrganisationProfile',
    input: { profile: organisationProfile },
    type: 'OrganisationProfileSet',
    data: organisationProfile,
  },
  {
    mutation: 'recordBreachDetected',
    input: {
      breachId,
      detectedAt: '2026-11-20T08:00:00Z',
      nature: 'a laptop with a call list was stolen',
      dataCategories: ['name', 'phone'],
      approximateSubjects: 350,
      processorId,
    },
    type: 'BreachDetected',
    data: { breachId, detectedAt: '2026-11-20T08:00:00.000Z', approximateSubjects: 350, processorId },
  },
  {
    mutation: 'recordBreachNotified',
    input: { breachId, authority: 'AP', notifiedAt: '2026-11-21T09:00:00Z', reference: 'AP-2026-0042', subjectsInformed: false },
    type: 'BreachNotified',
    data: { breachId, authority: 'AP', notifiedAt: '2026-11-21T09:00:00.000Z', reference: 'AP-2026-0042', subjectsInformed: false },
  },
];

/** Bad inputs: the mutation, the input, the field the error names, and the rule it states. */
const badInputs: Array<[string, Record<string, unknown>, string, string]> = [
  ['registerProcessor', { processorId: 'callcentre-a', name: 'X', role: 'call_centre', country: 'BE' }, 'processorId', 'processorId must be a UUID'],
  [
    'registerProcessor',
    { processorId: randomUUID(), name: 'X', role: 'telemarketer', country: 'BE' },
    'role',
    'role must be one of call_centre, list_broker, dialer_vendor, email_service, other',
  ],
  [
    'signProcessorAgreement',
    { processorId, agreementId: randomUUID(), validFrom: '10/01/2026', documentRef: 'dpa.pdf' },
    'validFrom',
    'validFrom must be a date YYYY-MM-DD',
  ],
  [
    'recordAgentTraining',
    { processorId, agentId: 'agent-17', course: 'GDPR', completedOn: '2026-02-30' },
    'completedOn',
    'completedOn must be a day of the calendar (no 30 February)',
  ],
  [
    'shareDataWithProcessor',
    { processorId, shareId: randomUUID(), contactIds, dataCategories: ['health'] },
    'dataCategories',
    'every item of dataCategories must be one of name, phone',
  ],
  ['shareDataWithProcessor', { processorId, shareId: randomUUID(), contactIds: [], dataCategories: ['name'] }, 'contactIds', 'contactIds must list at least one item'],
  [
    'defineCampaign',
    { ...campaignSteps[0]!.input, campaignId: randomUUID(), jurisdictions: ['Belgium'] },
    'jurisdictions',
    'every item of jurisdictions must be an ISO 3166-1 alpha-2 country code',
  ],
  [
    'defineCampaign',
    { ...campaignSteps[0]!.input, campaignId: randomUUID(), legalBasis: 'gut_feeling' },
    'legalBasis',
    'legalBasis must be one of consent, legitimate_interest, existing_customer',
  ],
  [
    'defineCampaign',
    { ...campaignSteps[0]!.input, campaignId: randomUUID(), callingProfile: { maxRings: 0 } },
    'callingProfile.maxRings',
    'maxRings must be 1 or more',
  ],
  ['amendCampaign', { campaignId, changes: { callingProfile: { maxRings: 0 } } }, 'changes.callingProfile.maxRings', 'maxRings must be 1 or more'],
  [
    'recordBalancingTest',
    {
      ...campaignSteps[2]!.input,
      testId: randomUUID(),
      factors: { ...balancingTestFactors, impact: { ...balancingTestFactors.impact, frequency: '   ' } },
    },
    'factors.impact.frequency',
    'frequency may not be empty',
  ],
  ['recordDncScrub', { campaignId, registry: 'NL_BELMENIET', snapshotVersion: 'v1', contactsChecked: 1, numbersSuppressed: 0 }, 'registry', 'registry must be one of BE_DNCM, FR_BLOCTEL, UK_TPS'],
  ['recordDncScrub', { campaignId, registry: 'BE_DNCM', snapshotVersion: 'v1', contactsChecked: -1, numbersSuppressed: 0 }, 'contactsChecked', 'contactsChecked must be 0 or more'],
  [
    'setOrganisationProfile',
    { profile: { ...organisationProfile, controller: { ...organisationProfile.controller, country: 'nl' } } },
    'profile.controller.country',
    'country must be an ISO 3166-1 alpha-2 country code in capitals',
  ],
  [
    'setOrganisationProfile',
    { profile: { ...organisationProfile, retentionPolicy: { ...organisationProfile.retentionPolicy, prospectMonths: 0 } } },
    'profile.retentionPolicy.prospectMonths',
    'prospectMonths must be 1 or more',
  ],
  [
    'setOrganisationProfile',
    { profile: { ...organisationProfile, callerIds: ['030 123 45 67'] } },
    'profile.callerIds',
    'every item of callerIds must be a phone number in E.164 form',
  ],
  [
    'recordBreachDetected',
    { breachId: randomUUID(), detectedAt: '2026-11-20T08:00:00Z', nature: 'x', dataCategories: [] },
    'dataCategories',
    'dataCategories must list at least one item',
  ],
];

/** Domain refusals, once the story above is stored: the mutation, the input, the code and the field. */
const domainRefusals: Array<[string, Record<string, unknown>, string, string]> = [
  ['startCampaign', { campaignId: randomUUID() }, 'CAMPAIGN_NOT_FOUND', 'campaignId'],
  ['startCampaign', { campaignId }, 'CAMPAIGN_ENDED', 'campaignId'],
  [
    'defineCampaign',
    { ...campaignSteps[0]!.input, campaignId: randomUUID(), audience: 'B2B', targetProfessions: null },
    'INVALID_FIELD',
    'targetProfessions',
  ],
  ['registerProcessor', processorSteps[0]!.input, 'STREAM_ALREADY_EXISTS', 'processorId'],
  ['endProcessorAgreement', { processorId, agreementId }, 'AGREEMENT_ALREADY_ENDED', 'agreementId'],
  ['recordAgentTraining', { processorId: randomUUID(), agentId: 'a', course: 'c', completedOn: '2026-02-10' }, 'PROCESSOR_NOT_FOUND', 'processorId'],
  [
    'recordBreachNotified',
    { breachId, authority: 'CNIL', notifiedAt: '2026-11-19T09:00:00Z', subjectsInformed: false },
    'OUT_OF_ORDER',
    'notifiedAt',
  ],
  ['recordBreachDetected', { breachId: randomUUID(), detectedAt: '2999-01-01T00:00:00Z', nature: 'x', dataCategories: ['name'] }, 'OCCURRED_IN_FUTURE', 'detectedAt'],
];

describe.each(ledgerTargets())('campaign, processor and organisation mutations on %s, over HTTP', (_store, prepare) => {
  let cleanup: () => Promise<void>;
  let ledger: Ledger;
  let server: RunningServer;
  let compliance: { key: string; keyId: string };
  let processorKey: string;
  let analystKey: string;
  let adminKey: string;

  interface SendOptions {
    key?: string;
    commandId?: string;
    trace?: { correlationId?: string; causationId?: string };
  }

  async function send(name: string, input: Record<string, unknown>, options: SendOptions = {}) {
    const { key, ...ids } = options;
    return graphql<Record<string, CommandResult>>(server.url, mutation(name), {
      key: key ?? compliance.key,
      variables: { input, ...ids },
    });
  }

  /** Sends a mutation that must be refused, and checks that the ledger stored nothing for it. */
  async function refused(name: string, input: Record<string, unknown>, key?: string, ids: SendOptions = {}): Promise<GraphqlResponse['body']['errors']> {
    const before = await ledger.store.headPosition();
    const response = await send(name, input, { ...ids, key });
    expect(response.body.data ?? null).toBeNull();
    expect(response.text).not.toMatch(/stacktrace|\bat .+:\d+:\d+/);
    expect(await ledger.store.headPosition()).toBe(before);
    return response.body.errors;
  }

  async function storesItsEvent(step: Step): Promise<void> {
    const before = await ledger.store.headPosition();
    const response = await send(step.mutation, step.input);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data![step.mutation]!;
    expect(result.replayed).toBe(false);
    expect(result.events.map((event) => event.type)).toEqual([step.type]);
    // Positions grow with each event (on EventStoreDB they are not consecutive numbers).
    expect(result.events[0]!.globalPosition).toBeGreaterThan(before);
    expect(await ledger.store.headPosition()).toBe(result.events[0]!.globalPosition);

    const stored = (await ledger.store.readStream(result.streamId)).at(-1)!;
    expect(stored).toMatchObject({ eventId: result.events[0]!.eventId, type: step.type, streamVersion: result.events[0]!.streamVersion });
    expect(stored.data).toMatchObject(step.data);
    expect(stored.metadata.actor).toMatchObject({ keyId: compliance.keyId, role: 'compliance' });
  }

  beforeAll(async () => {
    const target = await prepare();
    cleanup = target.cleanup;
    ledger = await openTargetLedger(target, { CALLTRAIL_PORT: '0' });
    adminKey = (await ledger.apiKeys.createFirstAdminKey())!.key;
    const created = await ledger.apiKeys.create({ role: 'compliance', label: 'compliance officer' });
    compliance = { key: created.key, keyId: created.record.keyId };
    processorKey = (await ledger.apiKeys.create({ role: 'processor', processorId, label: 'Atlas' })).key;
    analystKey = (await ledger.apiKeys.create({ role: 'analyst', label: 'analyst' })).key;
    server = await startServer(ledger);
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await cleanup?.();
  });

  it.each(processorSteps.map((step) => [step.mutation, step] as const))('processor stream: %s stores its event', async (_name, step) => {
    await storesItsEvent(step);
  });

  it.each(campaignSteps.map((step) => [step.mutation, step] as const))('campaign stream: %s stores its event', async (_name, step) => {
    await storesItsEvent(step);
  });

  it.each(organisationSteps.map((step) => [step.mutation, step] as const))('organisation stream: %s stores its event', async (_name, step) => {
    await storesItsEvent(step);
  });

  it("keeps the caller's occurredAt and the ledger's recordedAt apart", async () => {
    const [registered] = await ledger.store.readStream(`processor-${processorId}`);
    expect(registered!.metadata.occurredAt).toBe('2026-01-05T09:00:00.000Z');
    expect(Date.parse(registered!.metadata.recordedAt)).toBeGreaterThan(Date.parse('2026-01-05T09:00:00Z'));
  });

  it.each(badInputs.map(([name, input, field, rule]) => [name, field, input, rule] as const))(
    '%s refuses a bad %s as INVALID_INPUT, and stores nothing',
    async (name, field, input, rule) => {
      const [error] = (await refused(name, input))!;
      expect(error!.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(error!.message).toContain(rule);
    },
  );

  it('refuses every admin mutation to processor, analyst and admin keys as FORBIDDEN, and stores nothing', async () => {
    const attempts: Array<[string, string, Record<string, unknown>]> = [
      [processorKey, 'recordAgentTraining', { processorId, agentId: 'agent-18', course: 'GDPR', completedOn: '2026-02-11' }],
      [processorKey, 'shareDataWithProcessor', { processorId, shareId: randomUUID(), contactIds, dataCategories: ['name'] }],
      [analystKey, 'defineCampaign', { ...campaignSteps[0]!.input, campaignId: randomUUID() }],
      [analystKey, 'setOrganisationProfile', { profile: organisationProfile }],
      [adminKey, 'registerProcessor', { processorId: randomUUID(), name: 'Y', role: 'call_centre', country: 'BE' }],
    ];
    for (const [key, name, input] of attempts) {
      const [error] = (await refused(name, input, key))!;
      expect(error!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it.each(domainRefusals.map(([name, input, code, field]) => [name, code, field, input] as const))(
    '%s is refused by the domain with %s on %s, and stores nothing',
    async (name, code, field, input) => {
      const [error] = (await refused(name, input))!;
      expect(error!.extensions).toMatchObject({ code, field });
    },
  );

  it('applies a repeated commandId once and answers the same', async () => {
    const input = { ...campaignSteps[0]!.input, campaignId: randomUUID() };
    const commandId = randomUUID();
    const first = await send('defineCampaign', input, { commandId });
    expect(first.body.errors).toBeUndefined();
    const head = await ledger.store.headPosition();
    const again = await send('defineCampaign', input, { commandId });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!['defineCampaign']).toEqual({ ...first.body.data!['defineCampaign'], replayed: true });
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('stores the correlation and causation ids sent with a mutation in the metadata of its events', async () => {
    const input = { ...campaignSteps[0]!.input, campaignId: randomUUID() };
    const trace = { correlationId: 'crm-batch-2026-12-01', causationId: randomUUID() };
    const response = await send('defineCampaign', input, { trace });
    expect(response.body.errors).toBeUndefined();
    const [stored] = await ledger.store.readStream(`campaign-${input.campaignId}`);
    expect(stored!.metadata).toMatchObject(trace);
  });

  it.each([
    ['correlationId', { correlationId: 'has a space' }, 'printable ASCII without spaces'],
    ['causationId', { causationId: 'x'.repeat(201) }, 'at most 200 characters'],
  ] as const)('refuses a bad %s as INVALID_INPUT, and stores nothing', async (field, trace, rule) => {
    const input = { ...campaignSteps[0]!.input, campaignId: randomUUID() };
    const [error] = (await refused('defineCampaign', input, undefined, { trace }))!;
    expect(error!.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(error!.message).toContain(rule);
  });
});
