import {
  COMMAND_STREAM_KIND,
  DECIDERS,
  EVENT_SCHEMA_VERSION,
  EXAMPLE_EVENTS,
  foldEvents,
  mapPersonalFields,
  streamIdOf,
  streamIdOfCommand,
  type DecidedEvent,
  type DomainCommand,
  type DomainEvent,
} from '@calltrail/domain';
import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate-event';

/** A Futura-like story (seed 001) told as commands, decided in order on their streams. */
const ids = {
  contact: '11111111-1111-4111-8111-111111111111',
  campaign: '22222222-2222-4222-8222-222222222222',
  centreA: '33333333-3333-4333-8333-333333333333',
  centreB: '44444444-4444-4444-8444-444444444444',
  call1: '55555555-5555-4555-8555-555555555555',
  call2: '66666666-6666-4666-8666-666666666666',
  email: '77777777-7777-4777-8777-777777777777',
  x: (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
};
const hash = 'f'.repeat(64);
const name = 'Héloïse Quenterbrück';
const number = '+33699887766';
const mail = 'heloise.quenterbruck@example.fr';

const story: DomainCommand[] = [
  { type: 'SetOrganisationProfile', profile: EXAMPLE_EVENTS.OrganisationProfileSet.data },
  { type: 'RegisterProcessor', processorId: ids.centreA, name: 'Centre A', role: 'call_centre', country: 'MA' },
  { type: 'SignProcessorAgreement', processorId: ids.centreA, agreementId: ids.x(1), validFrom: '2026-01-01', documentRef: 'dpa-a' },
  { type: 'RecordTransferSafeguard', processorId: ids.centreA, safeguardId: ids.x(2), kind: 'scc', destinationCountry: 'MA', validFrom: '2026-01-01', documentRef: 'scc-a' },
  { type: 'RegisterProcessor', processorId: ids.centreB, name: 'Centre B', role: 'call_centre', country: 'MA' },
  { type: 'SignProcessorAgreement', processorId: ids.centreB, agreementId: ids.x(3), validFrom: '2026-01-01', validUntil: '2026-12-31', documentRef: 'dpa-b' },
  { type: 'RecordAgentTraining', processorId: ids.centreA, agentId: 'a-1', course: 'GDPR', completedOn: '2026-01-10' },
  {
    type: 'DefineCampaign',
    campaignId: ids.campaign,
    name: 'Heat pumps',
    purpose: 'Sell heat pumps',
    legalBasis: 'legitimate_interest',
    audience: 'B2C',
    channel: 'phone',
    productCategory: 'heat-pumps',
    similarProductGroup: 'home-energy',
    jurisdictions: ['FR'],
  },
  { type: 'AmendCampaign', campaignId: ids.campaign, changes: { jurisdictions: ['FR', 'BE'] } },
  {
    type: 'RecordBalancingTest',
    campaignId: ids.campaign,
    testId: ids.x(4),
    outcome: 'passed',
    assessedAt: '2026-02-01T10:00:00Z',
    documentRef: 'bt',
    factors: EXAMPLE_EVENTS.BalancingTestRecorded.data.factors,
  },
  { type: 'RecordDpia', campaignId: ids.campaign, dpiaId: ids.x(5), outcome: 'acceptable', assessedAt: '2026-02-01T10:00:00Z', documentRef: 'dpia' },
  { type: 'ImportDncSnapshot', registry: 'FR_BLOCTEL', version: '2026-02', takenAt: '2026-02-27T00:00:00Z', count: 10, digest: hash },
  { type: 'StartCampaign', campaignId: ids.campaign },
  { type: 'RecordDncScrub', campaignId: ids.campaign, registry: 'FR_BLOCTEL', snapshotVersion: '2026-02', contactsChecked: 1, numbersSuppressed: 0 },
  {
    type: 'RegisterContact',
    contactId: ids.contact,
    audience: 'B2C',
    country: 'FR',
    timeZone: 'Europe/Paris',
    name,
    phones: [{ number, phoneHash: hash, lineType: 'mobile' }],
    emails: [mail],
    company: 'Quenterbrück SARL',
    jobTitle: 'Gérante',
    source: { kind: 'purchased_list', provider: 'ListCo', collectionMethod: 'quiz opt-in' },
  },
  { type: 'ShareDataWithProcessor', processorId: ids.centreA, shareId: ids.x(6), contactIds: [ids.contact], dataCategories: ['name', 'phone'] },
  { type: 'ShareDataWithProcessor', processorId: ids.centreB, shareId: ids.x(7), contactIds: [ids.contact], dataCategories: ['name', 'phone'] },
  { type: 'RecordPurchase', contactId: ids.contact, purchaseId: ids.x(8), productCategory: 'insulation', purchasedOn: '2024-01-01' },
  {
    type: 'GiveConsent',
    contactId: ids.contact,
    consentId: ids.x(9),
    purpose: 'newsletter',
    channels: ['email'],
    evidence: { method: 'double_opt_in', noticeVersion: 'v1', givenAt: '2026-02-02T10:00:00Z', evidenceRef: 'e-1' },
  },
  {
    type: 'RecordCallAttempt',
    callId: ids.call1,
    contactId: ids.contact,
    campaignId: ids.campaign,
    processorId: ids.centreA,
    agentId: 'a-1',
    presentedCallerId: '+33170000000',
    humanAgent: true,
    dialled: { phoneHash: hash, lineType: 'mobile' },
    startedAt: '2026-03-02T09:00:00Z',
    rings: 3,
    result: 'answered',
    durationSeconds: 95,
  },
  { type: 'GivePrivacyNotice', callId: ids.call1, noticeVersion: 'p1', dataSourceDisclosed: true, rightToObjectExplained: true },
  { type: 'GiveRecordingNotice', callId: ids.call1, noticeVersion: 'r1' },
  { type: 'StartRecording', callId: ids.call1, recordingRef: 'rec-1' },
  { type: 'RecordCallNote', callId: ids.call1, noteId: ids.x(10), agentId: 'a-1', text: 'Pas intéressée pour le moment.' },
  { type: 'RecordCallOutcome', callId: ids.call1, outcome: 'do_not_call' },
  {
    type: 'RaiseObjection',
    contactId: ids.contact,
    objectionId: ids.x(11),
    receivedVia: { processorId: ids.centreA, channel: 'phone' },
    callId: ids.call1,
    text: 'Ne plus m’appeler',
    occurredAt: '2026-03-02T09:01:00Z',
  },
  {
    type: 'RecordCallAttempt',
    callId: ids.call2,
    contactId: ids.contact,
    campaignId: ids.campaign,
    processorId: ids.centreB,
    humanAgent: false,
    dialled: { phoneHash: hash, lineType: 'mobile' },
    startedAt: '2026-03-09T09:00:00Z',
    rings: 9,
    result: 'no_answer',
  },
  {
    type: 'RecordEmailSent',
    callId: ids.email,
    contactId: ids.contact,
    campaignId: ids.campaign,
    processorId: ids.centreA,
    recipient: mail,
    senderIdentity: 'Thermique',
    sourceDisclosed: false,
  },
  {
    type: 'ReceiveComplaint',
    contactId: ids.contact,
    complaintId: ids.x(12),
    subject: 'call_after_objection',
    receivedVia: { processorId: null, channel: 'letter' },
    viaSupervisoryAuthority: true,
    text: 'Rappelée malgré mon opposition',
  },
  { type: 'RectifyContactDetails', contactId: ids.contact, company: null, requestedBySubject: true },
  { type: 'RequestAccess', contactId: ids.contact, requestId: ids.x(13), receivedVia: { processorId: null, channel: 'email' } },
  { type: 'FulfilAccess', contactId: ids.contact, requestId: ids.x(13), deliveredVia: 'email', dossierRef: 'dossier-1' },
  { type: 'WithdrawConsent', contactId: ids.contact, receivedVia: { processorId: null, channel: 'email' } },
  { type: 'RequestErasure', contactId: ids.contact, requestId: ids.x(14), ground: 'objection', receivedVia: { processorId: null, channel: 'letter' } },
  { type: 'CompleteErasure', contactId: ids.contact, requestId: ids.x(14), keyId: 'key-1' },
  { type: 'ConfirmProcessorErasure', contactId: ids.contact, requestId: ids.x(14), processorId: ids.centreA, evidenceRef: 'c-a' },
  { type: 'RecordBreachDetected', breachId: ids.x(15), detectedAt: '2026-03-20T10:00:00Z', nature: 'misdirected export', dataCategories: ['name'] },
  { type: 'RecordBreachNotified', breachId: ids.x(15), authority: 'CNIL', notifiedAt: '2026-03-21T10:00:00Z', subjectsInformed: false },
  { type: 'EndProcessorAgreement', processorId: ids.centreB, agreementId: ids.x(3) },
  { type: 'EndCampaign', campaignId: ids.campaign },
];

type AnyDecider = {
  decide: (c: DomainCommand, s: unknown, ctx: { now: Date }) => DecidedEvent[];
  evolve: (s: unknown, e: DomainEvent) => unknown;
  initialState: unknown;
};

function play(commands: DomainCommand[]): { streamId: string; event: DecidedEvent }[] {
  const streams = new Map<string, DomainEvent[]>();
  const appended: { streamId: string; event: DecidedEvent }[] = [];
  const context = { now: new Date('2026-04-01T00:00:00Z') };
  for (const command of commands) {
    const streamId = streamIdOfCommand(command);
    const decider = DECIDERS[COMMAND_STREAM_KIND[command.type]] as unknown as AnyDecider;
    const history = streams.get(streamId) ?? [];
    const events = decider.decide(command, foldEvents(decider, history), context);
    for (const event of events) appended.push({ streamId, event });
    streams.set(streamId, [...history, ...events]);
  }
  return appended;
}

const seal = () => ({ sealed: 'aes-256-gcm:v1', keyId: 'k', iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' });

describe('events decided by the deciders', () => {
  const appended = play(story);

  it('cover every event type in the story', () => {
    expect(new Set(appended.map((a) => a.event.type)).size).toBe(Object.keys(EVENT_SCHEMA_VERSION).length);
  });

  it.each(appended.map((a, i) => [`${i + 1}. ${a.event.type}`, a] as const))('%s, sealed, matches its schema and stream', (_label, { streamId, event }) => {
    const stored = mapPersonalFields(event.type, event.data as Record<string, unknown>, seal);
    expect(validateEvent(event.type, EVENT_SCHEMA_VERSION[event.type], stored).errors).toEqual([]);
    expect(streamIdOf(event)).toBe(streamId);
  });

  it('hold no personal value once sealed', () => {
    const stored = JSON.stringify(appended.map(({ event }) => mapPersonalFields(event.type, event.data as Record<string, unknown>, seal)));
    for (const secret of [name, number, mail, 'Quenterbrück', 'Gérante', 'Pas intéressée', 'Ne plus', 'Rappelée']) {
      expect(stored).not.toContain(secret);
    }
  });
});
