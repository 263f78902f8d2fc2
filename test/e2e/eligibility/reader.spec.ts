import { randomUUID } from 'node:crypto';
import { EligibilityReader, type EligibilityAnswer } from '@calltrail/ledger';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedPglite, testDatabases } from '../../support/databases';
import { projectedWorld, recordChanges, testPhoneHash } from '../../support/eligibility-world';

const codes = (answer: EligibilityAnswer) => answer.reasons.map((reason) => reason.code).sort();

afterAll(() => closeSharedPglite());

describe.each(testDatabases())('eligibility from the read models on %s', (_target, fresh) => {
  async function setUp() {
    const projected = await projectedWorld(fresh);
    const reader = new EligibilityReader({ db: projected.db, store: projected.store, phoneHash: testPhoneHash });
    return { ...projected, reader };
  }

  it('answers a call list before and after an objection, a DNC snapshot, a refusal and a callback, per processor', async () => {
    const { db, store, runner, world, reader, dispose } = await setUp();
    const phones = [...world.contacts.map((contact) => contact.phone), world.unknownPhone];
    const forA = { campaignId: world.campaignId, processorId: world.processorA };
    const forB = { campaignId: world.campaignId, processorId: world.processorB };

    const before = await reader.checkBatch(phones, forA);
    expect(before.map(codes)).toEqual([[], [], [], [], [], ['UNKNOWN_CONTACT']]);
    expect(before[0]!.nextEligibleAt).toBe(before[0]!.evaluatedAt);
    expect(before[0]!.checkpoint).toBe(await store.headPosition());
    expect((await reader.checkBatch(phones, forB)).map(codes)[4]).toEqual(['DATA_NOT_SHARED_WITH_PROCESSOR']);

    const { refusalAt, callbackAt } = await recordChanges(store, db, world);
    // Not yet projected: the answer still reflects the old checkpoint, and says so.
    const stale = await reader.checkBatch(phones, forA);
    expect(stale.map(codes)[0]).toEqual([]);
    expect(stale[0]!.checkpoint).toBeLessThan(await store.headPosition());

    await runner.catchUp();
    const refusalLifts = new Date(Date.parse(refusalAt) + 30 * 86_400_000).toISOString();
    for (const target of [forA, forB]) {
      const after = await reader.checkBatch(phones, target);
      expect(after.slice(0, 4).map(codes)).toEqual([
        ['OBJECTED'],
        ['DNC_LISTED'],
        ['REFUSAL_COOLDOWN', 'SIMILAR_PRODUCT_COOLDOWN'],
        ['CALLBACK_REQUESTED'],
      ]);
      expect(after.slice(0, 4).map((answer) => answer.nextEligibleAt)).toEqual([null, null, refusalLifts, callbackAt]);
      expect(after[0]!.reasons[0]!.eventIds).toHaveLength(1);
      expect(after[0]!.checkpoint).toBe(await store.headPosition());
    }
    await dispose();
  });

  it('answers one number (one statement) exactly as it answers the same number in a list', async () => {
    const { db, store, runner, world, dispose } = await setUp();
    await recordChanges(store, db, world);
    await runner.catchUp();
    const now = new Date();
    const reader = new EligibilityReader({ db, store, phoneHash: testPhoneHash, clock: () => now });
    const phones = [...world.contacts.map((contact) => contact.phone), world.unknownPhone];
    for (const processorId of [world.processorA, world.processorB]) {
      const target = { campaignId: world.campaignId, processorId };
      const list = await reader.checkBatch(phones, target);
      const one = await Promise.all(phones.map((phone) => reader.check({ phone }, target)));
      expect(one).toEqual(list.map((answer) => ({ ...answer, index: 0 })));
    }
    expect(new Set((await reader.checkBatch(phones, { campaignId: world.campaignId, processorId: world.processorA })).flatMap(codes))).toEqual(
      new Set(['OBJECTED', 'DNC_LISTED', 'REFUSAL_COOLDOWN', 'SIMILAR_PRODUCT_COOLDOWN', 'CALLBACK_REQUESTED', 'UNKNOWN_CONTACT']),
    );
    await dispose();
  });

  it('answers one number with the campaign and processor as projected last: an end and a terminated agreement show on the next check', async () => {
    const { db, store, runner, world, reader, dispose } = await setUp();
    const phone = world.contacts[0]!.phone;
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    expect(codes(await reader.check({ phone }, target))).toEqual([]);
    expect(codes(await reader.check({ phone }, target))).toEqual([]);

    const occurredAt = world.iso(-60_000);
    await store.appendToStream(`campaign-${world.campaignId}`, [
      { type: 'CampaignEnded', data: { campaignId: world.campaignId, reason: 'season over' }, metadata: { occurredAt } },
    ], { expectedVersion: 'any' });
    // Not yet projected: the same answer, from the same checkpoint.
    expect(codes(await reader.check({ phone }, target))).toEqual([]);
    await runner.catchUp();
    expect(codes(await reader.check({ phone }, target))).toEqual(['CAMPAIGN_NOT_ACTIVE']);

    const agreements = (await store.readStream(`processor-${world.processorA}`)).filter((event) => event.type === 'ProcessorAgreementSigned');
    await store.appendToStream(`processor-${world.processorA}`, [
      {
        type: 'ProcessorAgreementEnded',
        data: { processorId: world.processorA, agreementId: (agreements[0]!.data as { agreementId: string }).agreementId, reason: 'contract terminated' },
        metadata: { occurredAt },
      },
    ], { expectedVersion: 'any' });
    await runner.catchUp();
    const after = await reader.check({ phone }, target);
    expect(codes(after)).toContain('CAMPAIGN_NOT_ACTIVE');
    expect(codes(after)).toContain('PROCESSOR_NO_AGREEMENT');
    // A reader that never held the views answers the same.
    const fresh = new EligibilityReader({ db, store, phoneHash: testPhoneHash });
    expect(codes(await fresh.check({ phone }, target))).toEqual(codes(after));
    expect(codes(await reader.check({ phone }, { ...target, processorId: world.processorB }))).toEqual(['CAMPAIGN_NOT_ACTIVE']);
    await dispose();
  });

  it("answers now from a number's compact row, and from the full view when the clock is not past the contact's latest call", async () => {
    const { db, store, runner, world, dispose } = await setUp();
    const contact = world.contacts[2]!;
    const call = async (startedAt: string, result: string, outcome: string | null) => {
      const callId = randomUUID();
      const dialled = { phoneHash: contact.phoneHash, lineType: 'mobile' };
      const attempted = { callId, contactId: contact.contactId, campaignId: world.campaignId, processorId: world.processorA, agentId: 'agent-1',
        presentedCallerId: '+3225550000', humanAgent: true, dialled, startedAt, rings: 3, result, durationSeconds: 60 };
      const events = [{ type: 'CallAttempted', data: attempted, metadata: { occurredAt: startedAt } }];
      if (outcome) {
        const data = { callId, contactId: contact.contactId, campaignId: world.campaignId, outcome, callbackAt: null };
        events.push({ type: 'CallOutcomeRecorded', data: data as never, metadata: { occurredAt: startedAt } });
      }
      await store.appendToStream(`call-${callId}`, events, { expectedVersion: 'any' });
    };
    const day = 86_400_000;
    const refusalAt = world.iso(-70 * day);
    await call(refusalAt, 'answered', 'not_interested');
    await call(world.iso(-64 * day), 'answered', 'interested');
    await call(world.iso(-60_000), 'no_answer', null);
    await runner.catchUp();
    // Seventy days on, the refusal bears on no answer after the latest call: the compact row leaves it out
    // (and keeps the later answered call, the latest, whose callback request could still bear).
    const { rows } = await db.query<{ calls: number }>(
      `SELECT json_array_length(view->'attempts') AS calls FROM elig_numbers_now WHERE phone_hash = $1`, [contact.phoneHash]);
    expect(rows).toEqual([{ calls: 2 }]);
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    const readerAt = (ms: number) => new EligibilityReader({ db, store, phoneHash: testPhoneHash, clock: () => new Date(ms) });
    const now = await readerAt(Date.parse(world.iso(0))).check({ phone: contact.phone }, target);
    expect(codes(now)).not.toContain('REFUSAL_COOLDOWN');
    // A clock before the latest call (behind the events) reads the full view, refusal included.
    const earlier = Date.parse(refusalAt) + 4 * day;
    for (const answer of [
      await readerAt(earlier).check({ phone: contact.phone }, target),
      (await readerAt(earlier).checkBatch([contact.phone, world.contacts[0]!.phone], target))[0]!,
    ]) {
      expect(answer.reasons.find((reason) => reason.code === 'REFUSAL_COOLDOWN')?.until).toBe(new Date(Date.parse(refusalAt) + 30 * day).toISOString());
    }
    await dispose();
  });

  it("answers from the compact row when the clock is not past the contact's latest call and the row left nothing out", async () => {
    const { db, store, runner, world, dispose } = await setUp();
    const contact = world.contacts[0]!;
    const day = 86_400_000;
    const refusalAt = world.iso(-2 * day);
    for (const [startedAt, result, outcome] of [[refusalAt, 'answered', 'not_interested'], [world.iso(-60_000), 'no_answer', null]] as const) {
      const callId = randomUUID();
      const attempted = { callId, contactId: contact.contactId, campaignId: world.campaignId, processorId: world.processorA, agentId: 'agent-1',
        presentedCallerId: '+3225550000', humanAgent: true, dialled: { phoneHash: contact.phoneHash, lineType: 'mobile' }, startedAt, rings: 3,
        result, durationSeconds: 60 };
      const events = [{ type: 'CallAttempted', data: attempted, metadata: { occurredAt: startedAt } }];
      if (outcome) {
        const data = { callId, contactId: contact.contactId, campaignId: world.campaignId, outcome, callbackAt: null };
        events.push({ type: 'CallOutcomeRecorded', data: data as never, metadata: { occurredAt: startedAt } });
      }
      await store.appendToStream(`call-${callId}`, events, { expectedVersion: 'any' });
    }
    await runner.catchUp();
    // Both calls are recent: the compact row is the whole view, which is not stored a second time.
    const { rows } = await db.query<{ full: unknown }>('SELECT view AS full FROM elig_contacts WHERE contact_id = $1', [contact.contactId]);
    expect(rows).toEqual([{ full: null }]);
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    const between = new EligibilityReader({ db, store, phoneHash: testPhoneHash, clock: () => new Date(Date.parse(refusalAt) + day) });
    for (const answer of [
      await between.check({ phone: contact.phone }, target),
      (await between.checkBatch([world.contacts[1]!.phone, contact.phone], target))[1]!,
    ]) {
      expect(codes(answer)).toContain('REFUSAL_COOLDOWN');
      expect(answer.reasons.find((reason) => reason.code === 'REFUSAL_COOLDOWN')?.until).toBe(new Date(Date.parse(refusalAt) + 30 * day).toISOString());
    }
    await dispose();
  });

  it('answers by contact id, and refuses a malformed number or an unknown campaign with the field named', async () => {
    const { world, reader, dispose } = await setUp();
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    expect((await reader.check({ contactId: world.contacts[0]!.contactId }, target)).eligible).toBe(true);
    expect(codes(await reader.check({ contactId: randomUUID() }, target))).toEqual(['UNKNOWN_CONTACT']);
    await expect(reader.checkBatch(['0470 12 34 56'], target)).rejects.toMatchObject({ field: 'phones[0]' });
    await expect(reader.check({ phone: world.unknownPhone }, { ...target, campaignId: randomUUID() })).rejects.toMatchObject({
      code: 'UNKNOWN_CAMPAIGN',
      field: 'campaignId',
    });
    await dispose();
  });

  it('after an erasure keeps only the keyed-hash suppression entry, and answers ERASED', async () => {
    const { db, store, runner, world, reader, dispose } = await setUp();
    const erased = world.contacts[0]!;
    const requestId = randomUUID();
    await store.appendToStream(
      `contact-${erased.contactId}`,
      [
        { type: 'ErasureRequested', data: { contactId: erased.contactId, requestId, receivedVia: { processorId: null, channel: 'email' } } },
        { type: 'ErasureCompleted', data: { contactId: erased.contactId, requestId, keyDestroyed: true } },
      ],
      { expectedVersion: 'any' },
    );
    await runner.catchUp();
    for (const table of ['elig_contacts', 'elig_phone_index', 'elig_numbers_now', 'elig_processor_contacts']) {
      const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE contact_id = $1`, [erased.contactId]);
      expect(rows, table).toEqual([]);
    }
    const { rows } = await db.query<{ phone_hash: string }>('SELECT phone_hash FROM elig_suppressed');
    expect(rows).toEqual([{ phone_hash: erased.phoneHash }]);
    const answer = await reader.check({ phone: erased.phone }, { campaignId: world.campaignId, processorId: world.processorA });
    expect(codes(answer)).toContain('ERASED');
    expect(answer.nextEligibleAt).toBeNull();
    await dispose();
  });

  it('replays to a past moment: a late-reported objection is eligible by KNOWN and OBJECTED by LEGAL', async () => {
    const { store, runner, world, reader, dispose } = await setUp();
    const contact = world.contacts[1]!;
    const callMoment = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Reported after the call, but it happened an hour before it.
    await store.appendToStream(
      `contact-${contact.contactId}`,
      [
        {
          type: 'ObjectionRaised',
          data: {
            contactId: contact.contactId, objectionId: randomUUID(), scope: 'direct_marketing', text: null,
            receivedVia: { processorId: world.processorB, channel: 'phone' },
          },
          metadata: { occurredAt: new Date(callMoment.getTime() - 3_600_000).toISOString() },
        },
      ],
      { expectedVersion: 'any' },
    );
    await runner.catchUp();
    const target = { campaignId: world.campaignId, processorId: world.processorA, at: callMoment };
    const known = await reader.check({ phone: contact.phone }, { ...target, basis: 'KNOWN' });
    const legal = await reader.check({ phone: contact.phone }, { ...target, basis: 'LEGAL' });
    expect(codes(known)).toEqual([]);
    expect(codes(legal)).toEqual(['OBJECTED']);
    expect(legal.evaluatedAt).toBe(callMoment.toISOString());
    expect(codes(await reader.check({ phone: contact.phone }, { campaignId: world.campaignId, processorId: world.processorA }))).toEqual([
      'OBJECTED',
    ]);
    await dispose();
  });
});
