import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DOMAIN_ERROR_CODES } from '@calltrail/domain';
import { COMMAND_ERROR_CODES, CommandPipeline, type CommandInput } from '@calltrail/ledger';
import type { Sealed } from '@calltrail/pii-vault';
import type { Ledger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerTargets, openTargetLedger, type LedgerTarget } from '../support/ledger-targets';

const compliance = { keyId: 'compliance-key', role: 'compliance', processorId: null };
const centreA = randomUUID();
const centreB = randomUUID();
const processorA = { keyId: 'centre-a-key', role: 'processor', processorId: centreA };

function registration(contactId: string, overrides: Partial<CommandInput> = {}): CommandInput {
  return {
    type: 'RegisterContact',
    contactId,
    audience: 'B2C',
    country: 'BE',
    timeZone: 'Europe/Brussels',
    name: 'Griet Vanhoutteghem',
    phones: [{ number: '0470 12 34 56', lineType: 'mobile' }],
    source: { kind: 'web_form', reference: 'form-17' },
    ...overrides,
  } as CommandInput;
}

function objection(contactId: string, processorId: string | null = null): CommandInput {
  return { type: 'RaiseObjection', contactId, objectionId: randomUUID(), receivedVia: { processorId, channel: 'phone' } };
}

function callAttempt(callId: string, contactId: string, processorId: string): CommandInput {
  return {
    type: 'RecordCallAttempt',
    callId,
    contactId,
    campaignId: randomUUID(),
    processorId,
    humanAgent: true,
    dialled: { number: '+32 470 12 34 56', lineType: 'mobile' },
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    rings: 2,
    result: 'answered',
  } as CommandInput;
}

describe.each(ledgerTargets())('the command pipeline on %s', (_name, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  let pipeline: CommandPipeline;
  const head = () => ledger.store.headPosition();

  beforeAll(async () => {
    target = await prepare();
    ledger = await openTargetLedger(target);
    pipeline = await CommandPipeline.open({ store: ledger.store, db: ledger.database, vault: ledger.vault });
  });
  afterAll(async () => {
    await ledger?.close();
    await target?.cleanup();
  });

  it('normalises the phone, seals the personal fields and records who acted', async () => {
    const contactId = randomUUID();
    const result = await pipeline.execute(registration(contactId), compliance, { correlationId: 'import-7' });
    expect(result).toMatchObject({ commandId: null, streamId: `contact-${contactId}`, replayed: false });
    expect(result.events).toEqual([expect.objectContaining({ type: 'ContactRegistered', streamVersion: 1 })]);

    const [stored] = await ledger.store.readStream(`contact-${contactId}`);
    // The number in any of its spellings; a bare "470" also occurs by chance in a hex hash.
    expect(JSON.stringify(stored!.data)).not.toMatch(/Vanhoutteghem|470 ?12 ?34 ?56/);
    const phone = (stored!.data['phones'] as Array<{ number: Sealed; phoneHash: string }>)[0]!;
    expect(await ledger.vault.open(phone.number)).toBe('+32470123456');
    expect(phone.phoneHash).toBe(ledger.vault.phoneHash('+32470123456'));
    expect(stored!.metadata).toMatchObject({ actor: compliance, correlationId: 'import-7', causationId: null, schemaVersion: 1 });
    expect(Date.parse(stored!.metadata.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stores nothing for a refusal: domain rule, bad phone, wrong role', async () => {
    const before = await head();
    await expect(pipeline.execute(registration(randomUUID(), { source: null }), compliance)).rejects.toMatchObject({
      code: 'SOURCE_REQUIRED',
    });
    await expect(
      pipeline.execute(registration(randomUUID(), { phones: [{ number: '12', lineType: 'mobile' }] } as Partial<CommandInput>), compliance),
    ).rejects.toMatchObject({ code: 'INVALID_PHONE_NUMBER', field: 'phones[0].number' });
    await expect(pipeline.execute(registration(randomUUID()), processorA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await head()).toBe(before);
  });

  it('applies a commandId once and answers a repeat the same way; refuses it for another command', async () => {
    const contactId = randomUUID();
    const commandId = randomUUID();
    const first = await pipeline.execute(registration(contactId), compliance, { commandId });
    const afterFirst = await head();
    const again = await pipeline.execute(registration(contactId), compliance, { commandId });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await head()).toBe(afterFirst);

    await expect(pipeline.execute(registration(randomUUID()), compliance, { commandId })).rejects.toMatchObject({
      code: 'COMMAND_ID_REUSED',
      field: 'commandId',
    });
    await expect(pipeline.execute(registration(randomUUID()), compliance, { commandId: 'not a valid id!' })).rejects.toMatchObject({
      code: 'INVALID_COMMAND_ID',
    });
    expect(await head()).toBe(afterFirst);
  });

  it('is safe after a crash between the append and the command log', async () => {
    const contactId = randomUUID();
    await pipeline.execute(registration(contactId), compliance);
    const commandId = randomUUID();
    const command = objection(contactId);
    const first = await pipeline.execute(command, compliance, { commandId });
    const afterFirst = await head();

    // The process died after the append: the log has the claim but no answer, or nothing at all.
    await ledger.database.query('UPDATE command_log SET result = NULL, completed_at = NULL WHERE command_id = $1', [commandId]);
    expect(await pipeline.execute(command, compliance, { commandId })).toEqual({ ...first, replayed: true });
    await ledger.database.query('DELETE FROM command_log WHERE command_id = $1', [commandId]);
    expect(await pipeline.execute(command, compliance, { commandId })).toEqual({ ...first, replayed: true });
    expect(await head()).toBe(afterFirst);
  });

  it('re-decides when two writers append to one contact at once, and stores a racing repeat once', async () => {
    const contactId = randomUUID();
    await pipeline.execute(registration(contactId), compliance);
    const results = await Promise.all([1, 2, 3, 4].map(() => pipeline.execute(objection(contactId), compliance)));
    expect(results.map((r) => r.events[0]!.streamVersion).sort()).toEqual([2, 3, 4, 5]);

    const commandId = randomUUID();
    const command = objection(contactId);
    const racing = await Promise.all([1, 2, 3].map(() => pipeline.execute(command, compliance, { commandId })));
    expect(new Set(racing.map((r) => r.events[0]!.eventId)).size).toBe(1);
    expect(await ledger.store.readStream(`contact-${contactId}`)).toHaveLength(6);
  });

  it('keeps a processor key to its own calls, reading the processor from the call stream', async () => {
    const contactId = randomUUID();
    await pipeline.execute(registration(contactId), compliance);
    const callOfB = randomUUID();
    await expect(pipeline.execute(callAttempt(callOfB, contactId, centreB), processorA)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      field: 'processorId',
    });
    await pipeline.execute(callAttempt(callOfB, contactId, centreB), compliance);
    const notice: CommandInput = { type: 'GiveRecordingNotice', callId: callOfB, noticeVersion: 'rec-v1' };
    await expect(pipeline.execute(notice, processorA)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const callOfA = randomUUID();
    const attempt = await pipeline.execute(callAttempt(callOfA, contactId, centreA), processorA);
    const [stored] = await ledger.store.readStream(attempt.streamId);
    expect(stored!.data['dialled']).toEqual({ phoneHash: ledger.vault.phoneHash('+32470123456'), lineType: 'mobile' });
    expect((await pipeline.execute({ ...notice, callId: callOfA }, processorA)).events[0]!.type).toBe('RecordingNoticeGiven');
  });

  it('completes an erasure by destroying the key, and records nothing personal afterwards', async () => {
    const contactId = randomUUID();
    const registrationId = randomUUID();
    await pipeline.execute(registration(contactId), compliance, { commandId: registrationId });
    const requestId = randomUUID();
    await pipeline.execute({ type: 'RequestErasure', contactId, requestId, receivedVia: { processorId: null, channel: 'email' } }, compliance);
    const done = await pipeline.execute({ type: 'CompleteErasure', contactId, requestId, keyId: '' }, compliance);
    const events = await ledger.store.readStream(done.streamId);
    const completed = events.at(-1)!;
    expect(completed.type).toBe('ErasureCompleted');
    expect(await ledger.vault.isShredded(contactId)).toBe(true);
    expect(completed.data['keyId']).toBe((events[0]!.data['name'] as Sealed).keyId);
    expect(completed.data['suppressedPhoneHashes']).toEqual([ledger.vault.phoneHash('+32470123456')]);
    expect(await ledger.vault.open(events[0]!.data['name'] as Sealed)).toBeNull();
    await expect(pipeline.execute(objection(contactId), compliance)).rejects.toMatchObject({ code: 'CONTACT_ERASED' });

    // The command log forgot the person's commands; a repeat is still recognised from the events.
    const { rows } = await ledger.database.query('SELECT 1 FROM command_log WHERE command_id = $1', [registrationId]);
    expect(rows).toHaveLength(0);
    const repeat = await pipeline.execute(registration(contactId), compliance, { commandId: registrationId });
    expect(repeat).toMatchObject({ replayed: true, events: [{ eventId: events[0]!.eventId, type: 'ContactRegistered' }] });
  });
});

describe('docs/api.md', () => {
  it('explains every refusal code of the domain and of the pipeline', () => {
    const docs = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const code of [...Object.keys(DOMAIN_ERROR_CODES), ...Object.keys(COMMAND_ERROR_CODES)]) {
      expect(docs, code).toContain(`| \`${code}\` |`);
    }
  });
});
