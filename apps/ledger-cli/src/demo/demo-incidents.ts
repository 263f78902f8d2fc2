import type { DemoContact } from './demo-contacts';
import { callSlot, placeCall } from './demo-calls';
import { DAY, HOUR, MINUTE, iso, isoDate, type DemoPlan } from './demo-plan';
import type { DemoWorld } from './demo-world';

/** What the demo did on purpose, for the summary: each one is something the audit should find. */
export interface DemoIncidents {
  lateObjections: number;
  callsAfterObjection: number;
  dncListedCalls: number;
  erasures: number;
  accessRequests: number;
  breaches: number;
  refusedNotes: number;
  /** The contact whose erasure the offshore centre never confirmed (for `calltrail evidence erasure`). */
  erasedContactId: string | null;
  /** The contact with an access request still open, and that request (for `calltrail evidence dossier --answer`). */
  openAccessRequest: { contactId: string; requestId: string } | null;
}

/**
 * The scripted part of the story (seed 001): objections the offshore centre passed on weeks late
 * while the Belgian centre kept calling, a call to an objector, a listed number called, an erasure
 * the offshore centre never confirmed, an access request left unanswered, calls with nine rings, by a
 * machine or with the caller id withheld, a breach notified late, and notes the ledger refuses.
 */
export function scriptIncidents(plan: DemoPlan, world: DemoWorld, scripted: DemoContact[], listed: DemoContact | null): DemoIncidents {
  // They renewed their contract in the first months, so the scripted calls fall within the customer term.
  for (const contact of scripted) renewContract(plan, contact, plan.start + plan.random.int(60, 150) * DAY);
  const [late1, late2, late3, objector, erased, asker] = scripted;
  const lateObjections = [late1, late2, late3].filter((contact) => contact !== undefined);
  for (const contact of lateObjections) lateObjection(plan, world, contact, plan.start + 300 * DAY + plan.random.int(0, 120) * DAY);
  if (objector) callAfterObjection(plan, world, objector);
  if (listed) placeCall(plan, world, listed, world.callCentreBe, callSlot(plan, plan.end - 20 * DAY, listed.country), { result: 'no_answer' });
  if (erased) erasureNotConfirmedOffshore(plan, world, erased);
  const openAccessRequest = asker ? { contactId: asker.contactId, requestId: accessRequests(plan, asker) } : null;
  if (asker) callAnomalies(plan, world, asker);
  breachAtOffshoreCentre(plan, world);
  return {
    lateObjections: lateObjections.length,
    callsAfterObjection: objector ? 1 : 0,
    dncListedCalls: listed ? 1 : 0,
    erasures: erased ? 1 : 0,
    accessRequests: asker ? 2 : 0,
    breaches: 1,
    refusedNotes: refusedNotes(plan, world, scripted.at(-1)),
    erasedContactId: erased?.contactId ?? null,
    openAccessRequest,
  };
}

function renewContract(plan: DemoPlan, contact: DemoContact, at: number): void {
  contact.purchases.push(at);
  plan.add(at, {
    type: 'RecordPurchase', contactId: contact.contactId, purchaseId: plan.random.uuid(), productCategory: 'energy-contracts',
    purchasedOn: isoDate(at), contractEndsOn: null,
  });
}

/**
 * The objection reaches the offshore centre by e-mail two days after its call, but is recorded 25
 * days later; the Belgian centre calls in between. Lawful by what the ledger knew, unlawful in law:
 * a propagation delay.
 */
function lateObjection(plan: DemoPlan, world: DemoWorld, contact: DemoContact, around: number): void {
  const first = placeCall(plan, world, contact, world.callCentreMa, callSlot(plan, around, contact.country), { result: 'answered', outcome: 'interested' });
  const objectedAt = first.call.at + 2 * DAY;
  plan.add(
    objectedAt,
    {
      type: 'RaiseObjection', contactId: contact.contactId, objectionId: plan.random.uuid(), scope: 'direct_marketing',
      receivedVia: { processorId: world.callCentreMa.processorId, channel: 'email' }, callId: null, campaignId: first.call.campaignId,
    },
    25 * DAY,
  );
  placeCall(plan, world, contact, world.callCentreBe, callSlot(plan, first.call.at + 10 * DAY, contact.country), { result: 'answered', outcome: 'not_interested' });
}

/** Futura: the objection is given to the Belgian centre; the offshore centre calls again anyway. */
function callAfterObjection(plan: DemoPlan, world: DemoWorld, contact: DemoContact): void {
  const at = callSlot(plan, plan.start + 330 * DAY, contact.country);
  placeCall(plan, world, contact, world.callCentreBe, at, { result: 'answered', outcome: 'do_not_call', anomaly: 'recording_without_notice' });
  placeCall(plan, world, contact, world.callCentreMa, callSlot(plan, at + 20 * DAY, contact.country), { result: 'answered', outcome: 'not_interested' });
}

/** Erasure requested 50 days ago: done at once, confirmed by the Belgian centre, never by the offshore one. */
function erasureNotConfirmedOffshore(plan: DemoPlan, world: DemoWorld, contact: DemoContact): void {
  const requestId = plan.random.uuid();
  const requestedAt = plan.end - 50 * DAY;
  plan.add(requestedAt, {
    type: 'RequestErasure', contactId: contact.contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'letter' },
  });
  plan.add(requestedAt + 2 * DAY, { type: 'CompleteErasure', contactId: contact.contactId, requestId, keyId: 'assigned-by-the-ledger' });
  plan.add(requestedAt + 6 * DAY, {
    type: 'ConfirmProcessorErasure', contactId: contact.contactId, requestId, processorId: world.callCentreBe.processorId,
    evidenceRef: 'belcall-erasure-confirmation.pdf',
  });
}

/** One access request answered within a week, one left open past the 30 days; returns the open one. */
function accessRequests(plan: DemoPlan, contact: DemoContact): string {
  const answered = plan.random.uuid();
  plan.add(plan.end - 200 * DAY, { type: 'RequestAccess', contactId: contact.contactId, requestId: answered, receivedVia: { processorId: null, channel: 'email' } });
  plan.add(plan.end - 194 * DAY, { type: 'FulfilAccess', contactId: contact.contactId, requestId: answered, deliveredVia: 'email', dossierRef: 'dossier-export.pdf' });
  const open = plan.random.uuid();
  plan.add(plan.end - 40 * DAY, { type: 'RequestAccess', contactId: contact.contactId, requestId: open, receivedVia: { processorId: null, channel: 'web_form' } });
  return open;
}

/** Calls the audit's findings flag (seed 000 §3): nine rings, a machine calling, the caller id withheld. */
function callAnomalies(plan: DemoPlan, world: DemoWorld, contact: DemoContact): void {
  const centre = world.callCentreBe;
  placeCall(plan, world, contact, centre, callSlot(plan, plan.start + 450 * DAY, contact.country), { result: 'no_answer', anomaly: 'rings_too_long' });
  placeCall(plan, world, contact, centre, callSlot(plan, plan.start + 456 * DAY, contact.country), { result: 'no_answer', anomaly: 'automated' });
  placeCall(plan, world, contact, centre, callSlot(plan, plan.start + 540 * DAY, contact.country), {
    result: 'answered', outcome: 'interested', anomaly: 'withheld_caller_id',
  });
}

/** A lost laptop at the offshore centre, notified to the authority after five days instead of 72 hours (seed 002). */
function breachAtOffshoreCentre(plan: DemoPlan, world: DemoWorld): void {
  const breachId = plan.random.uuid();
  const detectedAt = world.callCentreMa.since + 120 * DAY;
  plan.add(detectedAt, {
    type: 'RecordBreachDetected', breachId, detectedAt: iso(detectedAt), nature: 'unencrypted laptop with a call list stolen',
    dataCategories: ['name', 'phone'], approximateSubjects: 60, processorId: world.callCentreMa.processorId,
  });
  plan.add(detectedAt + 5 * DAY, {
    type: 'RecordBreachNotified', breachId, authority: 'APD-GBA', notifiedAt: iso(detectedAt + 5 * DAY), reference: 'APD-2025-0412', subjectsInformed: false,
  });
}

/** Notes an agent tried to save: health data and an insult (seed 001). The ledger refuses both. */
function refusedNotes(plan: DemoPlan, world: DemoWorld, contact: DemoContact | undefined): number {
  if (!contact) return 0;
  const texts = ['Klant is ziek, heeft kanker en wil niet gestoord worden.', 'Wat een sukkel, hangt steeds op.'];
  for (const [index, text] of texts.entries()) {
    const at = callSlot(plan, plan.start + (420 + index * 90) * DAY, contact.country);
    const { call } = placeCall(plan, world, contact, world.callCentreMa, at, { result: 'answered', outcome: 'interested' });
    plan.add(call.at + 10 * MINUTE + HOUR, { type: 'RecordCallNote', callId: call.callId, noteId: plan.random.uuid(), agentId: 'ma-agent-01', text });
  }
  return texts.length;
}
