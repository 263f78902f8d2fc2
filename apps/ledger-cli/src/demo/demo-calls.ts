import { isPublicHoliday } from '@calltrail/domain';
import type { DemoContact } from './demo-contacts';
import { DAY, HOUR, MINUTE, iso, isoDate, type DemoPlan } from './demo-plan';
import type { DemoProcessor, DemoWorld } from './demo-world';
import { CALLER_IDS } from './demo-world';

export type CallResult = 'answered' | 'no_answer' | 'voicemail' | 'busy';
export type Outcome = 'converted' | 'interested' | 'not_interested' | 'callback_requested' | 'do_not_call';

export interface PlacedCall {
  callId: string;
  campaignId: string;
  at: number;
  processor: DemoProcessor;
  result: CallResult;
}

export interface CallOptions {
  result?: CallResult;
  outcome?: Outcome;
  /** An exception on purpose: a machine-placed call, or one with the caller id withheld. */
  anomaly?: 'automated' | 'withheld_caller_id' | 'rings_too_long' | 'recording_without_notice';
}

/** Benign notes, in the language of the call. */
const NOTES = {
  BE: ['Wil een offerte per e-mail.', 'Belt terug na overleg met partner.', 'Heeft al panelen op de garage.'],
  NL: ['Contract loopt nog tot het voorjaar.', 'Wil vergelijken met huidige leverancier.', 'Vraagt om schriftelijke bevestiging.'],
  FR: ['Souhaite un devis par courrier.', 'Rappeler après les travaux.', 'Maison déjà isolée en partie.'],
} as const;

/**
 * The next lawful calling moment from `from`: a Tuesday to Thursday that is no public holiday,
 * between 09:05 and 10:50 UTC (office hours and the French consumer window, summer and winter).
 */
export function callSlot(plan: DemoPlan, from: number, country: string): number {
  let day = Math.floor(from / DAY) * DAY;
  for (;;) {
    const weekday = new Date(day).getUTCDay();
    if (weekday >= 2 && weekday <= 4 && !isPublicHoliday(country, isoDate(day))) break;
    day += DAY;
  }
  const at = day + (9 * 60 + 5 + plan.random.int(0, 105)) * MINUTE;
  return at < from ? callSlot(plan, day + DAY, country) : at;
}

/** How likely each outcome of an answered call is, by months since the last purchase (NL) or flat (prospects). */
function outcomeChances(contact: DemoContact, at: number): { converted: number; objected: number; complained: number } {
  const last = contact.purchases.filter((purchase) => purchase <= at).at(-1);
  if (last === undefined) return { converted: 0.07, objected: 0.05, complained: 0.01 };
  const months = (at - last) / (30.4 * DAY);
  // Conversion falls and objections rise with time since purchase: the CTM report shows them cross.
  return { converted: 0.03 + 0.45 * Math.exp(-months / 8), objected: 0.005 + 0.012 * months, complained: 0.0025 * months };
}

export function drawOutcome(plan: DemoPlan, contact: DemoContact, at: number): { outcome: Outcome; complaint: boolean } {
  const chances = outcomeChances(contact, at);
  const roll = plan.random.next();
  const complaint = plan.random.chance(chances.complained);
  if (roll < chances.objected) return { outcome: 'do_not_call', complaint };
  if (roll < chances.objected + chances.converted) return { outcome: 'converted', complaint: false };
  const rest = plan.random.next();
  return { outcome: rest < 0.3 ? 'interested' : rest < 0.4 ? 'callback_requested' : 'not_interested', complaint };
}

function drawResult(plan: DemoPlan): CallResult {
  const roll = plan.random.next();
  return roll < 0.55 ? 'answered' : roll < 0.8 ? 'no_answer' : roll < 0.9 ? 'voicemail' : 'busy';
}

/** Records one call and what followed on it; returns the outcome of an answered call. */
export function placeCall(
  plan: DemoPlan,
  world: DemoWorld,
  contact: DemoContact,
  processor: DemoProcessor,
  at: number,
  options: CallOptions = {},
): { call: PlacedCall; outcome: Outcome | null; callbackAt: number | null } {
  const { random } = plan;
  const callId = random.uuid();
  const result = options.result ?? drawResult(plan);
  const answered = result === 'answered';
  const campaign = world.campaigns[contact.country];
  plan.add(at, {
    type: 'RecordCallAttempt', callId, contactId: contact.contactId, campaignId: campaign.campaignId, processorId: processor.processorId,
    agentId: random.pick(processor.agents), presentedCallerId: options.anomaly === 'withheld_caller_id' ? null : CALLER_IDS[contact.country],
    humanAgent: options.anomaly !== 'automated', dialled: { number: contact.phone, lineType: 'mobile' }, startedAt: iso(at),
    rings: options.anomaly === 'rings_too_long' ? 9 : answered ? random.int(1, 4) : random.int(4, 6), result,
    durationSeconds: answered ? random.int(45, 420) : null,
  });
  const call = { callId, campaignId: campaign.campaignId, at, processor, result };
  if (!answered) return { call, outcome: null, callbackAt: null };
  noticesAndRecording(plan, contact, callId, at, options.anomaly === 'recording_without_notice');
  const drawn = drawOutcome(plan, contact, at);
  const outcome = options.outcome ?? drawn.outcome;
  const callbackAt = recordOutcome(plan, contact, call, outcome, drawn.complaint);
  if (random.chance(0.12)) {
    plan.add(at + 9 * MINUTE, {
      type: 'RecordCallNote', callId, noteId: random.uuid(), agentId: random.pick(processor.agents), text: random.pick(NOTES[contact.country]),
    });
  }
  return { call, outcome, callbackAt };
}

function noticesAndRecording(plan: DemoPlan, contact: DemoContact, callId: string, at: number, recordingWithoutNotice: boolean): void {
  const { random } = plan;
  const fromList = contact.sourceKind === 'purchased_list' || contact.sourceKind === 'rented_list';
  // Seed 004: a contact from a bought list must hear where the data came from; a few agents forget.
  const firstAnswered = contact.answered === 0;
  contact.answered += 1;
  plan.add(at + 20_000, {
    type: 'GivePrivacyNotice', callId, noticeVersion: 'privacy-notice-2024-10',
    dataSourceDisclosed: !(fromList && firstAnswered && contact.forgetsSourceNotice), rightToObjectExplained: true,
  });
  if (recordingWithoutNotice) {
    plan.add(at + 40_000, { type: 'StartRecording', callId, recordingRef: `rec-${callId.slice(0, 8)}.opus` });
  } else if (random.chance(0.25)) {
    plan.add(at + 30_000, { type: 'GiveRecordingNotice', callId, noticeVersion: 'recording-notice-2024-10' });
    plan.add(at + 40_000, { type: 'StartRecording', callId, recordingRef: `rec-${callId.slice(0, 8)}.opus` });
  }
}

/** Records the outcome and what it leads to; returns the callback time promised, if any. */
function recordOutcome(plan: DemoPlan, contact: DemoContact, call: PlacedCall, outcome: Outcome, complaint: boolean): number | null {
  const { random } = plan;
  const after = call.at + 8 * MINUTE;
  const callbackAt = outcome === 'callback_requested' ? callSlot(plan, call.at + 3 * DAY, contact.country) : null;
  plan.add(after, { type: 'RecordCallOutcome', callId: call.callId, outcome, callbackAt: callbackAt === null ? null : iso(callbackAt) });
  if (outcome === 'do_not_call') {
    plan.add(after + MINUTE, {
      type: 'RaiseObjection', contactId: contact.contactId, objectionId: random.uuid(), scope: 'direct_marketing',
      receivedVia: { processorId: call.processor.processorId, channel: 'phone' }, callId: call.callId, campaignId: call.campaignId,
    });
  }
  if (outcome === 'converted' && contact.purchases.length > 0) {
    // The new contract is signed the next day: the call itself was made to a customer of the old purchase.
    const signedOn = Math.floor(call.at / DAY) * DAY + DAY;
    contact.purchases.push(signedOn);
    plan.add(signedOn + 9 * HOUR, {
      type: 'RecordPurchase', contactId: contact.contactId, purchaseId: random.uuid(), productCategory: 'energy-contracts',
      purchasedOn: isoDate(signedOn), contractEndsOn: null,
    });
  }
  if (complaint) {
    plan.add(call.at + 2 * DAY, {
      type: 'ReceiveComplaint', contactId: contact.contactId, complaintId: random.uuid(), subject: 'unwanted_call',
      receivedVia: { processorId: null, channel: 'email' }, callId: call.callId,
    });
  }
  return callbackAt;
}

/**
 * A contact's calls over the campaign: a first call some days after the data reached the call
 * centre, retries after no answer (never within 24 hours), a long pause after an answered call
 * (refusal and similar-product cool-downs), and none after an objection or the campaign's end.
 */
export function callContact(plan: DemoPlan, world: DemoWorld, contact: DemoContact, firstAt: number, until: number): PlacedCall[] {
  const { random } = plan;
  const calls: PlacedCall[] = [];
  let at = callSlot(plan, firstAt, contact.country);
  let unansweredInRow = 0;
  while (at < until && calls.length < 9 && withinCustomerTerm(contact, at)) {
    const { call, outcome, callbackAt } = placeCall(plan, world, contact, pickCentre(plan, world, contact, at), at);
    calls.push(call);
    if (outcome === 'do_not_call') break;
    unansweredInRow = outcome === null ? unansweredInRow + 1 : 0;
    const pauseDays = nextPauseDays(plan, outcome, unansweredInRow);
    at = callbackAt !== null ? callbackAt + 5 * MINUTE : callSlot(plan, at + pauseDays * DAY + random.int(0, 3) * DAY, contact.country);
  }
  return calls;
}

/** The Dutch customers may be called within the 36 months the balancing test sets (seed 003); stop a month before. */
function withinCustomerTerm(contact: DemoContact, at: number): boolean {
  const last = contact.purchases.filter((purchase) => purchase <= at).at(-1);
  return last === undefined || at - last < 35 * 30.4 * DAY;
}

function nextPauseDays(plan: DemoPlan, outcome: Outcome | null, unansweredInRow: number): number {
  if (outcome === null) return unansweredInRow < 3 ? plan.random.int(2, 6) : plan.random.int(40, 80);
  if (outcome === 'converted') return plan.random.int(150, 240);
  if (outcome === 'interested') return plan.random.int(35, 70);
  return plan.random.int(70, 130);
}

/** The Belgian centre calls everyone; the offshore centre takes half the calls to the contacts it received. */
export function pickCentre(plan: DemoPlan, world: DemoWorld, contact: DemoContact, at: number): DemoProcessor {
  const offshoreReady = contact.sharedWithOffshore && at > world.callCentreMa.since + 2 * DAY;
  return offshoreReady && plan.random.chance(0.5) ? world.callCentreMa : world.callCentreBe;
}
