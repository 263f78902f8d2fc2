import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { auditCalls, type CallAudit } from '@calltrail/reports';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeSharedPglite, testDatabases } from '../../support/databases';
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
    const { db, store, story, dispose } = await setUp();
    const year = { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const forB = await auditCalls({ store, db }, { ...year, processorId: story.centreB });
    expect(forB.findings.map((call) => call.callId).sort()).toEqual([story.calls.bCallsObjector, story.calls.bCallsLateObjector].sort());
    expect(forB.summary.callsAudited).toBe(2);
    const march = await auditCalls({ store, db }, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', campaignId: story.campaignId });
    expect(march.findings.map((call) => call.callId)).toEqual([story.calls.moroccoCallsC3]);
    await expect(auditCalls({ store, db }, { from: '2026-04-01', to: '2026-03-01' })).rejects.toMatchObject({ code: 'INVALID_REPORT_QUERY', field: 'to' });
    await expect(auditCalls({ store, db }, { ...year, campaignId: 'futura' })).rejects.toMatchObject({ field: 'campaignId' });
    await dispose();
  });
});
