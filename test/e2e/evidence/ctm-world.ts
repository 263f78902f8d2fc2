/**
 * A generated data set for the CTM report: ex-customers of two product categories, called over
 * several years by three campaigns, with conversions falling and objections and complaints rising
 * with the time since the last purchase. Seeded, so every run builds the same world. The generator
 * keeps its own ledger of what it made (`calls`), from which a test counts the expected report
 * without the report's code.
 */
import type { EventStore, NewEvent } from '@calltrail/event-store';

/** mulberry32: a small seeded generator, enough for test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A day of month `month` counted from January 2021 (month 0). */
function day(month: number, dayOfMonth: number): string {
  const year = 2021 + Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** What the generator made for one call: the facts a test counts from. */
export interface GeneratedCall {
  callId: string;
  contactId: string;
  campaignId: string;
  startedAt: string;
  /** Whole months since the last purchase in the campaign's category, by construction; null: none. */
  monthsSincePurchase: number | null;
  answered: boolean;
  converted: boolean;
  /** Objections and complaints that belong to this call (named by it, or by campaign only, after it). */
  objections: number;
  complaints: number;
}

export interface CtmWorld {
  heatPumpsA: string;
  heatPumpsB: string;
  solar: string;
  calls: GeneratedCall[];
  events: { streamId: string; event: NewEvent }[];
}

const at = (event: Omit<NewEvent, 'metadata'>, occurredAt: string): NewEvent => ({ ...event, metadata: { occurredAt } });

function campaign(campaignId: string, name: string, productCategory: string): { streamId: string; event: NewEvent } {
  return {
    streamId: `campaign-${campaignId}`,
    event: at({ type: 'CampaignDefined', data: {
      campaignId, name, purpose: `Offer ${productCategory} to former customers`, legalBasis: 'legitimate_interest', audience: 'B2C',
      channel: 'phone', productCategory, similarProductGroup: 'home-energy', jurisdictions: ['NL'],
      targetProfessions: { roles: [], sectors: [] }, callingProfile: { maxRings: 6, retryAfterHours: 24 },
    } }, '2021-01-01T08:00:00.000Z'),
  };
}

export function generateCtmWorld(seed = 20_260_301, contacts = 90): CtmWorld {
  const random = seededRandom(seed);
  const world: CtmWorld = { heatPumpsA: uuidFrom(random), heatPumpsB: uuidFrom(random), solar: uuidFrom(random), calls: [], events: [] };
  world.events.push(
    campaign(world.heatPumpsA, 'Heat pumps, former customers', 'heat-pumps'),
    campaign(world.heatPumpsB, 'Heat pump service contracts', 'heat-pumps'),
    campaign(world.solar, 'Solar panels', 'solar'),
  );
  const processorId = uuidFrom(random);
  for (let i = 0; i < contacts; i += 1) addContact(world, random, processorId, i);
  return world;
}

function addContact(world: CtmWorld, random: () => number, processorId: string, index: number): void {
  const contactId = uuidFrom(random);
  const stream = `contact-${contactId}`;
  const push = (streamId: string, event: NewEvent) => world.events.push({ streamId, event });
  push(stream, at({ type: 'ContactRegistered', data: {
    contactId, audience: 'B2C', country: 'NL', timeZone: 'Europe/Amsterdam', name: { sealed: 'test' }, phones: [], emails: [],
    company: null, jobTitle: null, profession: { role: null, sector: null }, source: { kind: 'own_customer' },
  } }, '2021-01-01T09:00:00.000Z'));
  // One in ten never bought a heat pump; the others bought one in 2021, a third bought again 30 months later.
  const neverBought = index % 10 === 9;
  const firstMonth = Math.floor(random() * 6);
  const purchaseDay = 1 + Math.floor(random() * 10);
  const purchaseMonths = neverBought ? [] : index % 3 === 0 ? [firstMonth, firstMonth + 30] : [firstMonth];
  for (const month of purchaseMonths) {
    push(stream, at({ type: 'PurchaseRecorded', data: {
      contactId, purchaseId: uuidFrom(random), productCategory: 'heat-pumps', purchasedOn: day(month, purchaseDay), contractEndsOn: null,
    } }, `${day(month, purchaseDay)}T12:00:00.000Z`));
  }
  // A solar purchase later on, which must not reset the heat-pump clock.
  if (index % 4 === 1) {
    push(stream, at({ type: 'PurchaseRecorded', data: {
      contactId, purchaseId: uuidFrom(random), productCategory: 'solar', purchasedOn: day(firstMonth + 12, 5), contractEndsOn: null,
    } }, `${day(firstMonth + 12, 5)}T12:00:00.000Z`));
  }
  const calls = 3 + Math.floor(random() * 5);
  for (let c = 0; c < calls; c += 1) {
    const campaignId = c % 5 === 4 ? world.solar : random() < 0.7 ? world.heatPumpsA : world.heatPumpsB;
    addCall(world, random, { contactId, processorId, campaignId, purchaseMonths, purchaseDay, neverBought }, c);
  }
}

interface CallPlan {
  contactId: string;
  processorId: string;
  campaignId: string;
  purchaseMonths: number[];
  purchaseDay: number;
  neverBought: boolean;
}

function addCall(world: CtmWorld, random: () => number, plan: CallPlan, sequence: number): void {
  const { contactId, processorId, campaignId, purchaseMonths, purchaseDay } = plan;
  // Relative to one of the purchases, before the next one: whole months since it are `k` by construction.
  const which = purchaseMonths.length === 2 && random() < 0.5 ? 1 : 0;
  const base = plan.neverBought ? Math.floor(random() * 6) : purchaseMonths[which]!;
  const k = purchaseMonths.length === 2 ? Math.floor(random() * 30) : Math.floor(random() * 48);
  const callDay = Math.min(purchaseDay + Math.floor(random() * 15), 28);
  // Minutes apart per call of a contact, so no two of its calls share a moment.
  const startedAt = `${day(base + k, callDay)}T${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:${String(sequence * 5).padStart(2, '0')}:00.000Z`;
  const heatPumps = campaignId !== world.solar;
  const answered = random() < 0.6;
  // Conversion falls and objections rise with time since purchase (seed 003's question).
  const converted = answered && random() < Math.max(0.05, 0.45 - k * 0.01);
  const objects = answered && !converted && random() < Math.min(0.6, 0.04 + k * 0.012);
  const complains = answered && random() < Math.min(0.3, k * 0.006);
  const callId = uuidFrom(random);
  const call: GeneratedCall = {
    callId, contactId, campaignId, startedAt,
    monthsSincePurchase: plan.neverBought ? null : heatPumps ? k : null,
    answered, converted, objections: 0, complaints: 0,
  };
  const events: NewEvent[] = [at({ type: 'CallAttempted', data: {
    callId, contactId, campaignId, processorId, agentId: 'agent-7', presentedCallerId: '+31201234567', humanAgent: true,
    dialled: { phoneHash: 'a'.repeat(64), lineType: 'mobile' }, startedAt, rings: 3, result: answered ? 'answered' : 'no_answer',
    durationSeconds: answered ? 90 : null,
  } }, startedAt)];
  if (answered) {
    const outcome = converted ? 'converted' : objects ? 'do_not_call' : 'not_interested';
    events.push(at({ type: 'CallOutcomeRecorded', data: { callId, contactId, campaignId, outcome, callbackAt: null } }, startedAt));
  }
  world.events.push(...events.map((event) => ({ streamId: `call-${callId}`, event })));
  const later = new Date(Date.parse(startedAt) + 60_000).toISOString();
  if (objects) {
    // Half name the call; the other half (a letter) name only the campaign, and belong to the last call before them.
    const named = random() < 0.5;
    world.events.push({ streamId: `contact-${contactId}`, event: at({ type: 'ObjectionRaised', data: {
      contactId, objectionId: uuidFrom(random), scope: 'direct_marketing', receivedVia: { processorId: named ? processorId : null, channel: named ? 'phone' : 'letter' },
      callId: named ? callId : null, campaignId, text: null,
    } }, later) });
    call.objections += 1;
  }
  if (complains) {
    world.events.push({ streamId: `contact-${contactId}`, event: at({ type: 'ComplaintReceived', data: {
      contactId, complaintId: uuidFrom(random), subject: 'unwanted_call', receivedVia: { processorId: null, channel: 'email' },
      callId, campaignId, viaSupervisoryAuthority: false, text: null,
    } }, later) });
    call.complaints += 1;
  }
  world.calls.push(call);
}

/** Appends the world, each stream's events in order of occurrence, one append per stream. */
export async function appendCtmWorld(store: EventStore, world: CtmWorld): Promise<void> {
  const ordered = [...world.events].sort((a, b) => a.event.metadata!.occurredAt!.localeCompare(b.event.metadata!.occurredAt!));
  const byStream = new Map<string, NewEvent[]>();
  for (const { streamId, event } of ordered) byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
  await Promise.all([...byStream].map(([streamId, events]) => store.appendToStream(streamId, events, { expectedVersion: 'no_stream' })));
}
