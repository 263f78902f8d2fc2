import { randomUUID } from 'node:crypto';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { EligibilityReader } from '@calltrail/ledger';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { auditCalls, processingRegister, queryFindings, replayProcessingRegister, type CallAudit } from '@calltrail/reports';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeSharedPglite, testDatabases } from '../../support/databases';
import { testPhoneHash } from '../../support/eligibility-world';
import { playFutura } from './futura-story';

afterAll(() => closeSharedPglite());

describe.each(testDatabases())('the Futura story (seed 001) on %s', (_target, fresh) => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setUp() {
    const database = await fresh();
    const store = await openPostgresEventStore(database.db);
    const runner = new ProjectionRunner(database.db, store, allProjections());
    await runner.prepare();
    const story = await playFutura(store, database.db, (iso) => vi.setSystemTime(new Date(iso)));
    vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'));
    await runner.catchUp();
    return { ...database, store, runner, story };
  }

  const callOf = (audit: CallAudit, callId: string) => audit.findings.find((call) => call.callId === callId);
  const codes = (reasons: { code: string }[]) => reasons.map((why) => why.code).sort();

  it('audits every call on both bases: the objection through A binds B, the late report is a propagation delay', async () => {
    const { db, store, story, dispose } = await setUp();
    const audit = await auditCalls({ store, db }, { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(audit.summary).toMatchObject({ callsAudited: 4, lawful: 1, callWhileIneligible: 2, propagationDelay: 1 });

    const objector = callOf(audit, story.calls.bCallsObjector)!;
    expect(objector).toMatchObject({ finding: 'CALL_WHILE_INELIGIBLE', processorId: story.centreB, contactId: story.contacts.c1 });
    expect(codes(objector.legal.reasons)).toEqual(['OBJECTED']);
    expect(codes(objector.known.reasons)).toEqual(['OBJECTED']);

    const late = callOf(audit, story.calls.bCallsLateObjector)!;
    expect(late.finding).toBe('PROPAGATION_DELAY');
    expect(late.known).toEqual({ eligible: true, reasons: [] });
    expect(late.legal.reasons.map((why) => [why.code, why.eventIds])).toEqual([['OBJECTED', [story.eventIds.lateObjection]]]);
    expect(late.reportedLate).toEqual([
      { eventId: story.eventIds.lateObjection, type: 'ObjectionRaised', occurredAt: '2026-02-16T10:00:00.000Z', recordedAt: '2026-02-20T16:00:00.000Z' },
    ]);

    const offshore = callOf(audit, story.calls.moroccoCallsC3)!;
    expect(offshore.finding).toBe('CALL_WHILE_INELIGIBLE');
    expect(codes(offshore.legal.reasons)).toEqual(['DATA_NOT_SHARED_WITH_PROCESSOR', 'TRANSFER_WITHOUT_SAFEGUARD']);
    expect(callOf(audit, story.calls.aCallsC3)).toBeUndefined();
    expect(JSON.stringify(audit)).not.toContain('sealed');
    await dispose();
  });

  it('narrows the audit to a processor, a campaign and a period', async () => {
    const { db, store, runner, story, dispose } = await setUp();
    const year = { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const forB = await auditCalls({ store, db }, { ...year, processorId: story.centreB });
    expect(forB.findings.map((call) => call.callId).sort()).toEqual([story.calls.bCallsObjector, story.calls.bCallsLateObjector].sort());
    expect(forB.summary.callsAudited).toBe(2);
    const march = await auditCalls({ store, db }, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', campaignId: story.campaignId });
    expect(march.findings.map((call) => call.callId)).toEqual([story.calls.moroccoCallsC3]);
    // Morocco calls c3 again; the SCC signed on 2 March, before the share, is recorded only on the 20th. The ledger
    // would have said no (KNOWN), the law says yes (LEGAL): lawful, no finding.
    vi.setSystemTime(new Date('2026-03-16T10:00:00.000Z'));
    const callId = randomUUID();
    await store.appendToStream(`call-${callId}`, [
      { type: 'CallAttempted', data: {
        callId, contactId: story.contacts.c3, campaignId: story.campaignId, processorId: story.morocco, agentId: 'agent-1',
        presentedCallerId: '+33170000000', humanAgent: true, dialled: { phoneHash: testPhoneHash('+33612345673'), lineType: 'mobile' },
        startedAt: '2026-03-16T10:00:00.000Z', rings: 2, result: 'no_answer', durationSeconds: null,
      } },
    ], { expectedVersion: 'any' });
    vi.setSystemTime(new Date('2026-03-20T10:00:00.000Z'));
    const scc = { processorId: story.morocco, safeguardId: randomUUID(), kind: 'scc', destinationCountry: 'MA', validFrom: '2026-03-02', validUntil: null, documentRef: 'scc.pdf' };
    const signed = { occurredAt: '2026-03-02T08:30:00.000Z' };
    await store.appendToStream(`processor-${story.morocco}`, [{ type: 'TransferSafeguardRecorded', data: scc, metadata: signed }], { expectedVersion: 'any' });
    const lawfulByLaw = await auditCalls({ store, db }, { from: '2026-03-16', to: '2026-03-17' });
    expect(lawfulByLaw.summary).toMatchObject({ callsAudited: 1, lawful: 1 });
    expect(lawfulByLaw.findings).toEqual([]);
    await runner.catchUp();
    const reader = new EligibilityReader({ db, store, phoneHash: testPhoneHash });
    const target = { campaignId: story.campaignId, processorId: story.morocco, at: new Date('2026-03-16T10:00:00.000Z') };
    expect(codes((await reader.check({ contactId: story.contacts.c3 }, { ...target, basis: 'KNOWN' })).reasons)).toEqual([
      'DATA_NOT_SHARED_WITH_PROCESSOR',
      'TRANSFER_WITHOUT_SAFEGUARD',
    ]);
    await expect(auditCalls({ store, db }, { from: '2026-04-01', to: '2026-03-01' })).rejects.toMatchObject({ code: 'INVALID_REPORT_QUERY', field: 'to' });
    await expect(auditCalls({ store, db }, { ...year, campaignId: 'futura' })).rejects.toMatchObject({ field: 'campaignId' });
    await dispose();
  });

  it('keeps the findings: recording without notice, the transfer to Morocco without SCC, the overdue erasure', async () => {
    const { db, story, dispose } = await setUp();
    const today = await queryFindings(db, {}, '2026-12-01T12:00:00.000Z');
    const byCode = (code: string) => today.findings.filter((found) => found.code === code);
    expect(byCode('RECORDING_WITHOUT_NOTICE')).toMatchObject([
      { status: 'OPEN', callId: story.calls.moroccoCallsC3, processorId: story.morocco, seed: '001', eventIds: expect.arrayContaining([story.eventIds.recordingWithoutNotice]) },
    ]);
    expect(byCode('DATA_SHARED_WITHOUT_SAFEGUARD')).toMatchObject([
      { status: 'OPEN', processorId: story.morocco, eventIds: [story.eventIds.moroccoShare], details: { destinationCountry: 'MA', contacts: 2 } },
    ]);
    const [erasure] = byCode('ERASURE_OVERDUE');
    expect(erasure).toMatchObject({ status: 'OPEN', contactId: story.contacts.c4, dueAt: '2026-04-09T09:00:00.000Z', resolvedAt: null });
    expect(erasure!.eventIds).toContain(story.eventIds.erasureRequest);
    expect((erasure!.details['awaitingProcessors'] as string[]).sort()).toEqual([story.centreB, story.morocco].sort());
    expect(byCode('FIRST_CONTACT_WITHOUT_NOTICE')).toMatchObject([{ contactId: story.contacts.c1, callId: story.calls.bCallsObjector }]);
    // No training was ever recorded for the agents who called.
    expect(byCode('AGENT_NOT_TRAINED')).toHaveLength(4);
    expect(today.byCode.map((count) => count.code).sort()).toEqual(
      ['AGENT_NOT_TRAINED', 'DATA_SHARED_WITHOUT_SAFEGUARD', 'ERASURE_OVERDUE', 'FIRST_CONTACT_WITHOUT_NOTICE', 'RECORDING_WITHOUT_NOTICE'],
    );

    // Before its deadline the erasure is not a finding yet; the filter narrows by code and processor.
    const march = await queryFindings(db, { code: 'ERASURE_OVERDUE' }, '2026-03-31T00:00:00.000Z');
    expect(march.findings).toEqual([]);
    const offshore = await queryFindings(db, { processorId: story.morocco }, '2026-12-01T12:00:00.000Z');
    expect(offshore.findings.map((found) => found.code).sort()).toEqual(['AGENT_NOT_TRAINED', 'DATA_SHARED_WITHOUT_SAFEGUARD', 'RECORDING_WITHOUT_NOTICE']);
    await expect(queryFindings(db, { code: 'LATE' }, new Date())).rejects.toMatchObject({ code: 'INVALID_REPORT_QUERY', field: 'filter.code' });
    await dispose();
  });

  it('resolves a finding when the fact that clears it is recorded, and keeps it in history', async () => {
    const { db, store, runner, story, dispose } = await setUp();
    vi.setSystemTime(new Date('2026-06-01T09:00:00.000Z'));
    const scc = { processorId: story.morocco, safeguardId: story.eventIds.moroccoShare, kind: 'scc', destinationCountry: 'MA', validFrom: '2026-06-01', validUntil: null, documentRef: 'scc-2021-914-atlas.pdf' };
    const [appended] = (await store.appendToStream(`processor-${story.morocco}`, [{ type: 'TransferSafeguardRecorded', data: scc }], { expectedVersion: 'any' })).events;
    await runner.catchUp();
    const query = { code: 'DATA_SHARED_WITHOUT_SAFEGUARD' };
    expect((await queryFindings(db, query, '2026-12-01T00:00:00.000Z')).findings).toMatchObject([
      { status: 'RESOLVED', resolvedBy: appended!.eventId, resolvedAt: '2026-06-01T09:00:00.000Z' },
    ]);
    expect((await queryFindings(db, query, '2026-05-01T00:00:00.000Z')).findings).toMatchObject([{ status: 'OPEN', resolvedAt: null }]);
    expect((await queryFindings(db, { ...query, status: 'OPEN' }, '2026-12-01T00:00:00.000Z')).findings).toEqual([]);

    // A training of B's agent, covering the days of its calls, reported in June: B's calls are cleared then.
    vi.setSystemTime(new Date('2026-06-02T09:00:00.000Z'));
    const training = { processorId: story.centreB, agentId: 'agent-1', course: 'GDPR for call agents', completedOn: '2026-01-02', validUntil: '2027-01-02' };
    const [trained] = (await store.appendToStream(`processor-${story.centreB}`, [{ type: 'AgentTrainingRecorded', data: training }], { expectedVersion: 'any' })).events;
    await runner.catchUp();
    const untrained = (await queryFindings(db, { code: 'AGENT_NOT_TRAINED' }, '2026-12-01T00:00:00.000Z')).findings;
    expect(untrained.filter((found) => found.processorId === story.centreB)).toMatchObject([
      { status: 'RESOLVED', resolvedBy: trained!.eventId },
      { status: 'RESOLVED', resolvedBy: trained!.eventId },
    ]);
    expect(untrained.filter((found) => found.status === 'OPEN').map((found) => found.processorId).sort()).toEqual([story.centreA, story.morocco].sort());
    await dispose();
  });

  it('judges caller ids by the profile in force at each call, also when a profile is recorded late', async () => {
    const { db, store, runner, story, dispose } = await setUp();
    const callerIdFindings = async () => (await queryFindings(db, { code: 'CALLER_ID_NOT_RECOGNISABLE' }, '2026-12-01T00:00:00.000Z')).findings;
    expect(await callerIdFindings()).toEqual([]);
    // From 1 March the organisation calls from a new number only; recorded in April.
    vi.setSystemTime(new Date('2026-04-01T09:00:00.000Z'));
    const [profile] = await store.readStream('organisation');
    const data = { ...profile!.data, callerIds: ['+33180000000'] };
    await store.appendToStream('organisation', [{ type: 'OrganisationProfileSet', data, metadata: { occurredAt: '2026-03-01T00:00:00.000Z' } }], { expectedVersion: 'any' });
    await runner.catchUp();
    expect((await callerIdFindings()).map((found) => found.callId)).toEqual([story.calls.moroccoCallsC3]);
    await dispose();
  });

  it('keeps the same findings whether events arrive one by one or in one batch', async () => {
    const { db, store, runner, dispose } = await setUp();
    const rows = async () => (await db.query('SELECT * FROM findings ORDER BY finding_id')).rows;
    const inBatches = await rows();
    expect(inBatches.length).toBeGreaterThan(5);
    await new ProjectionRunner(db, store, runner.projections, { batchSize: 1 }).rebuild(['findings']);
    expect(await rows()).toEqual(inBatches);
    await dispose();
  });

  it('builds the register as of a date: no Moroccan centre before it was added; today with the transfer gap shown', async () => {
    const { db, store, story, dispose } = await setUp();
    const before = await processingRegister(db, story.beforeMorocco);
    expect(before.activities).toHaveLength(1);
    const early = before.activities[0]!;
    expect(early.recipients.value.map((recipient) => recipient.processorId).sort()).toEqual([story.centreA, story.centreB].sort());
    expect(early.transfers).toEqual({ value: [], eventIds: [], gap: null });
    expect(before.gaps).toEqual([]);

    const today = await processingRegister(db, '2026-12-01T12:00:00.000Z');
    // The read models give what the replay of the whole store gives, on both dates.
    expect(before).toEqual(await replayProcessingRegister(store, story.beforeMorocco));
    expect(today).toEqual(await replayProcessingRegister(store, '2026-12-01T12:00:00.000Z'));
    const activity = today.activities[0]!;
    expect(activity.recipients.value.map((recipient) => recipient.name)).toContain('Atlas Appels SARL');
    expect(activity.transfers.value).toEqual([
      expect.objectContaining({ processorId: story.morocco, country: 'MA', safeguard: null, reference: null }),
    ]);
    expect(activity.transfers.gap).toBe('Atlas Appels SARL (MA): no adequacy decision and no SCC or BCR');
    expect(activity.transfers.eventIds).toContain(story.eventIds.moroccoShare);
    expect(today.gaps).toEqual([expect.objectContaining({ campaignId: story.campaignId, column: 'transfers', eventIds: activity.transfers.eventIds })]);

    expect(activity.purpose.value).toBe('Offer heat pumps and insulation to home owners');
    expect(activity.legalBasis.value).toBe('legitimate_interest');
    expect(activity.balancingTest.value).toMatchObject({ outcome: 'passed', documentRef: 'balancing-test-2026.pdf' });
    expect(activity.personalData.value).toEqual(['name', 'phone', 'email', 'call_recordings']);
    expect(activity.sources.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'purchased_list', provider: 'Fichiers Prospects SARL', contacts: 1 })]),
    );
    expect(today.controller.value).toMatchObject({ name: 'Futura Internationale' });
    for (const column of [activity.purpose, activity.legalBasis, activity.balancingTest, activity.dataSubjects, activity.personalData, activity.sources, activity.recipients, activity.retention, activity.securityMeasures, activity.dpia]) {
      expect(column.eventIds.length).toBeGreaterThan(0);
    }
    await dispose();
  });
});
