import { randomBytes, randomUUID } from 'node:crypto';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { CommandPipeline } from '@calltrail/ledger';
import { masterKeyFromBytes, openPiiVault, type PiiVault } from '@calltrail/pii-vault';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import {
  answerContactDossier,
  campaignEvidence,
  campaignEvidenceMarkdown,
  contactDossier,
  contactDossierMarkdown,
  dossierReference,
  erasureCertificate,
  erasureCertificateMarkdown,
} from '@calltrail/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedPglite, testDatabases, type TestDatabase } from '../../support/databases';
import { ALICE, ANALYST, BOB, COMPLIANCE, buildEvidenceWorld, type EvidenceWorld } from './evidence-world';

afterAll(() => closeSharedPglite());

describe.each(testDatabases())('evidence packs on %s', (_target, fresh) => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof openPostgresEventStore>>;
  let vault: PiiVault;
  let pipeline: CommandPipeline;
  let world: EvidenceWorld;

  beforeAll(async () => {
    database = await fresh();
    store = await openPostgresEventStore(database.db);
    vault = await openPiiVault(database.db, masterKeyFromBytes(randomBytes(32)));
    pipeline = await CommandPipeline.open({ store, db: database.db, vault });
    // The tables of the read models (the call audit reads the DNC entries), as openLedger makes them.
    await new ProjectionRunner(database.db, store, allProjections()).prepare();
    world = await buildEvidenceWorld(store, pipeline);
  }, 120_000);
  afterAll(() => database?.dispose());

  const execute = (actor = COMPLIANCE) => (command: Parameters<CommandPipeline['execute']>[0]) => pipeline.execute(command, actor);
  const typesOn = async (contactId: string) => (await store.readStream(`contact-${contactId}`)).map((event) => event.type);

  it('gives a contact their data decrypted, and records AccessFulfilled naming the dossier by its digest', async () => {
    const { dossier, answered } = await answerContactDossier({ store, vault, execute: execute() }, COMPLIANCE, world.alice, {
      requestId: world.aliceAccessRequest,
    });
    expect(dossier.status).toBe('active');
    expect(dossier.identity).toMatchObject({ name: ALICE.name, company: ALICE.company, country: 'BE' });
    expect(dossier.phones).toEqual([{ number: ALICE.phone, lineType: 'mobile' }]);
    expect(dossier.emails).toEqual([ALICE.email]);
    expect(dossier.source).toMatchObject({ kind: 'purchased_list', provider: 'ListCo' });
    expect(dossier.consents[0]!.evidence).toMatchObject({ method: 'web_form_opt_in', evidenceRef: 'form-submission-8812' });
    expect(dossier.purchases).toHaveLength(1);
    expect(dossier.objections.map((o) => o.text)).toEqual([ALICE.objection]);
    expect(dossier.complaints.map((c) => c.text)).toEqual([ALICE.complaint]);
    expect(dossier.calls.map((c) => [c.processorName, c.result, c.outcome])).toEqual([
      ['Belbel Contact', 'answered', 'not_interested'],
      ['Atlas Appels', 'answered', 'not_interested'],
    ]);
    expect(dossier.calls[0]!.notes.map((n) => n.text)).toEqual([ALICE.note]);
    expect(dossier.recipients.map((r) => [r.processorName, r.country])).toEqual([['Belbel Contact', 'BE'], ['Atlas Appels', 'MA']]);
    expect(dossier.accessRequests).toEqual([expect.objectContaining({ requestId: world.aliceAccessRequest, fulfilledAt: null })]);

    const markdown = contactDossierMarkdown(dossier);
    for (const value of [ALICE.name, ALICE.phone, ALICE.email, ALICE.note, ALICE.objection, 'Atlas Appels']) expect(markdown).toContain(value);

    const stream = await store.readStream(`contact-${world.alice}`);
    const fulfilled = stream.at(-1)!;
    expect(fulfilled.type).toBe('AccessFulfilled');
    expect(fulfilled.data).toMatchObject({ requestId: world.aliceAccessRequest, deliveredVia: 'email', dossierRef: dossierReference(dossier) });
    expect(answered!.fulfilment.events[0]!.eventId).toBe(fulfilled.eventId);
    // Answered once: the request now shows when, and a second answer is refused, storing nothing.
    expect((await contactDossier({ store, vault }, world.alice)).accessRequests[0]!.fulfilledAt).toBe(fulfilled.metadata.occurredAt);
    await expect(
      answerContactDossier({ store, vault, execute: execute() }, COMPLIANCE, world.alice, { requestId: world.aliceAccessRequest }),
    ).rejects.toMatchObject({ code: 'REQUEST_ALREADY_CLOSED' });
    expect((await typesOn(world.alice)).filter((type) => type === 'AccessFulfilled')).toHaveLength(1);
  });

  it('refuses a dossier of a contact never registered, or an id that is not one, naming the field', async () => {
    await expect(contactDossier({ store, vault }, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND', field: 'contactId' });
    await expect(contactDossier({ store, vault }, '+32470998877')).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'contactId' });
  });

  it('refuses the dossier to an analyst key, and records nothing', async () => {
    const before = await typesOn(world.alice);
    await expect(
      answerContactDossier({ store, vault, execute: execute(ANALYST) }, ANALYST, world.alice, { requestId: world.aliceAccessRequest }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await typesOn(world.alice)).toEqual(before);
  });

  it('says an erased contact was erased, with none of their data', async () => {
    const dossier = await contactDossier({ store, vault }, world.bob);
    expect(dossier).toMatchObject({ status: 'erased', identity: null, phones: [], emails: [], calls: [] });
    const text = JSON.stringify(dossier) + contactDossierMarkdown(dossier);
    expect(contactDossierMarkdown(dossier)).toContain('This contact was erased');
    for (const value of Object.values(BOB)) expect(text).not.toContain(value);
  });

  it('certifies the erasure with each processor\'s confirmation, says B was late, and holds no personal data', async () => {
    const certificate = await erasureCertificate({ store }, world.bob);
    expect(certificate.requestedAt).toBe(world.iso(-40));
    expect(certificate.keyDestroyedAt).toBe(world.iso(-39));
    expect(certificate.keyDestroyedWithinDeadline).toBe(true);
    const byName = Object.fromEntries(certificate.processors.map((p) => [p.processorName, p]));
    expect(byName['Belbel Contact']).toMatchObject({ confirmedAt: world.iso(-30), withinDeadline: true, received: ['data_shared', 'contacted'] });
    // B never received a share for Bob, but called him: it must confirm too, and did so 35 days after the request.
    expect(byName['Atlas Appels']).toMatchObject({ confirmedAt: world.iso(-5), withinDeadline: false, received: ['contacted'] });
    expect(certificate.verdict).toBe('COMPLETED_LATE');

    const markdown = erasureCertificateMarkdown(certificate);
    expect(markdown).toContain('completed, but not within 30 days');
    expect(markdown).toMatch(/Atlas Appels .*\| LATE \|/);
    const text = JSON.stringify(certificate) + markdown;
    for (const value of [...Object.values(BOB), BOB.phone.slice(3), ...BOB.name.split(' ')]) expect(text).not.toContain(value);
  });

  it('says an erasure is pending within the 30 days, overdue after them, and completed in time when it was', async () => {
    const run = execute();
    const erase = async (confirmAfterDays: number | null) => {
      const contactId = randomUUID();
      const requestId = randomUUID();
      await run({ type: 'RegisterContact', contactId, audience: 'B2C', country: 'BE', timeZone: 'Europe/Brussels', name: 'C. Test',
        phones: [], emails: ['c.test@example.be'], source: { kind: 'own_customer' }, occurredAt: world.iso(-20) });
      await run({ type: 'ShareDataWithProcessor', processorId: world.processorA, shareId: randomUUID(), contactIds: [contactId],
        dataCategories: ['email'], occurredAt: world.iso(-19) });
      await run({ type: 'RequestErasure', contactId, requestId, receivedVia: { processorId: null, channel: 'email' }, occurredAt: world.iso(-10) });
      if (confirmAfterDays !== null) {
        await run({ type: 'CompleteErasure', contactId, requestId, occurredAt: world.iso(-9) });
        await run({ type: 'ConfirmProcessorErasure', contactId, requestId, processorId: world.processorA, evidenceRef: 'ticket-1', occurredAt: world.iso(-10 + confirmAfterDays) });
      }
      return contactId;
    };
    const pending = await erase(null);
    expect((await erasureCertificate({ store }, pending)).verdict).toBe('PENDING');
    const in25Days = () => new Date(Date.parse(world.iso(25)));
    const overdue = await erasureCertificate({ store, clock: in25Days }, pending);
    expect(overdue.verdict).toBe('OVERDUE');
    expect(overdue.processors[0]).toMatchObject({ confirmedAt: null, withinDeadline: false });
    expect(erasureCertificateMarkdown(overdue)).toMatch(/\| MISSING \| — \| LATE \|/);
    expect((await erasureCertificate({ store }, await erase(5))).verdict).toBe('COMPLETED_IN_TIME');
  });

  it('refuses a certificate for a contact whose erasure was never asked for, naming the field', async () => {
    await expect(erasureCertificate({ store }, world.alice)).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND', field: 'contactId' });
    await expect(erasureCertificate({ store }, 'not-a-uuid')).rejects.toMatchObject({ code: 'INVALID_FIELD', field: 'contactId' });
  });

  it('builds the campaign pack: tests, DPIA, scrubs, processors, training, objections — without personal data', async () => {
    const pack = await campaignEvidence({ store, db: database.db }, world.campaignId);
    expect(pack.balancingTests).toEqual([expect.objectContaining({ outcome: 'passed', inForce: true, customerTermMonths: 24, dpoConsulted: true })]);
    expect(pack.dpias).toEqual([expect.objectContaining({ outcome: 'acceptable_with_measures', documentRef: 'dpia-2026.pdf' })]);
    expect(pack.dncScrubs).toEqual([expect.objectContaining({ registry: 'BE_DNCM', snapshotVersion: 'dncm-2026-11', snapshotTakenAt: world.iso(-95) })]);
    const [a, b] = [world.processorA, world.processorB].map((id) => pack.processors.find((p) => p.processorId === id)!);
    expect(a).toMatchObject({ country: 'BE', adequacy: 'EEA', agreementInForce: true, transferSafeguarded: true, calls: 2 });
    expect(a!.training).toMatchObject({ agentsWhoCalled: 1, agentsTrained: 1, untrainedAgents: [] });
    expect(b).toMatchObject({ country: 'MA', adequacy: null, transferSafeguarded: false, calls: 2 });
    expect(b!.training).toMatchObject({ agentsWhoCalled: 1, agentsTrained: 0, untrainedAgents: ['agent-2'], callsByUntrainedAgents: 2 });
    // Alice objected to A; B called her ten days later.
    expect(pack.objections).toMatchObject({ received: 1, honoured: 0 });
    expect(pack.objections.items[0]).toMatchObject({ receivedByProcessorId: world.processorA, callsAfter: 1, honoured: false });
    expect(pack.calls).toMatchObject({ attempts: 4, answered: 4, contactsCalled: 2 });
    // The audit summary: B's calls went to Morocco without SCC, and one followed Alice's objection.
    expect(pack.audit.callsAudited).toBe(4);
    const unlawful = Object.fromEntries(pack.audit.byReason.map((r) => [r.code, r.calls]));
    expect(unlawful['TRANSFER_WITHOUT_SAFEGUARD']).toBe(2);
    expect(unlawful['OBJECTED']).toBe(1);
    expect(pack.audit.callWhileIneligible + pack.audit.propagationDelay).toBeGreaterThanOrEqual(2);

    const text = JSON.stringify(pack) + campaignEvidenceMarkdown(pack);
    for (const value of [...Object.values(ALICE), ...Object.values(BOB)]) expect(text).not.toContain(value);
    expect(campaignEvidenceMarkdown(pack)).toContain('Agents without valid privacy training: agent-2.');
  });

  it('builds the pack as of an earlier date from what had occurred by then', async () => {
    const pack = await campaignEvidence({ store, db: database.db }, world.campaignId, new Date(world.iso(-59)));
    expect(pack.calls.attempts).toBe(1);
    expect(pack.objections.items[0]).toMatchObject({ callsAfter: 0, honoured: true });
    await expect(campaignEvidence({ store, db: database.db }, world.campaignId, new Date(world.iso(-200)))).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_FOUND' });
  });

  it('counts an objection that names no campaign, from a person the campaign called, as binding on it', async () => {
    await execute()({
      type: 'RaiseObjection', contactId: world.alice, objectionId: randomUUID(), scope: 'direct_marketing',
      receivedVia: { processorId: null, channel: 'letter' }, occurredAt: world.iso(-1),
    });
    const pack = await campaignEvidence({ store, db: database.db }, world.campaignId);
    expect(pack.objections).toMatchObject({ received: 2, honoured: 1 });
    expect(pack.objections.items[1]).toMatchObject({ raisedForCampaignId: null, channel: 'letter', callsAfter: 0, honoured: true });
    expect(campaignEvidenceMarkdown(pack)).toContain('| no campaign named | directly | letter | 0 | yes |');
  });
});
