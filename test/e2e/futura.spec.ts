/**
 * The Futura story (seed 001), over HTTP: two call centres in Morocco (one with SCCs, one
 * without), a legitimate-interest campaign with a balancing test, a bought list, calls with
 * notices and a recording, an objection through call centre A that call centre B is told of, a
 * note with health data refused, and an erasure after which no plaintext is left anywhere.
 */
import { randomUUID } from 'node:crypto';
import { EXAMPLE_EVENTS } from '@calltrail/domain';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client';
import { ledgerTargets, openTargetLedger, type LedgerTarget } from '../support/ledger-targets';
import { everyFileUnder, everyRowAsText } from '../support/plaintext-scan';

interface StoredEventRef {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
}

interface CommandResult {
  commandId: string | null;
  replayed: boolean;
  streamId: string;
  events: StoredEventRef[];
}

interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

const RESULT_FIELDS = 'commandId replayed streamId events { eventId type streamId streamVersion globalPosition }';

/** The mutation of a command, by the naming rule: `raiseObjection(input: RaiseObjectionInput!, commandId: ID)`. */
function mutationOf(name: string): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${inputType}!, $commandId: ID) { ${name}(input: $input, commandId: $commandId) { ${RESULT_FIELDS} } }`;
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

// Distinctive values, so that finding one anywhere after the erasure cannot be a coincidence.
const person = {
  name: 'Zulfiqar Oudekerk-Vrijdag',
  phone: '0470 55 66 77',
  e164: '+32470556677',
  email: 'zulfiqar.oudekerk@example.be',
  company: 'Oudekerk Tuinarchitectuur',
  note: 'Zulfiqar wil na de zomer teruggebeld worden over de Oudekerk-offerte',
};

const ids = {
  centreA: randomUUID(),
  centreB: randomUUID(),
  campaign: randomUUID(),
  contacts: [randomUUID(), randomUUID(), randomUUID()] as const,
  callByA: randomUUID(),
  callByB: randomUUID(),
  erasureRequest: randomUUID(),
};
const futuraContact = ids.contacts[0];

function boughtContact(contactId: string, name: string, phone: string) {
  return {
    contactId,
    audience: 'B2C',
    country: 'BE',
    timeZone: 'Europe/Brussels',
    name,
    phones: [{ number: phone, lineType: 'mobile' }],
    source: {
      kind: 'purchased_list',
      provider: 'Leadwinkel BVBA',
      collectionMethod: 'online energy quiz with opt-in for partner offers',
      reference: 'leadwinkel-2026-03.csv',
    },
  };
}

function callAttempt(callId: string, processorId: string, startedAt: string) {
  return {
    callId,
    contactId: futuraContact,
    campaignId: ids.campaign,
    processorId,
    agentId: 'agent-17',
    presentedCallerId: '+3225551234',
    humanAgent: true,
    dialled: { number: '+32 470 55 66 77', lineType: 'mobile' },
    startedAt,
    rings: 3,
    result: 'answered',
    durationSeconds: 140,
  };
}

describe.each(ledgerTargets())('the Futura story on %s, over HTTP', (_storeName, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  let server: RunningServer;
  const keys = { compliance: '', centreA: '', centreB: '', analyst: '', centreAKeyId: '' };
  let registrationCommandId: string;
  let registration: CommandResult;

  async function send(key: string, name: string, input: object, commandId?: string) {
    return graphql<Record<string, CommandResult>>(server.url, mutationOf(name), { key, variables: { input, commandId } });
  }

  /** Sends a mutation that must succeed, and checks that every event it answers is in the store as answered. */
  async function record(key: string, name: string, input: object, commandId?: string): Promise<CommandResult> {
    const { body } = await send(key, name, input, commandId);
    expect(body.errors, `${name}: ${JSON.stringify(body.errors)}`).toBeUndefined();
    const result = body.data![name]!;
    const stream = await ledger.store.readStream(result.streamId);
    for (const event of result.events) {
      expect(stream.find((stored) => stored.eventId === event.eventId)).toMatchObject({
        type: event.type,
        streamId: event.streamId,
        streamVersion: event.streamVersion,
        globalPosition: event.globalPosition,
      });
    }
    return result;
  }

  /** Sends a mutation that must be refused with `code`, and checks that nothing at all was stored. */
  async function refused(key: string, name: string, input: object, code: string, commandId?: string): Promise<GraphqlError> {
    const before = await ledger.store.headPosition();
    const { body, text } = await send(key, name, input, commandId);
    expect(body.data ?? null).toBeNull();
    expect(body.errors![0]!.extensions, `${name}: ${body.errors![0]!.message}`).toMatchObject({ code });
    expect(text).not.toMatch(/stacktrace|\bat .+:\d+:\d+/);
    expect(await ledger.store.headPosition()).toBe(before);
    return body.errors![0]!;
  }

  const types = (result: CommandResult) => result.events.map((event) => event.type);

  async function createKey(adminKey: string, role: string, processorId?: string): Promise<{ key: string; keyId: string }> {
    const { body } = await graphql<{ createApiKey: { key: string; apiKey: { keyId: string } } }>(
      server.url,
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { keyId } } }',
      { key: adminKey, variables: { input: { role, processorId } } },
    );
    expect(body.errors).toBeUndefined();
    return { key: body.data!.createApiKey.key, keyId: body.data!.createApiKey.apiKey.keyId };
  }

  beforeAll(async () => {
    target = await prepare();
    ledger = await openTargetLedger(target, { CALLTRAIL_PORT: '0' });
    const adminKey = (await ledger.apiKeys.createFirstAdminKey())!.key;
    server = await startServer(ledger);
    keys.compliance = (await createKey(adminKey, 'compliance')).key;
    const centreA = await createKey(adminKey, 'processor', ids.centreA);
    keys.centreA = centreA.key;
    keys.centreAKeyId = centreA.keyId;
    keys.centreB = (await createKey(adminKey, 'processor', ids.centreB)).key;
    keys.analyst = (await createKey(adminKey, 'analyst')).key;
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await target?.cleanup();
  });

  it('sets up two call centres in Morocco with agreements, only A with SCCs, and a campaign with a passed balancing test', async () => {
    for (const [processorId, name] of [
      [ids.centreA, 'Atlas Appels Casablanca'],
      [ids.centreB, 'Rif Contact Tanger'],
    ] as const) {
      expect(types(await record(keys.compliance, 'registerProcessor', { processorId, name, role: 'call_centre', country: 'MA' }))).toEqual([
        'ProcessorRegistered',
      ]);
      const agreement = { processorId, agreementId: randomUUID(), validFrom: '2026-01-01', documentRef: `dpa-${name}.pdf` };
      expect(types(await record(keys.compliance, 'signProcessorAgreement', agreement))).toEqual(['ProcessorAgreementSigned']);
    }
    const scc = {
      processorId: ids.centreA,
      safeguardId: randomUUID(),
      kind: 'scc',
      destinationCountry: 'MA',
      validFrom: '2026-01-01',
      documentRef: 'scc-atlas-2026.pdf',
    };
    expect(types(await record(keys.compliance, 'recordTransferSafeguard', scc))).toEqual(['TransferSafeguardRecorded']);

    const campaign = {
      campaignId: ids.campaign,
      name: 'Warmtepompen 2026',
      purpose: 'Offer heat pumps to people who showed interest in home energy',
      legalBasis: 'legitimate_interest',
      audience: 'B2C',
      channel: 'phone',
      productCategory: 'heat-pumps',
      similarProductGroup: 'home-energy',
      jurisdictions: ['BE'],
    };
    expect(types(await record(keys.compliance, 'defineCampaign', campaign))).toEqual(['CampaignDefined']);
    const test = {
      campaignId: ids.campaign,
      testId: randomUUID(),
      outcome: 'passed',
      assessedAt: minutesAgo(60 * 24 * 7),
      validUntil: daysFromNow(358),
      customerTermMonths: 36,
      documentRef: 'balancing-test-warmtepompen-2026.pdf',
      factors: EXAMPLE_EVENTS.BalancingTestRecorded.data.factors,
    };
    expect(types(await record(keys.compliance, 'recordBalancingTest', test))).toEqual(['BalancingTestRecorded']);
    expect(types(await record(keys.compliance, 'startCampaign', { campaignId: ids.campaign }))).toEqual(['CampaignStarted']);
  });

  it('registers a bought list with its provider, and refuses a contact without source or provenance', async () => {
    registrationCommandId = randomUUID();
    const futura = { ...boughtContact(futuraContact, person.name, person.phone), emails: [person.email], company: person.company };
    registration = await record(keys.compliance, 'registerContact', futura, registrationCommandId);
    expect(registration).toMatchObject({ commandId: registrationCommandId, replayed: false, streamId: `contact-${futuraContact}` });
    expect(types(registration)).toEqual(['ContactRegistered']);
    await record(keys.compliance, 'registerContact', boughtContact(ids.contacts[1], 'Henk Brouwers', '0478 12 34 56'));
    await record(keys.compliance, 'registerContact', boughtContact(ids.contacts[2], 'Line Dubois', '+32 475 98 76 54'));

    const [stored] = await ledger.store.readStream(registration.streamId);
    expect(JSON.stringify(stored)).not.toMatch(/Zulfiqar|Oudekerk|470556677|470 55 66 77/);
    const phones = stored!.data['phones'] as Array<{ phoneHash: string }>;
    expect(phones[0]!.phoneHash).toBe(ledger.vault.phoneHash(person.e164));
    expect(stored!.data['source']).toMatchObject({ kind: 'purchased_list', provider: 'Leadwinkel BVBA' });

    const noSource = { ...boughtContact(randomUUID(), 'Nobody Known', '0470 00 11 22'), source: undefined };
    expect(await refused(keys.compliance, 'registerContact', noSource, 'SOURCE_REQUIRED')).toMatchObject({
      extensions: { field: 'source' },
    });
    const noProvider = boughtContact(randomUUID(), 'Nobody Known', '0470 00 11 22');
    noProvider.source = { ...noProvider.source, provider: undefined as unknown as string };
    expect(await refused(keys.compliance, 'registerContact', noProvider, 'LIST_PROVENANCE_REQUIRED')).toMatchObject({
      extensions: { field: 'source.provider' },
    });
    const badLine = { ...boughtContact(randomUUID(), 'Nobody Known', '0470 00 11 22'), phones: [{ number: '0470 00 11 22', lineType: 'cell' }] };
    expect(await refused(keys.compliance, 'registerContact', badLine, 'INVALID_INPUT')).toMatchObject({
      extensions: { field: 'phones.0.lineType' },
    });
    const badNumber = boughtContact(randomUUID(), 'Nobody Known', '0470 00');
    expect(await refused(keys.compliance, 'registerContact', badNumber, 'INVALID_PHONE_NUMBER')).toMatchObject({
      extensions: { field: 'phones[0].number' },
    });

    for (const processorId of [ids.centreA, ids.centreB]) {
      const share = { processorId, shareId: randomUUID(), contactIds: [...ids.contacts], dataCategories: ['name', 'phone'], campaignId: ids.campaign };
      expect(types(await record(keys.compliance, 'shareDataWithProcessor', share))).toEqual(['DataSharedWithProcessor']);
    }
  });

  it('answers a repeated registration with the same events, and refuses its commandId for another contact', async () => {
    const futura = { ...boughtContact(futuraContact, person.name, person.phone), emails: [person.email], company: person.company };
    const before = await ledger.store.headPosition();
    expect(await record(keys.compliance, 'registerContact', futura, registrationCommandId)).toEqual({ ...registration, replayed: true });
    expect(await ledger.store.headPosition()).toBe(before);
    const other = boughtContact(randomUUID(), 'Someone Else', '0470 99 00 11');
    await refused(keys.compliance, 'registerContact', other, 'COMMAND_ID_REUSED', registrationCommandId);
  });

  it("records call centre A's call: privacy notice naming the source, recording notice, recording, note, outcome", async () => {
    const attempt = await record(keys.centreA, 'recordCallAttempt', callAttempt(ids.callByA, ids.centreA, minutesAgo(50)));
    expect(attempt.streamId).toBe(`call-${ids.callByA}`);
    const [stored] = await ledger.store.readStream(attempt.streamId);
    expect(stored!.data['dialled']).toEqual({ phoneHash: ledger.vault.phoneHash(person.e164), lineType: 'mobile' });
    expect(stored!.metadata).toMatchObject({ actor: { keyId: keys.centreAKeyId, role: 'processor' }, occurredAt: expect.any(String) });

    const call = { callId: ids.callByA };
    const steps: Array<[string, object, string]> = [
      ['givePrivacyNotice', { ...call, noticeVersion: 'privacy-2026-01', dataSourceDisclosed: true, rightToObjectExplained: true }, 'PrivacyNoticeGiven'],
      ['giveRecordingNotice', { ...call, noticeVersion: 'recording-2026-01' }, 'RecordingNoticeGiven'],
      ['startRecording', { ...call, recordingRef: 'rec/atlas/2026/0042' }, 'RecordingStarted'],
      ['recordCallNote', { ...call, noteId: randomUUID(), agentId: 'agent-17', text: person.note }, 'CallNoteRecorded'],
      ['recordCallOutcome', { ...call, outcome: 'do_not_call' }, 'CallOutcomeRecorded'],
    ];
    for (const [mutation, input, type] of steps) {
      expect(types(await record(keys.centreA, mutation, { ...input, occurredAt: minutesAgo(48) }))).toEqual([type]);
    }
    const events = await ledger.store.readStream(attempt.streamId);
    expect(events.map((event) => event.type)).toEqual(['CallAttempted', ...steps.map(([, , type]) => type)]);
    expect(JSON.stringify(events)).not.toContain('Oudekerk');
  });

  it("lets compliance read the contact's name, and neither an analyst nor a call centre", async () => {
    const query = 'query ($id: ID!) { contactDossier(contactId: $id) { status json } }';
    const read = (key: string) => graphql<{ contactDossier: { json: string } }>(server.url, query, { key, variables: { id: futuraContact } });
    const byCompliance = await read(keys.compliance);
    expect(byCompliance.body.errors).toBeUndefined();
    expect(byCompliance.body.data!.contactDossier.json).toContain(person.name);
    for (const key of [keys.analyst, keys.centreA]) {
      const denied = await read(key);
      expect(denied.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(denied.text).not.toContain(person.name);
    }
  });

  it('keeps each key to its role: a processor key records for its own processor only, an analyst records nothing', async () => {
    const refusal = await refused(keys.centreA, 'recordCallAttempt', callAttempt(randomUUID(), ids.centreB, minutesAgo(40)), 'FORBIDDEN');
    expect(refusal.extensions).toMatchObject({ field: 'processorId' });
    const objectionForB = { contactId: futuraContact, objectionId: randomUUID(), receivedVia: { processorId: ids.centreB, channel: 'phone' } };
    await refused(keys.centreA, 'raiseObjection', objectionForB, 'FORBIDDEN');
    await refused(keys.centreA, 'registerContact', boughtContact(randomUUID(), 'Nobody Known', '0470 00 11 22'), 'FORBIDDEN');
    await refused(keys.centreB, 'giveRecordingNotice', { callId: ids.callByA, noticeVersion: 'recording-2026-01' }, 'FORBIDDEN');
    const objection = { ...objectionForB, receivedVia: { processorId: null, channel: 'phone' } };
    await refused(keys.analyst, 'raiseObjection', objection, 'FORBIDDEN');
    await refused(keys.analyst, 'registerContact', boughtContact(randomUUID(), 'Nobody Known', '0470 00 11 22'), 'FORBIDDEN');
  });

  it('records the objection through call centre A once, however often A sends it', async () => {
    const commandId = randomUUID();
    const objection = {
      contactId: futuraContact,
      objectionId: randomUUID(),
      receivedVia: { processorId: ids.centreA, channel: 'phone' },
      callId: ids.callByA,
      campaignId: ids.campaign,
      occurredAt: minutesAgo(47),
    };
    const first = await record(keys.centreA, 'raiseObjection', objection, commandId);
    expect(types(first)).toEqual(['ObjectionRaised']);
    const before = await ledger.store.headPosition();
    expect(await record(keys.centreA, 'raiseObjection', objection, commandId)).toEqual({ ...first, replayed: true });
    expect(await ledger.store.headPosition()).toBe(before);
    await refused(keys.centreA, 'raiseObjection', { ...objection, objectionId: randomUUID() }, 'COMMAND_ID_REUSED', commandId);
  });

  it('tells call centre B the contact objected, and still records the call B places later', async () => {
    await new ProjectionRunner(ledger.database, ledger.store, allProjections()).catchUp();
    const { body } = await graphql<{ eligibility: { eligible: boolean; reasons: Array<{ code: string }> } }>(
      server.url,
      'query ($c: ID!, $p: ID!, $contact: ID) { eligibility(campaignId: $c, processorId: $p, contactId: $contact) { eligible reasons { code } } }',
      { key: keys.centreB, variables: { c: ids.campaign, p: ids.centreB, contact: futuraContact } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.eligibility.eligible).toBe(false);
    const codes = body.data!.eligibility.reasons.map((reason) => reason.code);
    expect(codes).toContain('OBJECTED');
    expect(codes).toContain('TRANSFER_WITHOUT_SAFEGUARD');

    // A fact from the world is recorded even when it should not have happened: the audit flags it.
    const later = await record(keys.centreB, 'recordCallAttempt', callAttempt(ids.callByB, ids.centreB, minutesAgo(30)));
    expect(types(later)).toEqual(['CallAttempted']);
  });

  it('refuses a note with health data, naming the terms found, and stores nothing', async () => {
    const note = { callId: ids.callByB, noteId: randomUUID(), text: 'Mevrouw is diabetica en ligt binnenkort in het ziekenhuis' };
    const refusal = await refused(keys.centreB, 'recordCallNote', note, 'NOTE_SPECIAL_CATEGORY_DATA');
    expect(refusal.extensions).toMatchObject({ field: 'text', details: { categories: expect.arrayContaining(['health']) } });
    expect((refusal.extensions!['details'] as { terms: string[] }).terms.length).toBeGreaterThan(0);
    expect(refusal.message).toMatch(/diabetica|ziekenhuis/);
  });

  it("records the rest of a bought contact's life, refusing a consent taken from the terms and conditions", async () => {
    const contactId = ids.contacts[1];
    const accessRequest = randomUUID();
    const consent = { contactId, consentId: randomUUID(), purpose: 'marketing:heat-pumps', channels: ['email'] };
    const evidence = { method: 'double_opt_in', noticeVersion: 'consent-2026-02', givenAt: minutesAgo(90), evidenceRef: 'optin/7731' };
    await refused(keys.compliance, 'giveConsent', consent, 'CONSENT_WITHOUT_EVIDENCE');
    await refused(keys.compliance, 'giveConsent', { ...consent, evidence: { ...evidence, method: 'terms_and_conditions' } }, 'CONSENT_FROM_TERMS');
    const steps: Array<[string, string, object]> = [
      [keys.compliance, 'giveConsent', { ...consent, evidence }],
      [keys.compliance, 'recordPurchase', { contactId, purchaseId: randomUUID(), productCategory: 'insulation', purchasedOn: '2025-11-04' }],
      [keys.compliance, 'rectifyContactDetails', { contactId, phones: [{ number: '0478 12 34 57', lineType: 'mobile' }], requestedBySubject: true }],
      [keys.centreB, 'withdrawConsent', { contactId, consentId: consent.consentId, receivedVia: { processorId: ids.centreB, channel: 'phone' } }],
      [keys.compliance, 'requestAccess', { contactId, requestId: accessRequest, receivedVia: { processorId: null, channel: 'letter' } }],
      [keys.compliance, 'fulfilAccess', { contactId, requestId: accessRequest, deliveredVia: 'email', dossierRef: 'dossier/2026/0007' }],
      [
        keys.compliance,
        'receiveComplaint',
        { contactId, complaintId: randomUUID(), subject: 'call_after_objection', receivedVia: { processorId: null, channel: 'letter' }, viaSupervisoryAuthority: true },
      ],
    ];
    for (const [key, mutation, input] of steps) expect((await record(key, mutation, input)).events).toHaveLength(1);
    const stream = await ledger.store.readStream(`contact-${contactId}`);
    expect(stream.map((event) => event.type)).toEqual([
      'ContactRegistered',
      'ConsentGiven',
      'PurchaseRecorded',
      'ContactDetailsRectified',
      'ConsentWithdrawn',
      'AccessRequested',
      'AccessFulfilled',
      'ComplaintReceived',
    ]);
    const rectified = stream[3]!.data['phones'] as Array<{ phoneHash: string }>;
    expect(rectified[0]!.phoneHash).toBe(ledger.vault.phoneHash('+32478123457'));

    const email = {
      callId: randomUUID(),
      contactId: ids.contacts[2],
      campaignId: ids.campaign,
      processorId: ids.centreA,
      recipient: 'line.dubois@example.be',
      senderIdentity: 'Warmtepompen Vlaanderen NV',
      unsubscribeLink: 'https://example.be/unsubscribe/7731',
      sourceDisclosed: true,
    };
    await refused(keys.centreA, 'recordEmailSent', { ...email, unsubscribeLink: 'ftp://example.be/x' }, 'INVALID_INPUT');
    expect(types(await record(keys.centreA, 'recordEmailSent', email))).toEqual(['EmailSent']);
    const [sent] = await ledger.store.readStream(`call-${email.callId}`);
    expect(JSON.stringify(sent!.data)).not.toContain('line.dubois');
  });

  it('erases the contact: the key is destroyed, the history still verifies, and no plaintext is left anywhere', async () => {
    const request = { contactId: futuraContact, requestId: ids.erasureRequest, ground: 'objection', receivedVia: { processorId: null, channel: 'email' } };
    expect(types(await record(keys.compliance, 'requestErasure', request))).toEqual(['ErasureRequested']);
    const completed = await record(keys.compliance, 'completeErasure', { contactId: futuraContact, requestId: ids.erasureRequest });
    expect(types(completed)).toEqual(['ErasureCompleted']);
    const erasure = (await ledger.store.readStream(completed.streamId)).at(-1)!;
    expect(erasure.data['suppressedPhoneHashes']).toEqual([ledger.vault.phoneHash(person.e164)]);
    expect(await ledger.vault.isShredded(futuraContact)).toBe(true);

    for (const processorId of [ids.centreA, ids.centreB]) {
      const confirmation = { contactId: futuraContact, requestId: ids.erasureRequest, processorId, evidenceRef: `erasure-${processorId}.pdf` };
      expect(types(await record(keys.compliance, 'confirmProcessorErasure', confirmation))).toEqual(['ProcessorErasureConfirmed']);
    }
    const objection = { contactId: futuraContact, objectionId: randomUUID(), receivedVia: { processorId: ids.centreA, channel: 'phone' } };
    await refused(keys.centreA, 'raiseObjection', objection, 'CONTACT_ERASED');
    await refused(keys.centreB, 'recordCallNote', { callId: ids.callByB, noteId: randomUUID(), text: 'Teruggebeld' }, 'CONTACT_KEY_SHREDDED');
    // The registration is still recognised by its commandId, from the events themselves.
    const futura = { ...boughtContact(futuraContact, person.name, person.phone), emails: [person.email], company: person.company };
    expect(await record(keys.compliance, 'registerContact', futura, registrationCommandId)).toEqual({ ...registration, replayed: true });

    const dossier = await graphql<{ contactDossier: { json: string } }>(server.url, 'query ($id: ID!) { contactDossier(contactId: $id) { json } }', {
      key: keys.compliance,
      variables: { id: futuraContact },
    });
    expect(dossier.body.errors).toBeUndefined();
    expect(dossier.text).not.toMatch(/Zulfiqar|Oudekerk|470556677/);

    const plaintexts = [person.name, person.email, person.e164, '470556677', person.phone, person.company, 'Zulfiqar', 'Oudekerk'];
    const rows = await everyRowAsText(ledger.database);
    const events = JSON.stringify(await ledger.store.readAll({ after: 0, limit: 10_000 }));
    for (const text of plaintexts) {
      expect(rows).not.toContain(text);
      expect(events).not.toContain(text);
    }
    if (target.pgliteDir) {
      await ledger.database.exec('CHECKPOINT');
      const files = everyFileUnder(target.pgliteDir);
      for (const text of plaintexts) expect(files.some((bytes) => bytes.includes(text))).toBe(false);
    }
    expect(await ledger.store.verify()).toMatchObject({ ok: true, firstBroken: null });
  });
});
