/**
 * The benchmark world as plain, deterministic data: processors, campaigns, contacts and calls are
 * functions of (seed, anchor, index). Nothing here touches a database; `generate.ts` seals and
 * stores what this describes. Personal values here are invented and plaintext until sealed.
 */
import { randomFor, type SeededRandom } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface BenchSpec {
  seed: number;
  contacts: number;
  events: number;
  /** The moment the data set leads up to (the day it was generated, 00:00 UTC). */
  anchor: Date;
}

export type Country = 'BE' | 'NL' | 'FR';
export const COUNTRIES: readonly Country[] = ['BE', 'NL', 'FR'];
const TIME_ZONES: Record<Country, string> = { BE: 'Europe/Brussels', NL: 'Europe/Amsterdam', FR: 'Europe/Paris' };

export interface PlannedEvent {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface BenchProcessor {
  key: string;
  processorId: string;
  name: string;
  role: 'call_centre' | 'list_broker';
  country: string;
  callerId: string;
}

export interface BenchCampaign {
  key: string;
  campaignId: string;
  country: Country;
  audience: 'B2B' | 'B2C';
  legalBasis: 'consent' | 'legitimate_interest' | 'existing_customer';
  productCategory: string;
  similarProductGroup: string;
  /** The processors that call for it (and receive its contacts' data). */
  processorKeys: string[];
}

export interface BenchPhone {
  e164: string;
  lineType: 'mobile' | 'landline';
}

export interface BenchContact {
  index: number;
  contactId: string;
  country: Country;
  audience: 'B2B' | 'B2C';
  phones: BenchPhone[];
  registeredAt: number;
  /** When the number was put on the national do-not-call list (BE, FR), if it was. */
  dncListedAt: number | null;
  /** Whether the contact is erased at the end of the data set (ErasureRequested + ErasureCompleted). */
  erased: boolean;
  /** The contact's own events (registration, consents, purchases, objections…), in time order. */
  events: PlannedEvent[];
}

export const PROCESSORS: readonly Omit<BenchProcessor, 'processorId'>[] = [
  { key: 'be-centre', name: 'Brussels Contact Centre NV', role: 'call_centre', country: 'BE', callerId: '+3225550100' },
  { key: 'ma-centre', name: 'Casablanca Offshore Calls SARL', role: 'call_centre', country: 'MA', callerId: '+3225550101' },
  { key: 'nl-centre', name: 'Utrecht Belcentrum BV', role: 'call_centre', country: 'NL', callerId: '+31302550100' },
  { key: 'fr-centre-a', name: 'Lyon Relation Client SAS', role: 'call_centre', country: 'FR', callerId: '+33472550100' },
  { key: 'fr-centre-b', name: 'Lille Appels SARL', role: 'call_centre', country: 'FR', callerId: '+33320550100' },
  { key: 'list-broker', name: 'Adressen & Lijsten BV', role: 'list_broker', country: 'NL', callerId: '+31205550100' },
];

export const CAMPAIGNS: readonly Omit<BenchCampaign, 'campaignId'>[] = [
  { key: 'be-heat-pumps', country: 'BE', audience: 'B2C', legalBasis: 'legitimate_interest', productCategory: 'heat-pumps', similarProductGroup: 'home-energy', processorKeys: ['be-centre', 'ma-centre'] },
  { key: 'be-insurance', country: 'BE', audience: 'B2C', legalBasis: 'consent', productCategory: 'home-insurance', similarProductGroup: 'insurance', processorKeys: ['be-centre'] },
  { key: 'be-solar-b2b', country: 'BE', audience: 'B2B', legalBasis: 'legitimate_interest', productCategory: 'solar-panels', similarProductGroup: 'home-energy', processorKeys: ['be-centre'] },
  { key: 'nl-energy', country: 'NL', audience: 'B2C', legalBasis: 'consent', productCategory: 'energy-contracts', similarProductGroup: 'energy', processorKeys: ['nl-centre'] },
  { key: 'nl-customers', country: 'NL', audience: 'B2C', legalBasis: 'existing_customer', productCategory: 'energy-contracts', similarProductGroup: 'energy', processorKeys: ['nl-centre'] },
  { key: 'nl-office-b2b', country: 'NL', audience: 'B2B', legalBasis: 'legitimate_interest', productCategory: 'office-supplies', similarProductGroup: 'office', processorKeys: ['nl-centre'] },
  { key: 'fr-heat-pumps', country: 'FR', audience: 'B2C', legalBasis: 'legitimate_interest', productCategory: 'heat-pumps', similarProductGroup: 'home-energy', processorKeys: ['fr-centre-a', 'fr-centre-b'] },
  { key: 'fr-insulation', country: 'FR', audience: 'B2C', legalBasis: 'consent', productCategory: 'insulation', similarProductGroup: 'home-energy', processorKeys: ['fr-centre-a'] },
  { key: 'fr-telecom-b2b', country: 'FR', audience: 'B2B', legalBasis: 'legitimate_interest', productCategory: 'business-telecom', similarProductGroup: 'telecom', processorKeys: ['fr-centre-b'] },
];

const B2B_ROLES = ['energy_manager', 'facility_manager', 'purchasing_manager', 'it_manager'];
const B2B_SECTORS = ['manufacturing', 'retail', 'logistics', 'hospitality'];
const FIRST_NAMES = ['Jan', 'An', 'Pieter', 'Sofie', 'Luc', 'Marie', 'Thomas', 'Emma', 'Lucas', 'Julie', 'Daan', 'Sanne', 'Hugo', 'Chloé'];
const LAST_NAMES = ['Peeters', 'Janssens', 'De Vries', 'Jansen', 'Bakker', 'Martin', 'Bernard', 'Dubois', 'Maes', 'Willems', 'Lefèvre', 'Visser'];

/** Two years of history before the anchor; contacts register in order of their index. */
const HISTORY_DAYS = 730;
/** Calls start a month after registration: after the data was shared with the call centres. */
const CALLS_AFTER_REGISTRATION_DAYS = 30;

export function processors(spec: BenchSpec): BenchProcessor[] {
  return PROCESSORS.map((processor, index) => ({ ...processor, processorId: randomFor(spec.seed, 'processor', index).uuid() }));
}

export function campaigns(spec: BenchSpec): BenchCampaign[] {
  return CAMPAIGNS.map((campaign, index) => ({ ...campaign, campaignId: randomFor(spec.seed, 'campaign', index).uuid() }));
}

export function campaignsFor(all: readonly BenchCampaign[], contact: Pick<BenchContact, 'country' | 'audience'>): BenchCampaign[] {
  return all.filter((campaign) => campaign.country === contact.country && campaign.audience === contact.audience);
}

/** A valid, unique E.164 number of the country for a number index (mobile or landline). */
export function phoneNumber(country: Country, lineType: 'mobile' | 'landline', n: number): string {
  const digits = (width: number) => String(n).padStart(width, '0');
  if (country === 'BE') return lineType === 'mobile' ? `+3247${digits(7)}` : `+322${digits(7)}`;
  if (country === 'NL') return lineType === 'mobile' ? `+316${digits(8)}` : `+3130${digits(7)}`;
  return lineType === 'mobile' ? `+336${digits(8)}` : `+331${digits(8)}`;
}

/** A number of the country that no contact holds (numbers above 5,000,000 are never given out). */
export function unregisteredNumber(country: Country, n: number): string {
  return phoneNumber(country, 'mobile', 5_000_000 + n);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A weekday moment between 09:00 and 17:00 UTC on the day of `ms` (a working hour in BE, NL and FR). */
function workingMoment(random: SeededRandom, ms: number): number {
  const day = new Date(Math.floor(ms / DAY) * DAY);
  const weekday = day.getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return day.getTime() + shift * DAY + random.int(8 * 60, 16 * 60) * 60_000 + random.int(0, 59) * 1_000;
}

export function contact(spec: BenchSpec, index: number): BenchContact {
  const random = randomFor(spec.seed, 'contact', index);
  const contactId = random.uuid();
  const country = random.weighted<Country>([['BE', 40], ['NL', 30], ['FR', 30]]);
  const audience = random.chance(0.3) ? 'B2B' : 'B2C';
  const start = spec.anchor.getTime() - HISTORY_DAYS * DAY;
  const span = (HISTORY_DAYS - 60) * DAY;
  const registeredAt = start + Math.floor((index / spec.contacts) * span) + random.int(0, HOUR);
  const firstLine = audience === 'B2B' && random.chance(0.6) ? 'landline' : 'mobile';
  const phones: BenchPhone[] = [{ e164: phoneNumber(country, firstLine, index), lineType: firstLine }];
  if (random.chance(0.15)) {
    const second = firstLine === 'mobile' ? 'landline' : 'mobile';
    phones.push({ e164: phoneNumber(country, second, 2_000_000 + index), lineType: second });
  }
  const dncListedAt = country !== 'NL' && random.chance(0.06) ? registeredAt + random.int(1, HISTORY_DAYS) * DAY : null;
  const erased = random.chance(0.002);
  const plan = { index, contactId, country, audience, phones, registeredAt } as const;
  return {
    ...plan,
    dncListedAt: dncListedAt !== null && dncListedAt < spec.anchor.getTime() ? dncListedAt : null,
    erased,
    events: contactEvents(spec, random, plan),
  };
}

type ContactBasics = Pick<BenchContact, 'index' | 'contactId' | 'country' | 'audience' | 'phones' | 'registeredAt'>;

function contactEvents(spec: BenchSpec, random: SeededRandom, contact: ContactBasics): PlannedEvent[] {
  const { contactId, country, audience, registeredAt } = contact;
  const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const sourceKind = random.weighted([['own_customer', 35], ['web_form', 25], ['event', 5], ['referral', 5], ['purchased_list', 20], ['rented_list', 10]] as const);
  const listSource = sourceKind === 'purchased_list' || sourceKind === 'rented_list';
  const events: PlannedEvent[] = [
    {
      type: 'ContactRegistered',
      occurredAt: iso(registeredAt),
      data: {
        contactId,
        audience,
        country,
        timeZone: TIME_ZONES[country],
        name,
        phones: contact.phones.map((phone) => ({ number: phone.e164, lineType: phone.lineType })),
        emails: random.chance(0.6) ? [`${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${contact.index}@example.org`] : [],
        company: audience === 'B2B' ? `${random.pick(LAST_NAMES)} ${random.pick(['NV', 'BV', 'SAS', 'SA'])}` : null,
        jobTitle: audience === 'B2B' ? random.pick(['Energy manager', 'Facility manager', 'Buyer', 'IT lead']) : null,
        profession: audience === 'B2B' ? { role: random.pick(B2B_ROLES), sector: random.pick(B2B_SECTORS) } : { role: null, sector: null },
        source: listSource
          ? { kind: sourceKind, provider: 'Adressen & Lijsten BV', collectionMethod: 'opt-in on partner comparison sites', reference: `list-${country}-${contact.index % 12}.csv`, obtainedAt: iso(registeredAt - 7 * DAY) }
          : { kind: sourceKind },
      },
    },
  ];
  let moment = registeredAt;
  const later = (minDays: number, maxDays: number) => {
    moment = Math.min(moment + random.int(minDays, maxDays) * DAY + random.int(0, 23) * HOUR, spec.anchor.getTime() - 2 * DAY);
    return iso(moment);
  };
  const categories = CAMPAIGNS.filter((campaign) => campaign.country === country).map((campaign) => campaign.productCategory);
  if (random.chance(audience === 'B2C' ? 0.45 : 0.2)) {
    const consentId = random.uuid();
    const givenAt = later(0, 20);
    const category = random.pick(categories);
    events.push({
      type: 'ConsentGiven',
      occurredAt: givenAt,
      data: {
        contactId,
        consentId,
        purpose: `marketing:${category}`,
        channels: random.chance(0.5) ? ['phone'] : ['phone', 'email'],
        campaignId: null,
        productCategory: random.chance(0.7) ? category : null,
        evidence: { method: random.pick(['web_form_opt_in', 'double_opt_in', 'recorded_call']), noticeVersion: 'consent-text-2025-01', givenAt, evidenceRef: `optin-${contact.index}` },
        expiresAt: null,
        receivedVia: { processorId: null, channel: 'web_form' },
      },
    });
    if (random.chance(0.08)) {
      events.push({ type: 'ConsentWithdrawn', occurredAt: later(30, 200), data: { contactId, consentId, receivedVia: { processorId: null, channel: 'email' } } });
    }
  }
  const purchases = sourceKind === 'own_customer' ? random.int(1, 3) : random.chance(0.08) ? 1 : 0;
  for (let n = 0; n < purchases; n += 1) {
    const on = later(10, 180).slice(0, 10);
    const service = random.chance(0.3);
    events.push({
      type: 'PurchaseRecorded',
      occurredAt: `${on}T12:00:00.000Z`,
      data: { contactId, purchaseId: random.uuid(), productCategory: random.pick(categories), purchasedOn: on, contractEndsOn: service ? `${Number(on.slice(0, 4)) + 2}${on.slice(4)}` : null },
    });
  }
  if (random.chance(0.03)) {
    events.push({
      type: 'ObjectionRaised',
      occurredAt: later(20, 300),
      data: { contactId, objectionId: random.uuid(), scope: 'direct_marketing', receivedVia: { processorId: null, channel: 'letter' }, callId: null, campaignId: null, text: null },
    });
  }
  if (random.chance(0.005)) {
    events.push({
      type: 'ComplaintReceived',
      occurredAt: later(20, 300),
      data: { contactId, complaintId: random.uuid(), subject: 'unwanted_call', receivedVia: { processorId: null, channel: 'email' }, callId: null, campaignId: null, viaSupervisoryAuthority: false, text: null },
    });
  }
  // Purchases and the rest were drawn in time order; keep the stream sorted by occurredAt anyway.
  return events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

/** The events a campaign's stream holds, with scrubs against the snapshots in `snapshots` (BE every 5 days, FR every 30). */
export function campaignEvents(spec: BenchSpec, campaign: BenchCampaign, snapshots: readonly BenchSnapshot[]): PlannedEvent[] {
  const random = randomFor(spec.seed, 'campaign-events', CAMPAIGNS.findIndex((c) => c.key === campaign.key));
  const anchor = spec.anchor.getTime();
  const definedAt = anchor - HISTORY_DAYS * DAY;
  const startedAt = definedAt + 30 * DAY;
  const { campaignId } = campaign;
  const events: PlannedEvent[] = [
    {
      type: 'CampaignDefined',
      occurredAt: iso(definedAt),
      data: {
        campaignId,
        name: `${campaign.productCategory} (${campaign.country}, ${campaign.audience})`,
        purpose: `Offer ${campaign.productCategory} by phone`,
        legalBasis: campaign.legalBasis,
        audience: campaign.audience,
        channel: 'phone',
        productCategory: campaign.productCategory,
        similarProductGroup: campaign.similarProductGroup,
        jurisdictions: [campaign.country],
        targetProfessions: campaign.audience === 'B2B' ? { roles: B2B_ROLES.slice(0, 3), sectors: [] } : { roles: [], sectors: [] },
        callingProfile: { maxRings: 6, retryAfterHours: 24 },
      },
    },
  ];
  if (campaign.legalBasis !== 'consent') {
    // A test every year, the last one less than twelve months old.
    for (let assessed = definedAt + 7 * DAY; assessed < anchor; assessed += 330 * DAY) {
      events.push({
        type: 'BalancingTestRecorded',
        occurredAt: iso(assessed),
        data: {
          campaignId, testId: random.uuid(), outcome: 'passed', assessedAt: iso(assessed), validUntil: iso(assessed + 365 * DAY),
          customerTermMonths: campaign.legalBasis === 'existing_customer' ? 36 : null, documentRef: `bt-${campaign.key}-${iso(assessed).slice(0, 10)}.pdf`,
          factors: BALANCING_FACTORS,
        },
      });
    }
  }
  events.push({
    type: 'DpiaRecorded',
    occurredAt: iso(definedAt + 10 * DAY),
    data: { campaignId, dpiaId: random.uuid(), outcome: 'acceptable', assessedAt: iso(definedAt + 10 * DAY), documentRef: `dpia-${campaign.key}.pdf`, dpoConsulted: true, authorityConsulted: false },
  });
  events.push({ type: 'CampaignStarted', occurredAt: iso(startedAt), data: { campaignId } });
  const registry = campaign.country === 'BE' ? 'BE_DNCM' : campaign.country === 'FR' ? 'FR_BLOCTEL' : null;
  if (registry) {
    const everyDays = registry === 'BE_DNCM' ? 5 : 30;
    const ofRegistry = snapshots.filter((snapshot) => snapshot.registry === registry);
    for (let at = anchor - DAY; at > startedAt; at -= everyDays * DAY) {
      const inForce = ofRegistry.filter((snapshot) => snapshot.takenAt <= at).at(-1);
      if (!inForce) break;
      events.push({
        type: 'DncScrubPerformed',
        occurredAt: iso(at),
        data: { campaignId, registry, snapshotVersion: inForce.version, contactsChecked: random.int(5_000, 40_000), numbersSuppressed: random.int(100, 2_000) },
      });
    }
  }
  return events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

export interface BenchSnapshot {
  registry: 'BE_DNCM' | 'FR_BLOCTEL';
  version: string;
  takenAt: number;
}

/** Monthly snapshots of the BE and FR registries over the last six months. */
export function snapshots(spec: BenchSpec): BenchSnapshot[] {
  const anchor = spec.anchor.getTime();
  return (['BE_DNCM', 'FR_BLOCTEL'] as const).flatMap((registry) =>
    Array.from({ length: 6 }, (_, n) => {
      const takenAt = anchor - (5 - n) * 30 * DAY - 3 * DAY;
      return { registry, version: `${registry.toLowerCase()}-${iso(takenAt).slice(0, 10)}`, takenAt };
    }),
  );
}

export function processorEvents(spec: BenchSpec, processor: BenchProcessor): PlannedEvent[] {
  const random = randomFor(spec.seed, 'processor-events', PROCESSORS.findIndex((p) => p.key === processor.key));
  const signedAt = spec.anchor.getTime() - (HISTORY_DAYS + 30) * DAY;
  const { processorId } = processor;
  const events: PlannedEvent[] = [
    { type: 'ProcessorRegistered', occurredAt: iso(signedAt), data: { processorId, name: processor.name, role: processor.role, country: processor.country } },
    {
      type: 'ProcessorAgreementSigned',
      occurredAt: iso(signedAt),
      data: { processorId, agreementId: random.uuid(), validFrom: iso(signedAt).slice(0, 10), validUntil: null, documentRef: `dpa-${processor.key}.pdf` },
    },
  ];
  if (processor.country === 'MA') {
    events.push({
      type: 'TransferSafeguardRecorded',
      occurredAt: iso(signedAt),
      data: { processorId, safeguardId: random.uuid(), kind: 'scc', destinationCountry: 'MA', validFrom: iso(signedAt).slice(0, 10), validUntil: null, documentRef: `scc-${processor.key}.pdf` },
    });
  }
  if (processor.role === 'call_centre') {
    for (let agent = 0; agent < 20; agent += 1) {
      events.push({
        type: 'AgentTrainingRecorded',
        occurredAt: iso(signedAt + (agent + 1) * DAY),
        data: { processorId, agentId: agentId(processor, agent), course: 'GDPR for call centre agents', completedOn: iso(signedAt + (agent + 1) * DAY).slice(0, 10), validUntil: null },
      });
    }
  }
  return events;
}

export const agentId = (processor: Pick<BenchProcessor, 'key'>, n: number) => `${processor.key}-agent-${n}`;

export interface BenchCall {
  callId: string;
  contactIndex: number;
  events: PlannedEvent[];
}

/**
 * Call `n`: a contact, one of the campaigns aimed at it and one of that campaign's call centres, on a
 * working day after the contact's data was shared; 1 to 5 events, at most `budget`.
 */
export function call(
  spec: BenchSpec,
  n: number,
  context: { contact: (index: number) => Pick<BenchContact, 'contactId' | 'country' | 'audience' | 'registeredAt'> & { phoneHashes: { phoneHash: string; lineType: string }[] }; campaigns: readonly BenchCampaign[]; processors: ReadonlyMap<string, BenchProcessor> },
  budget: number,
): BenchCall {
  const random = randomFor(spec.seed, 'call', n);
  const contactIndex = random.int(0, spec.contacts - 1);
  const target = context.contact(contactIndex);
  const campaign = random.pick(campaignsFor(context.campaigns, target));
  const processor = context.processors.get(random.pick(campaign.processorKeys))!;
  const line = random.pick(target.phoneHashes);
  const earliest = target.registeredAt + CALLS_AFTER_REGISTRATION_DAYS * DAY;
  let startedAt = workingMoment(random, earliest + random.next() * Math.max(DAY, spec.anchor.getTime() - 2 * DAY - earliest));
  while (startedAt > spec.anchor.getTime() - 2 * HOUR) startedAt -= 7 * DAY;
  const callId = random.uuid();
  const base = { callId, contactId: target.contactId };
  const result = budget === 1 ? 'no_answer' : random.weighted([['answered', 45], ['no_answer', 35], ['voicemail', 10], ['busy', 8], ['wrong_number', 2]] as const);
  const answered = result === 'answered';
  const events: PlannedEvent[] = [
    {
      type: 'CallAttempted',
      occurredAt: iso(startedAt),
      data: {
        ...base, campaignId: campaign.campaignId, processorId: processor.processorId, agentId: agentId(processor, random.int(0, 19)),
        presentedCallerId: processor.callerId, humanAgent: !random.chance(0.005), dialled: { phoneHash: line.phoneHash, lineType: line.lineType },
        startedAt: iso(startedAt), rings: answered ? random.int(1, 5) : random.int(3, 7), result, durationSeconds: answered ? random.int(20, 900) : null,
      },
    },
  ];
  if (answered) {
    events.push({ type: 'PrivacyNoticeGiven', occurredAt: iso(startedAt + 5_000), data: { ...base, noticeVersion: 'notice-2025-01', dataSourceDisclosed: true, rightToObjectExplained: true } });
    if (budget >= 5 && random.chance(0.25)) {
      events.push({ type: 'RecordingNoticeGiven', occurredAt: iso(startedAt + 10_000), data: { ...base, noticeVersion: 'recording-2025-01' } });
      events.push({ type: 'RecordingStarted', occurredAt: iso(startedAt + 15_000), data: { ...base, recordingRef: `rec-${callId}` } });
    }
    const outcome = random.weighted([['not_interested', 40], ['interested', 25], ['converted', 8], ['callback_requested', 12], ['do_not_call', 5]] as const);
    events.push({
      type: 'CallOutcomeRecorded',
      occurredAt: iso(startedAt + 60_000),
      data: { ...base, campaignId: campaign.campaignId, outcome, callbackAt: outcome === 'callback_requested' ? iso(startedAt + 2 * DAY) : null },
    });
  }
  return { callId, contactIndex, events: events.slice(0, budget) };
}

const BALANCING_FACTORS = {
  customerRelationship: {
    paymentObligation: 'at delivery',
    timeSinceLastPurchase: 'up to 36 months',
    productsBoughtAndOffered: 'energy products; related energy products',
    replacementCycleMonths: 120,
    averageContractMonths: 24,
  },
  impact: { personalDataUsed: ['name', 'phone'], startsWhen: 'after the first purchase', frequency: 'twice a year', safeguards: ['objection honoured at once', 'no calls after refusal for 30 days'] },
  weighing: { organisationInterest: 'repeat business', conversionOverview: 'ctm-report', objectionOverview: 'ctm-report', complaintOverview: 'ctm-report' },
  justification: 'conversion exceeds objections and complaints during the term',
  dpoConsulted: true,
};

