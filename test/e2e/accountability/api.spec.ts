import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphql } from '../../support/graphql-client';
import { ledgerTargets, openTargetLedger, type LedgerTarget } from '../../support/ledger-targets';
import { playFutura, type FuturaStory } from './futura-story';

const AUDIT = `query ($from: DateTime!, $to: DateTime!, $processorId: ID, $campaignId: ID) {
  auditCalls(from: $from, to: $to, processorId: $processorId, campaignId: $campaignId) {
    checkpoint summary { callsAudited lawful callWhileIneligible propagationDelay byReason { code calls } }
    findings { callId processorId at finding legal { eligible reasons { code eventIds } } known { eligible reasons { code } } reportedLate { eventId recordedAt } }
  }
}`;
const FINDINGS = `query ($filter: FindingsFilterInput, $asOf: DateTime) {
  findings(filter: $filter, asOf: $asOf) { asOf byCode { code open resolved } findings { code status seed dueAt processorId contactId eventIds details } }
}`;
const REGISTER = `query ($asOf: DateTime) {
  processingRegister(asOf: $asOf) {
    asOf controller { value { name } eventIds }
    activities { campaignId purpose { value eventIds } recipients { value { name country } gap } transfers { value { country safeguard } gap eventIds } }
    gaps { column gap }
  }
}`;

describe.each(ledgerTargets())('accountability over GraphQL on %s', (_name, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  let server: RunningServer;
  let story: FuturaStory;
  let analyst: string;
  let dialer: string;

  beforeAll(async () => {
    target = await prepare();
    ledger = await openTargetLedger(target, { CALLTRAIL_PORT: '0' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      story = await playFutura(ledger.store, ledger.database, (iso) => vi.setSystemTime(new Date(iso)));
    } finally {
      vi.useRealTimers();
    }
    await new ProjectionRunner(ledger.database, ledger.store, allProjections()).catchUp();
    analyst = (await ledger.apiKeys.create({ role: 'analyst' })).key;
    dialer = (await ledger.apiKeys.create({ role: 'dialer', processorId: story.centreB })).key;
    server = await startServer(ledger);
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await target?.cleanup();
  });

  const year = { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

  it('audits the calls for an analyst key: the objection through A binds B, the late report is a propagation delay', async () => {
    const response = await graphql<{ auditCalls: { summary: Record<string, number>; findings: { callId: string; finding: string; legal: { reasons: { code: string }[] }; known: { eligible: boolean } }[] } }>(
      server.url,
      AUDIT,
      { key: analyst, variables: { ...year, processorId: story.centreB } },
    );
    expect(response.body.errors).toBeUndefined();
    const audit = response.body.data!.auditCalls;
    expect(audit.summary).toMatchObject({ callsAudited: 2, lawful: 0, callWhileIneligible: 1, propagationDelay: 1 });
    const byCall = new Map(audit.findings.map((call) => [call.callId, call]));
    expect(byCall.get(story.calls.bCallsObjector)).toMatchObject({ finding: 'CALL_WHILE_INELIGIBLE', legal: { reasons: [{ code: 'OBJECTED' }] } });
    expect(byCall.get(story.calls.bCallsLateObjector)).toMatchObject({ finding: 'PROPAGATION_DELAY', known: { eligible: true } });
  });

  it('refuses a dialer key, and bad arguments with the field named, storing nothing', async () => {
    const head = await ledger.store.headPosition();
    const forbidden = await graphql(server.url, AUDIT, { key: dialer, variables: year });
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const backwards = await graphql(server.url, AUDIT, { key: analyst, variables: { from: year.to, to: year.from } });
    expect(backwards.body.errors?.[0]).toMatchObject({ message: 'to: must be after from', extensions: { code: 'INVALID_INPUT', field: 'to' } });
    const notUuid = await graphql(server.url, AUDIT, { key: analyst, variables: { ...year, campaignId: 'futura' } });
    expect(notUuid.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'campaignId' });
    const unknownCode = await graphql(server.url, FINDINGS, { key: analyst, variables: { filter: { code: 'LATE_CALL' } } });
    expect(unknownCode.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'filter.code' });
    expect(JSON.stringify([forbidden.body, backwards.body, notUuid.body, unknownCode.body])).not.toMatch(/\bat .+:\d+:\d+/);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('lists the findings as of a date, with the events behind each', async () => {
    const response = await graphql<{ findings: { findings: { code: string; status: string; processorId: string; eventIds: string[]; details: string }[] } }>(
      server.url,
      FINDINGS,
      { key: analyst, variables: { filter: { processorId: story.morocco }, asOf: '2026-12-01T12:00:00Z' } },
    );
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data!.findings.findings;
    expect(found.map((f) => f.code).sort()).toEqual(['AGENT_NOT_TRAINED', 'DATA_SHARED_WITHOUT_SAFEGUARD', 'RECORDING_WITHOUT_NOTICE']);
    const transfer = found.find((f) => f.code === 'DATA_SHARED_WITHOUT_SAFEGUARD')!;
    expect(transfer).toMatchObject({ status: 'OPEN', eventIds: [story.eventIds.moroccoShare] });
    expect(JSON.parse(transfer.details)).toMatchObject({ destinationCountry: 'MA' });
    const erasure = await graphql<{ findings: { findings: { code: string }[] } }>(server.url, FINDINGS, {
      key: analyst,
      variables: { filter: { code: 'ERASURE_OVERDUE' }, asOf: '2026-04-01T00:00:00Z' },
    });
    expect(erasure.body.data!.findings.findings).toEqual([]);
  });

  it('builds the register as of a date, the Moroccan transfer a visible gap', async () => {
    type Register = { processingRegister: { activities: { recipients: { value: { name: string }[] }; transfers: { value: { country: string; safeguard: string | null }[]; gap: string | null } }[]; gaps: { column: string }[] } };
    const before = await graphql<Register>(server.url, REGISTER, { key: analyst, variables: { asOf: story.beforeMorocco } });
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data!.processingRegister.activities[0]!.recipients.value.map((r) => r.name)).not.toContain('Atlas Appels SARL');
    const today = await graphql<Register>(server.url, REGISTER, { key: analyst });
    const activity = today.body.data!.processingRegister.activities[0]!;
    expect(activity.recipients.value.map((r) => r.name)).toContain('Atlas Appels SARL');
    expect(activity.transfers.value).toEqual([{ country: 'MA', safeguard: null }]);
    expect(activity.transfers.gap).toContain('no adequacy decision and no SCC or BCR');
    expect(today.body.data!.processingRegister.gaps.map((gap) => gap.column)).toEqual(['transfers']);
  });
});
