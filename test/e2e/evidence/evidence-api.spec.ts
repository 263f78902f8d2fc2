import { CommandPipeline } from '@calltrail/ledger';
import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../support/graphql-client';
import { ledgerTargets, openTargetLedger, type LedgerTarget } from '../../support/ledger-targets';
import { ALICE, BOB, buildEvidenceWorld, type EvidenceWorld } from './evidence-world';

const DOSSIER = `query ($contactId: ID!) { contactDossier(contactId: $contactId) { contactId status markdown json accessFulfilled { requestId } } }`;
const ANSWER = `mutation ($contactId: ID!, $requestId: ID!) {
  answerAccessRequest(contactId: $contactId, accessRequestId: $requestId, deliveredVia: "letter") {
    status json accessFulfilled { requestId deliveredVia dossierRef eventId }
  }
}`;
const CERTIFICATE = `query ($contactId: ID!) {
  erasureCertificate(contactId: $contactId) { verdict keyDestroyedAt markdown processors { processorName confirmedAt withinDeadline } }
}`;
const CAMPAIGN = `query ($campaignId: ID!) {
  campaignEvidence(campaignId: $campaignId) { name balancingTestInForce objectionsReceived objectionsHonoured callsAudited json
    processors { name transferSafeguarded untrainedAgents } }
}`;
const CTM = `query ($productCategory: String, $bucketMonths: Int!, $from: DateTime!, $to: DateTime!) {
  ctmReport(productCategory: $productCategory, bucketMonths: $bucketMonths, from: $from, to: $to) {
    totals { calls answered } buckets { label calls } csv svg markdown
  }
}`;

describe.each(ledgerTargets())('evidence packs and the CTM report over GraphQL on %s', (_name, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  let server: RunningServer;
  let world: EvidenceWorld;
  let compliance: string;
  let analyst: string;

  beforeAll(async () => {
    target = await prepare();
    ledger = await openTargetLedger(target, { CALLTRAIL_PORT: '0' });
    compliance = (await ledger.apiKeys.create({ role: 'compliance' })).key;
    analyst = (await ledger.apiKeys.create({ role: 'analyst' })).key;
    const pipeline = await CommandPipeline.open({ store: ledger.store, db: ledger.database, vault: ledger.vault });
    world = await buildEvidenceWorld(ledger.store, pipeline);
    server = await startServer(ledger);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await target?.cleanup();
  });

  const ask = (query: string, key: string, variables: Record<string, unknown>) => graphql(server.url, query, { key, variables });

  it('refuses an analyst the dossier and the answer to an access request, storing nothing', async () => {
    const before = (await ledger.store.readStream(`contact-${world.alice}`)).length;
    for (const [query, variables] of [[DOSSIER, { contactId: world.alice }], [ANSWER, { contactId: world.alice, requestId: world.aliceAccessRequest }]] as const) {
      const response = await ask(query, analyst, variables);
      expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(response.text).not.toContain(ALICE.name);
    }
    expect(await ledger.store.readStream(`contact-${world.alice}`)).toHaveLength(before);
  });

  it('gives compliance the decrypted dossier, and records AccessFulfilled when it answers the request', async () => {
    const looked = await ask(DOSSIER, compliance, { contactId: world.alice });
    const dossier = (looked.body.data as { contactDossier: { json: string; markdown: string; accessFulfilled: null } }).contactDossier;
    expect(JSON.parse(dossier.json).identity.name).toBe(ALICE.name);
    expect(dossier.markdown).toContain(ALICE.email);
    expect(dossier.accessFulfilled).toBeNull();

    const answered = await ask(ANSWER, compliance, { contactId: world.alice, requestId: world.aliceAccessRequest });
    const answer = (answered.body.data as { answerAccessRequest: { json: string; accessFulfilled: { eventId: string; deliveredVia: string; dossierRef: string } } })
      .answerAccessRequest;
    expect(JSON.parse(answer.json).phones[0].number).toBe(ALICE.phone);
    const last = (await ledger.store.readStream(`contact-${world.alice}`)).at(-1)!;
    expect(last).toMatchObject({ eventId: answer.accessFulfilled.eventId, type: 'AccessFulfilled' });
    expect(last.data).toMatchObject({ deliveredVia: 'letter', dossierRef: answer.accessFulfilled.dossierRef });
    expect(last.metadata.actor).toMatchObject({ role: 'compliance' });

    const again = await ask(ANSWER, compliance, { contactId: world.alice, requestId: world.aliceAccessRequest });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_ALREADY_CLOSED', field: 'requestId' });
  });

  it('lets an analyst read the erasure certificate and the campaign pack, neither holding personal data', async () => {
    const certificate = await ask(CERTIFICATE, analyst, { contactId: world.bob });
    expect(certificate.body.data).toMatchObject({ erasureCertificate: { verdict: 'COMPLETED_LATE' } });
    const campaign = await ask(CAMPAIGN, analyst, { campaignId: world.campaignId });
    expect(campaign.body.data).toMatchObject({
      campaignEvidence: { name: 'Heat pumps 2026', balancingTestInForce: true, objectionsReceived: 1, objectionsHonoured: 0, callsAudited: 4 },
    });
    for (const value of [...Object.values(ALICE), ...Object.values(BOB)]) {
      expect(certificate.text).not.toContain(value);
      expect(campaign.text).not.toContain(value);
    }
  });

  it('lets an analyst run the CTM report, and refuses bad arguments naming the field', async () => {
    const from = world.iso(-365);
    const to = world.iso(1);
    const report = await ask(CTM, analyst, { productCategory: 'heat-pumps', bucketMonths: 6, from, to });
    const ctm = (report.body.data as { ctmReport: { totals: { calls: number; answered: number }; buckets: { label: string; calls: number }[]; csv: string; svg: string } }).ctmReport;
    // Only Alice bought a heat pump (77 days before her calls: bucket 0–5); Bob's two calls have no purchase.
    expect(ctm.totals).toEqual({ calls: 4, answered: 4 });
    expect(ctm.buckets).toEqual([{ label: '0–5', calls: 2 }]);
    expect(ctm.csv.split('\r\n')[1]).toMatch(/^0–5,0,5,1,2,2,/);
    expect(ctm.svg).toContain('<svg');

    const badWidth = await ask(CTM, analyst, { productCategory: 'heat-pumps', bucketMonths: 0, from, to });
    expect(badWidth.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'bucketMonths' });
    const noScope = await ask(CTM, analyst, { bucketMonths: 6, from, to });
    expect(noScope.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'productCategory' });
    const dialer = (await ledger.apiKeys.create({ role: 'dialer', processorId: world.processorA })).key;
    expect((await ask(CTM, dialer, { productCategory: 'heat-pumps', bucketMonths: 6, from, to })).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
