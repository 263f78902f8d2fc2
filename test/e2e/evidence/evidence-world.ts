/**
 * A small world for the evidence packs. Campaigns and processors are appended as events (they hold
 * no personal data); everything about people goes through the command pipeline, so personal fields
 * are sealed with the vault exactly as in production. Alice keeps her data and asks for access;
 * Bob is erased, and one of the two call centres confirms his erasure late. Moments are relative to now.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, EventStore, NewEvent } from '@calltrail/event-store';
import type { CommandInput, CommandPipeline } from '@calltrail/ledger';

const DAY = 86_400_000;

export const COMPLIANCE: Actor = { keyId: 'compliance-test', role: 'compliance', processorId: null };
export const ANALYST: Actor = { keyId: 'analyst-test', role: 'analyst', processorId: null };

// Distinctive values, so that finding one in a report cannot be a coincidence.
export const ALICE = {
  name: 'Zoë Quackelbeen-Vandersteen',
  phone: '+32470998877',
  email: 'zoe.quackelbeen@example.be',
  company: 'Quackelbeen Warmte BV',
  note: 'Wil een offerte voor de Quackelbeen-warmtepomp in maart',
  objection: 'Bel mij nooit meer, Quackelbeen',
  complaint: 'Ik werd gebeld na mijn bezwaar, Quackelbeen',
};
export const BOB = {
  name: 'Bartholomeus Vrijdagmarkt',
  phone: '+32470112233',
  email: 'bart.vrijdagmarkt@example.be',
  note: 'Vrijdagmarkt vraagt om terugbellen na de zomer',
};

export interface EvidenceWorld {
  campaignId: string;
  /** Belgian call centre, with an agreement; its agent-1 is trained. */
  processorA: string;
  /** Moroccan call centre without SCC; its agent-2 has no training. */
  processorB: string;
  alice: string;
  bob: string;
  aliceAccessRequest: string;
  bobErasureRequest: string;
  iso(offsetDays: number): string;
}

const at = (event: Omit<NewEvent, 'metadata'>, occurredAt: string): NewEvent => ({ ...event, metadata: { occurredAt } });

export async function buildEvidenceWorld(store: EventStore, pipeline: CommandPipeline, now = Date.now()): Promise<EvidenceWorld> {
  const world: EvidenceWorld = {
    campaignId: randomUUID(), processorA: randomUUID(), processorB: randomUUID(), alice: randomUUID(), bob: randomUUID(),
    aliceAccessRequest: randomUUID(), bobErasureRequest: randomUUID(),
    iso: (offsetDays) => new Date(now + offsetDays * DAY).toISOString(),
  };
  await appendOrganisationFacts(store, world);
  const run = (command: CommandInput) => pipeline.execute(command, COMPLIANCE);
  await recordAlice(world, run);
  await recordBob(world, run);
  return world;
}

async function appendOrganisationFacts(store: EventStore, world: EvidenceWorld): Promise<void> {
  const { campaignId, processorA, processorB, iso } = world;
  const append = (streamId: string, events: NewEvent[]) => store.appendToStream(streamId, events, { expectedVersion: 'any' });
  await append('registry-BE_DNCM', [
    at({ type: 'DncSnapshotImported', data: { registry: 'BE_DNCM', version: 'dncm-2026-11', takenAt: iso(-95), count: 0, digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }, iso(-95)),
  ]);
  await append(`campaign-${campaignId}`, [
    at({ type: 'CampaignDefined', data: {
      campaignId, name: 'Heat pumps 2026', purpose: 'Offer heat pumps to former customers', legalBasis: 'legitimate_interest',
      audience: 'B2C', channel: 'phone', productCategory: 'heat-pumps', similarProductGroup: 'home-energy', jurisdictions: ['BE'],
      targetProfessions: { roles: [], sectors: [] }, callingProfile: { maxRings: 6, retryAfterHours: 24 },
    } }, iso(-100)),
    at({ type: 'BalancingTestRecorded', data: {
      campaignId, testId: randomUUID(), outcome: 'passed', assessedAt: iso(-99), validUntil: iso(265), customerTermMonths: 24,
      documentRef: 'balancing-test-2026.pdf', factors: { dpoConsulted: true },
    } }, iso(-99)),
    at({ type: 'DpiaRecorded', data: {
      campaignId, dpiaId: randomUUID(), outcome: 'acceptable_with_measures', assessedAt: iso(-98), documentRef: 'dpia-2026.pdf',
      dpoConsulted: true, authorityConsulted: false,
    } }, iso(-98)),
    at({ type: 'CampaignStarted', data: { campaignId } }, iso(-90)),
    at({ type: 'DncScrubPerformed', data: { campaignId, registry: 'BE_DNCM', snapshotVersion: 'dncm-2026-11', contactsChecked: 2, numbersSuppressed: 0 } }, iso(-90)),
  ]);
  for (const [processorId, name, country] of [[processorA, 'Belbel Contact', 'BE'], [processorB, 'Atlas Appels', 'MA']] as const) {
    await append(`processor-${processorId}`, [
      at({ type: 'ProcessorRegistered', data: { processorId, name, role: 'call_centre', country } }, iso(-120)),
      at({ type: 'ProcessorAgreementSigned', data: { processorId, agreementId: randomUUID(), validFrom: iso(-120).slice(0, 10), validUntil: null, documentRef: `dpa-${country}.pdf` } }, iso(-120)),
    ]);
  }
  await append(`processor-${processorA}`, [
    at({ type: 'AgentTrainingRecorded', data: { processorId: processorA, agentId: 'agent-1', course: 'GDPR for callers', completedOn: iso(-110).slice(0, 10), validUntil: null } }, iso(-110)),
  ]);
}

type Run = (command: CommandInput) => Promise<unknown>;

/** Registered from a bought list, consented, bought, called by A then (after objecting to A) by B, complained. */
async function recordAlice(world: EvidenceWorld, run: Run): Promise<void> {
  const { alice: contactId, campaignId, processorA, processorB, iso } = world;
  await run({
    type: 'RegisterContact', contactId, audience: 'B2C', country: 'BE', timeZone: 'Europe/Brussels', name: ALICE.name,
    phones: [{ number: ALICE.phone, lineType: 'mobile' }], emails: [ALICE.email], company: ALICE.company, jobTitle: null,
    source: { kind: 'purchased_list', provider: 'ListCo', collectionMethod: 'opt-in web form on partner sites', reference: 'listco-2026-q2' },
    occurredAt: iso(-80),
  });
  await share(run, world, [processorA, processorB], [contactId], -79);
  await run({
    type: 'GiveConsent', contactId, consentId: randomUUID(), purpose: 'marketing:heat-pumps', channels: ['phone'],
    evidence: { method: 'web_form_opt_in', noticeVersion: 'consent-v3', givenAt: iso(-78), evidenceRef: 'form-submission-8812' },
    receivedVia: { processorId: null, channel: 'web_form' }, occurredAt: iso(-78),
  });
  await run({ type: 'RecordPurchase', contactId, purchaseId: randomUUID(), productCategory: 'heat-pumps', purchasedOn: iso(-77).slice(0, 10), occurredAt: iso(-77) });
  const firstCall = await call(run, world, contactId, processorA, 'agent-1', ALICE.phone, -60);
  await run({ type: 'RecordCallNote', callId: firstCall, noteId: randomUUID(), agentId: 'agent-1', text: ALICE.note, occurredAt: iso(-60) });
  await run({
    type: 'RaiseObjection', contactId, objectionId: randomUUID(), scope: 'direct_marketing', receivedVia: { processorId: processorA, channel: 'phone' },
    callId: firstCall, campaignId, text: ALICE.objection, occurredAt: iso(-60),
  });
  const secondCall = await call(run, world, contactId, processorB, 'agent-2', ALICE.phone, -50);
  await run({
    type: 'ReceiveComplaint', contactId, complaintId: randomUUID(), subject: 'call_after_objection', receivedVia: { processorId: null, channel: 'email' },
    callId: secondCall, campaignId, viaSupervisoryAuthority: false, text: ALICE.complaint, occurredAt: iso(-49),
  });
  await run({ type: 'RequestAccess', contactId, requestId: world.aliceAccessRequest, receivedVia: { processorId: null, channel: 'email' }, occurredAt: iso(-5) });
}

/** Called once by each centre, then erased: the key at once, A confirms in time, B 35 days after the request. */
async function recordBob(world: EvidenceWorld, run: Run): Promise<void> {
  const { bob: contactId, processorA, processorB, iso } = world;
  await run({
    type: 'RegisterContact', contactId, audience: 'B2C', country: 'BE', timeZone: 'Europe/Brussels', name: BOB.name,
    phones: [{ number: BOB.phone, lineType: 'mobile' }], emails: [BOB.email], source: { kind: 'own_customer' }, occurredAt: iso(-80),
  });
  await share(run, world, [processorA], [contactId], -79);
  const callId = await call(run, world, contactId, processorA, 'agent-1', BOB.phone, -58);
  await run({ type: 'RecordCallNote', callId, noteId: randomUUID(), agentId: 'agent-1', text: BOB.note, occurredAt: iso(-58) });
  await call(run, world, contactId, processorB, 'agent-2', BOB.phone, -57);
  const requestId = world.bobErasureRequest;
  await run({ type: 'RequestErasure', contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'letter' }, occurredAt: iso(-40) });
  await run({ type: 'CompleteErasure', contactId, requestId, occurredAt: iso(-39) });
  await run({ type: 'ConfirmProcessorErasure', contactId, requestId, processorId: processorA, evidenceRef: 'ticket-A-2231', occurredAt: iso(-30) });
  await run({ type: 'ConfirmProcessorErasure', contactId, requestId, processorId: processorB, evidenceRef: 'letter-B-17', occurredAt: iso(-5) });
}

async function share(run: Run, world: EvidenceWorld, processors: string[], contactIds: string[], offsetDays: number): Promise<void> {
  for (const processorId of processors) {
    await run({
      type: 'ShareDataWithProcessor', processorId, shareId: randomUUID(), contactIds, dataCategories: ['name', 'phone'],
      destinationCountry: processorId === world.processorB ? 'MA' : 'BE', campaignId: world.campaignId, occurredAt: world.iso(offsetDays),
    });
  }
}

async function call(run: Run, world: EvidenceWorld, contactId: string, processorId: string, agentId: string, phone: string, offsetDays: number): Promise<string> {
  const callId = randomUUID();
  const startedAt = world.iso(offsetDays);
  await run({
    type: 'RecordCallAttempt', callId, contactId, campaignId: world.campaignId, processorId, agentId, presentedCallerId: '+3225550000',
    humanAgent: true, dialled: { number: phone, lineType: 'mobile' }, startedAt, rings: 3, result: 'answered', durationSeconds: 120,
  });
  await run({ type: 'RecordCallOutcome', callId, outcome: 'not_interested', occurredAt: startedAt });
  return callId;
}
