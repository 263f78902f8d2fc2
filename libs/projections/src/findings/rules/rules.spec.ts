/** Each finding rule: given the events of one document, then these findings. */
import { EXAMPLE_EVENTS as EX, type DomainEvent, type RecordedEvent } from '@calltrail/domain';
import { describe, expect, it } from 'vitest';
import { callFindings, type CallContext } from './call-rules';
import { campaignFindings } from './campaign-rules';
import { contactFindings } from './contact-rules';
import { organisationFindings } from './organisation-rules';
import { processorFindings } from './processor-rules';

let sequence = 0;
function rec<E extends DomainEvent>(event: E, occurredAt: string, recordedAt = occurredAt): RecordedEvent {
  sequence += 1;
  return { ...event, eventId: `ev-${sequence}`, metadata: { occurredAt, recordedAt } } as RecordedEvent;
}
const codes = (found: { code: string }[]) => found.map((f) => f.code);
const callAt = '2026-04-02T09:15:00.000Z';
const attempt = (changes: Partial<(typeof EX.CallAttempted)['data']> = {}) =>
  rec({ ...EX.CallAttempted, data: { ...EX.CallAttempted.data, ...changes } }, callAt);
const training = { agentId: 'agent-117', completedOn: '2026-01-15', validUntil: '2027-01-15', eventId: 'ev-training', recordedAt: '2026-01-15T12:00:00.000Z' };
const ctx: CallContext = { maxRings: null, callerIds: [{ from: '2026-01-01T00:00:00.000Z', callerIds: ['+33170000000'], eventId: 'ev-profile' }], trainings: [training] };

describe('call findings', () => {
  it('a lawful call (trained agent, own number, notice before the recording) has none', () => {
    const events = [attempt(), rec(EX.RecordingNoticeGiven, callAt), rec(EX.RecordingStarted, callAt)];
    expect(callFindings(events, ctx)).toEqual([]);
  });

  it('RECORDING_WITHOUT_NOTICE: recorded with no notice before it, naming both events', () => {
    const call = attempt();
    const recording = rec(EX.RecordingStarted, callAt);
    const found = callFindings([call, recording, rec(EX.RecordingNoticeGiven, callAt)], ctx);
    expect(found).toMatchObject([{ code: 'RECORDING_WITHOUT_NOTICE', eventIds: [call.eventId, recording.eventId], callId: EX.CallAttempted.data.callId }]);
  });

  it('RING_TOO_LONG: unanswered past the default of 6 rings, or past the campaign\'s own limit', () => {
    expect(codes(callFindings([attempt({ result: 'no_answer', rings: 7 })], ctx))).toEqual(['RING_TOO_LONG']);
    expect(callFindings([attempt({ result: 'no_answer', rings: 6 })], ctx)).toEqual([]);
    expect(codes(callFindings([attempt({ result: 'no_answer', rings: 5 })], { ...ctx, maxRings: 4 }))).toEqual(['RING_TOO_LONG']);
    expect(callFindings([attempt({ result: 'answered', rings: 9 })], ctx)).toEqual([]);
  });

  it('CALLER_ID_NOT_RECOGNISABLE: a withheld number, or one that is not the organisation\'s', () => {
    expect(codes(callFindings([attempt({ presentedCallerId: null })], ctx))).toEqual(['CALLER_ID_NOT_RECOGNISABLE']);
    const foreign = callFindings([attempt({ presentedCallerId: '+33999999999' })], ctx);
    expect(foreign).toMatchObject([{ code: 'CALLER_ID_NOT_RECOGNISABLE', eventIds: [expect.any(String), 'ev-profile'] }]);
  });

  it('AUTOMATED_CALL: no human agent (and no training finding for a machine)', () => {
    expect(codes(callFindings([attempt({ humanAgent: false, agentId: null })], ctx))).toEqual(['AUTOMATED_CALL']);
  });

  it('AGENT_NOT_TRAINED: no training covering the day; a covering one recorded later resolves it', () => {
    expect(codes(callFindings([attempt()], { ...ctx, trainings: [] }))).toEqual(['AGENT_NOT_TRAINED']);
    const afterTheCall = { ...training, completedOn: '2026-05-01', validUntil: null };
    expect(callFindings([attempt()], { ...ctx, trainings: [afterTheCall] })[0]).toMatchObject({ code: 'AGENT_NOT_TRAINED', resolvedAt: null });
    const reportedLate = { ...training, recordedAt: '2026-04-10T08:00:00.000Z', eventId: 'ev-late-training' };
    expect(callFindings([attempt()], { ...ctx, trainings: [reportedLate] })[0]).toMatchObject({
      code: 'AGENT_NOT_TRAINED',
      resolvedAt: '2026-04-10T08:00:00.000Z',
      resolvedBy: 'ev-late-training',
    });
  });

  it('EMAIL_WITHOUT_UNSUBSCRIBE_LINK and EMAIL_WITHOUT_SENDER (004)', () => {
    const bare = rec({ ...EX.EmailSent, data: { ...EX.EmailSent.data, unsubscribeLink: null, senderIdentity: ' ' } }, callAt);
    expect(codes(callFindings([bare], ctx))).toEqual(['EMAIL_WITHOUT_UNSUBSCRIBE_LINK', 'EMAIL_WITHOUT_SENDER']);
    expect(callFindings([rec(EX.EmailSent, callAt)], ctx)).toEqual([]);
  });
});

describe('contact findings', () => {
  const registered = rec(EX.ContactRegistered, '2026-03-02T08:00:00.000Z');

  it('FIRST_CONTACT_WITHOUT_NOTICE: a bought-list contact\'s first answered call named no source', () => {
    const first = attempt();
    const found = contactFindings([registered, first]);
    expect(found).toMatchObject([{ code: 'FIRST_CONTACT_WITHOUT_NOTICE', eventIds: [registered.eventId, first.eventId] }]);
    const silent = rec({ ...EX.PrivacyNoticeGiven, data: { ...EX.PrivacyNoticeGiven.data, dataSourceDisclosed: false } }, callAt);
    expect(codes(contactFindings([registered, first, silent]))).toEqual(['FIRST_CONTACT_WITHOUT_NOTICE']);
    expect(contactFindings([registered, first, rec(EX.PrivacyNoticeGiven, callAt)])).toEqual([]);
    const ownCustomer = rec({ ...EX.ContactRegistered, data: { ...EX.ContactRegistered.data, source: { kind: 'own_customer' } } }, '2026-03-02T08:00:00.000Z');
    expect(contactFindings([ownCustomer, first])).toEqual([]);
  });

  it('ERASURE_OVERDUE: due 30 days after the request; open while a processor that received the data has not confirmed', () => {
    const share = rec(EX.DataSharedWithProcessor, '2026-03-03T08:00:00.000Z');
    const requested = rec(EX.ErasureRequested, '2026-04-01T10:00:00.000Z');
    const open = contactFindings([registered, share, requested, rec(EX.ErasureCompleted, '2026-04-02T10:00:00.000Z')]);
    expect(open).toMatchObject([
      {
        code: 'ERASURE_OVERDUE',
        dueAt: '2026-05-01T10:00:00.000Z',
        resolvedAt: null,
        details: { erasureCompleted: true, awaitingProcessors: [EX.DataSharedWithProcessor.data.processorId] },
      },
    ]);
    expect(open[0]!.eventIds).toContain(share.eventId);
    const inTime = rec(EX.ProcessorErasureConfirmed, '2026-04-20T10:00:00.000Z');
    expect(contactFindings([registered, share, requested, rec(EX.ErasureCompleted, '2026-04-02T10:00:00.000Z'), inTime])).toEqual([]);
    const late = rec(EX.ProcessorErasureConfirmed, '2026-05-20T10:00:00.000Z');
    expect(contactFindings([registered, share, requested, rec(EX.ErasureCompleted, '2026-04-02T10:00:00.000Z'), late])).toMatchObject([
      { code: 'ERASURE_OVERDUE', resolvedAt: '2026-05-20T10:00:00.000Z', resolvedBy: late.eventId },
    ]);
  });

  it('ACCESS_REQUEST_OVERDUE: answered after 30 days (resolved then), or not at all', () => {
    const requested = rec(EX.AccessRequested, '2026-04-01T10:00:00.000Z');
    expect(contactFindings([registered, requested])).toMatchObject([{ code: 'ACCESS_REQUEST_OVERDUE', dueAt: '2026-05-01T10:00:00.000Z', resolvedAt: null }]);
    expect(contactFindings([registered, requested, rec(EX.AccessFulfilled, '2026-04-11T10:00:00.000Z')])).toEqual([]);
    const late = rec(EX.AccessFulfilled, '2026-05-11T10:00:00.000Z');
    expect(contactFindings([registered, requested, late])).toMatchObject([{ resolvedAt: '2026-05-11T10:00:00.000Z', resolvedBy: late.eventId }]);
  });
});

describe('processor findings', () => {
  const registered = rec(EX.ProcessorRegistered, '2025-12-01T08:00:00.000Z');
  const agreement = rec(EX.ProcessorAgreementSigned, '2025-12-20T08:00:00.000Z');
  const share = rec(EX.DataSharedWithProcessor, '2026-03-10T08:00:00.000Z');

  it('DATA_SHARED_WITHOUT_SAFEGUARD: to Morocco with no SCC; an SCC recorded later resolves it', () => {
    const found = processorFindings([registered, agreement, share]);
    expect(found).toMatchObject([{ code: 'DATA_SHARED_WITHOUT_SAFEGUARD', resolvedAt: null, eventIds: [share.eventId], details: { destinationCountry: 'MA' } }]);
    const scc = rec(EX.TransferSafeguardRecorded, '2026-01-01T00:00:00.000Z', '2026-04-01T08:00:00.000Z');
    expect(processorFindings([registered, agreement, share, scc])).toEqual([]);
    const laterScc = rec({ ...EX.TransferSafeguardRecorded, data: { ...EX.TransferSafeguardRecorded.data, validFrom: '2026-04-01' } }, '2026-04-01T08:00:00.000Z');
    expect(processorFindings([registered, agreement, share, laterScc])).toMatchObject([
      { code: 'DATA_SHARED_WITHOUT_SAFEGUARD', resolvedAt: '2026-04-01T08:00:00.000Z', resolvedBy: laterScc.eventId },
    ]);
  });

  it('no safeguard needed inside the EEA or under an adequacy decision', () => {
    const toFrance = rec({ ...EX.DataSharedWithProcessor, data: { ...EX.DataSharedWithProcessor.data, destinationCountry: 'FR' } }, '2026-03-10T08:00:00.000Z');
    const toJapan = rec({ ...EX.DataSharedWithProcessor, data: { ...EX.DataSharedWithProcessor.data, destinationCountry: 'JP' } }, '2026-03-10T08:00:00.000Z');
    expect(processorFindings([registered, agreement, toFrance, toJapan])).toEqual([]);
  });

  it('DATA_SHARED_WITHOUT_AGREEMENT: no agreement in force at the share', () => {
    const toFrance = rec({ ...EX.DataSharedWithProcessor, data: { ...EX.DataSharedWithProcessor.data, destinationCountry: 'FR' } }, '2025-12-10T08:00:00.000Z');
    expect(processorFindings([registered, toFrance, agreement])).toMatchObject([
      { code: 'DATA_SHARED_WITHOUT_AGREEMENT', resolvedBy: agreement.eventId, resolvedAt: '2025-12-20T08:00:00.000Z' },
    ]);
  });
});

describe('campaign findings', () => {
  const defined = rec(EX.CampaignDefined, '2026-02-01T08:00:00.000Z');
  const started = rec(EX.CampaignStarted, '2026-03-05T08:00:00.000Z');

  it('CAMPAIGN_WITHOUT_BALANCING_TEST and CAMPAIGN_WITHOUT_DPIA: started without them', () => {
    expect(codes(campaignFindings([defined, started]))).toEqual(['CAMPAIGN_WITHOUT_BALANCING_TEST', 'CAMPAIGN_WITHOUT_DPIA']);
    const test = rec(EX.BalancingTestRecorded, '2026-03-01T10:00:00.000Z');
    const dpia = rec(EX.DpiaRecorded, '2026-02-20T10:00:00.000Z');
    expect(campaignFindings([defined, test, dpia, started])).toEqual([]);
  });

  it('a test recorded after the start resolves the finding; a failed one does not', () => {
    const dpia = rec(EX.DpiaRecorded, '2026-02-20T10:00:00.000Z');
    const failed = rec({ ...EX.BalancingTestRecorded, data: { ...EX.BalancingTestRecorded.data, outcome: 'failed' } }, '2026-03-01T10:00:00.000Z');
    expect(campaignFindings([defined, dpia, failed, started])).toMatchObject([{ code: 'CAMPAIGN_WITHOUT_BALANCING_TEST', resolvedAt: null }]);
    const late = rec({ ...EX.BalancingTestRecorded, data: { ...EX.BalancingTestRecorded.data, assessedAt: '2026-03-09T10:00:00.000Z' } }, '2026-03-09T10:00:00.000Z');
    expect(campaignFindings([defined, dpia, started, late])).toMatchObject([
      { code: 'CAMPAIGN_WITHOUT_BALANCING_TEST', resolvedAt: '2026-03-09T10:00:00.000Z', resolvedBy: late.eventId },
    ]);
  });

  it('a test lapses after the renewal period of 12 months, whatever its own end', () => {
    const dpia = rec(EX.DpiaRecorded, '2026-02-20T10:00:00.000Z');
    const old = rec({ ...EX.BalancingTestRecorded, data: { ...EX.BalancingTestRecorded.data, assessedAt: '2025-02-01T10:00:00.000Z', validUntil: '2030-01-01T00:00:00.000Z' } }, '2025-02-01T10:00:00.000Z');
    expect(codes(campaignFindings([defined, dpia, old, started]))).toEqual(['CAMPAIGN_WITHOUT_BALANCING_TEST']);
    const recent = rec({ ...EX.BalancingTestRecorded, data: { ...EX.BalancingTestRecorded.data, assessedAt: '2025-06-01T10:00:00.000Z', validUntil: '2030-01-01T00:00:00.000Z' } }, '2025-06-01T10:00:00.000Z');
    expect(campaignFindings([defined, dpia, recent, started])).toEqual([]);
  });

  it('a consent-based campaign needs no balancing test', () => {
    const consent = rec({ ...EX.CampaignDefined, data: { ...EX.CampaignDefined.data, legalBasis: 'consent' } }, '2026-02-01T08:00:00.000Z');
    expect(codes(campaignFindings([consent, started]))).toEqual(['CAMPAIGN_WITHOUT_DPIA']);
  });
});

describe('organisation findings', () => {
  it('BREACH_NOTIFICATION_LATE: notified after 72 hours (resolved then), or not yet', () => {
    const detected = rec(EX.BreachDetected, '2026-05-04T07:30:00.000Z');
    expect(organisationFindings([detected, rec(EX.BreachNotified, '2026-05-05T15:00:00.000Z')])).toEqual([]);
    expect(organisationFindings([detected])).toMatchObject([{ code: 'BREACH_NOTIFICATION_LATE', dueAt: '2026-05-07T07:30:00.000Z', resolvedAt: null }]);
    const late = rec({ ...EX.BreachNotified, data: { ...EX.BreachNotified.data, notifiedAt: '2026-05-09T07:30:00.000Z' } }, '2026-05-09T07:30:00.000Z');
    expect(organisationFindings([detected, late])).toMatchObject([
      { code: 'BREACH_NOTIFICATION_LATE', resolvedAt: '2026-05-09T07:30:00.000Z', resolvedBy: late.eventId, details: { hoursToNotify: 120 } },
    ]);
  });
});
