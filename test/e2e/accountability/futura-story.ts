/**
 * The Futura Internationale story (seed 001), played by appending events at the moments they happen:
 * the clock is set to each moment first, so that `recordedAt` is when the ledger learnt of it and a
 * late report is late. Three call centres: A and B in France, and an offshore one in Morocco added in
 * March without standard contractual clauses. Consumers on mobiles, in France, spring 2026.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@calltrail/event-store';
import { writeDncSnapshotEntries } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import { testPhoneHash } from '../../support/eligibility-world';

export interface FuturaStory {
  campaignId: string;
  centreA: string;
  centreB: string;
  morocco: string;
  /** c1 objects through A; c2 objects through A, reported late; c3 is called from Morocco; c4 asks for erasure. */
  contacts: { c1: string; c2: string; c3: string; c4: string };
  calls: { bCallsObjector: string; bCallsLateObjector: string; aCallsC3: string; moroccoCallsC3: string };
  /** Events the test names. */
  eventIds: { lateObjection: string; moroccoShare: string; recordingWithoutNotice: string; erasureRequest: string };
  /** Before the Moroccan centre was added, and after. */
  beforeMorocco: string;
  moroccoAddedOn: string;
}

/** Sets the clock (the test's fake Date) to a moment. */
export type SetClock = (iso: string) => void;

const sealed = { sealed: 'test' };

function phone(n: number): string {
  return testPhoneHash(`+3361234567${n}`);
}

export async function playFutura(store: EventStore, db: SqlQueryable, setClock: SetClock): Promise<FuturaStory> {
  const story: FuturaStory = {
    campaignId: randomUUID(),
    centreA: randomUUID(),
    centreB: randomUUID(),
    morocco: randomUUID(),
    contacts: { c1: randomUUID(), c2: randomUUID(), c3: randomUUID(), c4: randomUUID() },
    calls: { bCallsObjector: randomUUID(), bCallsLateObjector: randomUUID(), aCallsC3: randomUUID(), moroccoCallsC3: randomUUID() },
    eventIds: { lateObjection: randomUUID(), moroccoShare: randomUUID(), recordingWithoutNotice: randomUUID(), erasureRequest: randomUUID() },
    beforeMorocco: '2026-02-25T00:00:00.000Z',
    moroccoAddedOn: '2026-03-02T08:00:00.000Z',
  };
  const { campaignId, centreA, centreB, morocco, contacts, calls, eventIds } = story;
  const append = async (moment: string, streamId: string, events: NewEvent[]) => {
    setClock(moment);
    await store.appendToStream(streamId, events, { expectedVersion: 'any' });
  };

  await append('2026-01-05T08:00:00.000Z', 'organisation', [
    {
      type: 'OrganisationProfileSet',
      data: {
        controller: { name: 'Futura Internationale', address: '1 rue de la Paix, 75002 Paris', country: 'FR', email: 'contact@futura.example', registrationNumber: 'RCS Paris 000 000 001' },
        dpo: { name: 'DPO Futura', address: '1 rue de la Paix, 75002 Paris', country: 'FR', email: 'dpo@futura.example' },
        representative: null,
        securityMeasures: ['per-person encryption of personal data', 'role-based API keys'],
        retentionPolicy: { prospectMonths: 36, customerMonths: 60, recordingMonths: 6, documentRef: 'retention-v1.pdf' },
        callerIds: ['+33170000000'],
      },
    },
  ]);
  for (const [processorId, name] of [[centreA, 'Centre d’appels Lyon'], [centreB, 'Centre d’appels Lille']] as const) {
    await append('2026-01-05T09:00:00.000Z', `processor-${processorId}`, [
      { type: 'ProcessorRegistered', data: { processorId, name, role: 'call_centre', country: 'FR' } },
      { type: 'ProcessorAgreementSigned', data: { processorId, agreementId: randomUUID(), validFrom: '2026-01-05', validUntil: null, documentRef: `dpa-${name}.pdf` } },
    ]);
  }
  await append('2026-01-06T09:00:00.000Z', `campaign-${campaignId}`, [
    {
      type: 'CampaignDefined',
      data: {
        campaignId, name: 'Pompes à chaleur 2026', purpose: 'Offer heat pumps and insulation to home owners',
        legalBasis: 'legitimate_interest', audience: 'B2C', channel: 'phone', productCategory: 'heat-pumps',
        similarProductGroup: 'home-energy', jurisdictions: ['FR'], targetProfessions: { roles: [], sectors: [] },
        callingProfile: { maxRings: 6, retryAfterHours: 24 },
      },
    },
    {
      type: 'BalancingTestRecorded',
      data: {
        campaignId, testId: randomUUID(), outcome: 'passed', assessedAt: '2026-01-06T09:00:00.000Z', validUntil: '2027-01-06T09:00:00.000Z',
        customerTermMonths: null, documentRef: 'balancing-test-2026.pdf', factors: {},
      },
    },
    {
      type: 'DpiaRecorded',
      data: { campaignId, dpiaId: randomUUID(), outcome: 'acceptable', assessedAt: '2026-01-06T09:00:00.000Z', documentRef: 'dpia-2026.pdf', dpoConsulted: true, authorityConsulted: false },
    },
  ]);
  const { count, digest } = await writeDncSnapshotEntries(db, { registry: 'FR_BLOCTEL', version: '2026-01', phoneHashes: [] });
  await append('2026-01-07T02:00:00.000Z', 'registry-FR_BLOCTEL', [
    { type: 'DncSnapshotImported', data: { registry: 'FR_BLOCTEL', version: '2026-01', takenAt: '2026-01-07T02:00:00.000Z', count, digest } },
  ]);
  const sources = {
    c1: { kind: 'purchased_list', provider: 'Fichiers Prospects SARL', collectionMethod: 'energy-saving quiz opt-in', reference: 'list-2026-01.csv' },
    c2: { kind: 'web_form', reference: 'quote-form' },
    c3: { kind: 'own_customer' },
    c4: { kind: 'web_form', reference: 'quote-form' },
  };
  for (const [index, key] of (['c1', 'c2', 'c3', 'c4'] as const).entries()) {
    await append('2026-01-10T09:00:00.000Z', `contact-${contacts[key]}`, [
      {
        type: 'ContactRegistered',
        data: {
          contactId: contacts[key], audience: 'B2C', country: 'FR', timeZone: 'Europe/Paris', name: sealed,
          phones: [{ number: sealed, phoneHash: phone(index + 1), lineType: 'mobile' }], emails: [sealed], company: null, jobTitle: null,
          profession: { role: null, sector: null }, source: sources[key],
        },
      },
    ]);
  }
  const everyone = Object.values(contacts);
  for (const processorId of [centreA, centreB]) await share('2026-01-12T08:00:00.000Z', processorId, everyone, 'FR');
  await append('2026-01-12T08:30:00.000Z', `campaign-${campaignId}`, [
    { type: 'CampaignStarted', data: { campaignId } },
    scrub(),
  ]);
  await append('2026-02-05T07:00:00.000Z', `campaign-${campaignId}`, [scrub()]);
  await append('2026-03-01T07:00:00.000Z', `campaign-${campaignId}`, [scrub()]);

  // c1 tells call centre A, which records it at once; call centre B calls her a week later.
  await append('2026-02-03T09:30:00.000Z', `contact-${contacts.c1}`, [objection(contacts.c1)]);
  await call('2026-02-10T10:00:00.000Z', calls.bCallsObjector, contacts.c1, centreB, 1, 'not_interested');

  // A lawful call: notices given before the recording.
  await call('2026-02-11T10:00:00.000Z', calls.aCallsC3, contacts.c3, centreA, 3, 'interested', [
    { type: 'PrivacyNoticeGiven', data: { callId: calls.aCallsC3, contactId: contacts.c3, noticeVersion: 'script-v1', dataSourceDisclosed: true, rightToObjectExplained: true } },
    { type: 'RecordingNoticeGiven', data: { callId: calls.aCallsC3, contactId: contacts.c3, noticeVersion: 'rec-v1' } },
    { type: 'RecordingStarted', data: { callId: calls.aCallsC3, contactId: contacts.c3, recordingRef: 'rec/a-c3' } },
  ]);

  // c2 objects to A on the 16th; B calls her on the 18th; A reports the objection only on the 20th.
  await call('2026-02-18T14:00:00.000Z', calls.bCallsLateObjector, contacts.c2, centreB, 2, 'not_interested', [
    { type: 'PrivacyNoticeGiven', data: { callId: calls.bCallsLateObjector, contactId: contacts.c2, noticeVersion: 'script-v1', dataSourceDisclosed: true, rightToObjectExplained: true } },
  ]);
  await append('2026-02-20T16:00:00.000Z', `contact-${contacts.c2}`, [
    { ...objection(contacts.c2), eventId: eventIds.lateObjection, metadata: { occurredAt: '2026-02-16T10:00:00.000Z' } },
  ]);

  // The Moroccan centre: an agreement, no SCC; data goes to Morocco; calls are recorded without notice.
  await append(story.moroccoAddedOn, `processor-${morocco}`, [
    { type: 'ProcessorRegistered', data: { processorId: morocco, name: 'Atlas Appels SARL', role: 'call_centre', country: 'MA' } },
    { type: 'ProcessorAgreementSigned', data: { processorId: morocco, agreementId: randomUUID(), validFrom: '2026-03-02', validUntil: null, documentRef: 'dpa-atlas.pdf' } },
  ]);
  await share('2026-03-02T09:00:00.000Z', morocco, [contacts.c3, contacts.c4], 'MA', eventIds.moroccoShare);
  await call('2026-03-04T10:00:00.000Z', calls.moroccoCallsC3, contacts.c3, morocco, 3, 'interested', [
    { eventId: eventIds.recordingWithoutNotice, type: 'RecordingStarted', data: { callId: calls.moroccoCallsC3, contactId: contacts.c3, recordingRef: 'rec/atlas-c3' } },
  ]);

  // c4 asks for erasure; only A confirms.
  const requestId = randomUUID();
  await append('2026-03-10T09:00:00.000Z', `contact-${contacts.c4}`, [
    { eventId: eventIds.erasureRequest, type: 'ErasureRequested', data: { contactId: contacts.c4, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'letter' } } },
  ]);
  await append('2026-03-20T09:00:00.000Z', `contact-${contacts.c4}`, [
    { type: 'ProcessorErasureConfirmed', data: { contactId: contacts.c4, requestId, processorId: centreA, evidenceRef: 'ticket-A-1' } },
  ]);
  return story;

  function scrub(): NewEvent {
    return { type: 'DncScrubPerformed', data: { campaignId, registry: 'FR_BLOCTEL', snapshotVersion: '2026-01', contactsChecked: 4, numbersSuppressed: 0 } };
  }

  function objection(contactId: string): NewEvent {
    return {
      type: 'ObjectionRaised',
      data: { contactId, objectionId: randomUUID(), scope: 'direct_marketing', receivedVia: { processorId: centreA, channel: 'phone' }, callId: null, campaignId, text: null },
    };
  }

  async function share(moment: string, processorId: string, contactIds: string[], destinationCountry: string, eventId?: string) {
    await append(moment, `processor-${processorId}`, [
      {
        ...(eventId && { eventId }),
        type: 'DataSharedWithProcessor',
        data: { processorId, shareId: randomUUID(), contactIds, dataCategories: ['name', 'phone', 'email'], destinationCountry, campaignId },
      },
    ]);
  }

  async function call(moment: string, callId: string, contactId: string, processorId: string, line: number, outcome: string, extra: NewEvent[] = []) {
    await append(moment, `call-${callId}`, [
      {
        type: 'CallAttempted',
        data: {
          callId, contactId, campaignId, processorId, agentId: 'agent-1', presentedCallerId: '+33170000000', humanAgent: true,
          dialled: { phoneHash: phone(line), lineType: 'mobile' }, startedAt: moment, rings: 3, result: 'answered', durationSeconds: 90,
        },
      },
      ...extra,
      { type: 'CallOutcomeRecorded', data: { callId, contactId, campaignId, outcome, callbackAt: null } },
    ]);
  }
}
