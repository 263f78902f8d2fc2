import { EligibilityReader, type EligibilityAnswer } from '@calltrail/ledger';
import type { SqlQueryable } from '@calltrail/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedPglite, testDatabases } from '../../support/databases';
import { projectedWorld, recordChanges, testPhoneHash } from '../../support/eligibility-world';

const codes = (answer: EligibilityAnswer) => answer.reasons.map((reason) => reason.code).sort();

/** More numbers than one statement of the reader reads (1,000), the world's contacts at the edges of its chunks. */
const LIST_LENGTH = 2_300;
const CONTACT_PLACES = [0, 999, 1_000, 1_999, 2_299];

function longList(contactPhones: readonly string[]): string[] {
  const phones = Array.from({ length: LIST_LENGTH }, (_, i) => `+3229${String(i).padStart(6, '0')}`);
  CONTACT_PLACES.forEach((place, i) => (phones[place] = contactPhones[i]!));
  return phones;
}

afterAll(() => closeSharedPglite());

describe.each(testDatabases())('a call list longer than one statement on %s', (_target, fresh) => {
  it('answers every number in its place, each as a short list answers it, all from one checkpoint', async () => {
    const { db, store, runner, world, dispose } = await projectedWorld(fresh);
    await recordChanges(store, db, world);
    await runner.catchUp();
    const now = new Date();
    const reader = new EligibilityReader({ db, store, phoneHash: testPhoneHash, clock: () => now });
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    const contactPhones = world.contacts.map((contact) => contact.phone);

    const long = await reader.checkBatch(longList(contactPhones), target);
    const short = await reader.checkBatch(contactPhones, target);
    expect(long.map((answer) => answer.index)).toEqual([...long.keys()]);
    expect(CONTACT_PLACES.map((place, i) => ({ ...long[place]!, index: i }))).toEqual(short);
    expect(short.map(codes)).toEqual([['OBJECTED'], ['DNC_LISTED'], ['REFUSAL_COOLDOWN', 'SIMILAR_PRODUCT_COOLDOWN'], ['CALLBACK_REQUESTED'], []]);
    const others = long.filter((_, place) => !CONTACT_PLACES.includes(place));
    expect(new Set(others.map((answer) => codes(answer).join()))).toEqual(new Set(['UNKNOWN_CONTACT']));
    expect(new Set(long.map((answer) => answer.checkpoint))).toEqual(new Set([await store.headPosition()]));
    await dispose();
  });
});

// PGlite has one connection: nothing can commit between the statements of the reader's transaction.
describe.each(testDatabases().filter(([target]) => target === 'postgres'))('a call list read while a projection commits on %s', (_target, fresh) => {
  it('reflects the checkpoint it states in every answer, also when the projection commits between its statements', async () => {
    const { db, store, runner, world, dispose } = await projectedWorld(fresh);
    const target = { campaignId: world.campaignId, processorId: world.processorA };
    const phones = longList(world.contacts.map((contact) => contact.phone));
    const before = await store.headPosition();
    await recordChanges(store, db, world);

    // The reader's second statement about numbers waits until the projection has committed the changes.
    let statements = 0;
    const committing: SqlQueryable & Pick<typeof db, 'transaction'> = {
      query: (...args) => db.query(...args),
      exec: (sql) => db.exec(sql),
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query: async (sql, params, options) => {
              if (sql.includes('elig_numbers_now') && ++statements === 2) await runner.catchUp();
              return tx.query(sql, params, options);
            },
            exec: (sql) => tx.exec(sql),
          }),
        ),
    };
    const during = await new EligibilityReader({ db: committing, store, phoneHash: testPhoneHash }).checkBatch(phones, target);
    expect(statements).toBeGreaterThan(1);
    expect(new Set(during.map((answer) => answer.checkpoint))).toEqual(new Set([before]));
    // Contact 2's refusal and contact 3's callback request, in the list's second chunk, was projected by the time that chunk was read: not in this answer.
    expect(CONTACT_PLACES.map((place) => codes(during[place]!))).toEqual([[], [], [], [], []]);

    const after = await new EligibilityReader({ db, store, phoneHash: testPhoneHash }).checkBatch(phones, target);
    expect(new Set(after.map((answer) => answer.checkpoint))).toEqual(new Set([await store.headPosition()]));
    expect(CONTACT_PLACES.map((place) => codes(after[place]!))).toEqual([
      ['OBJECTED'],
      ['DNC_LISTED'],
      ['REFUSAL_COOLDOWN', 'SIMILAR_PRODUCT_COOLDOWN'],
      ['CALLBACK_REQUESTED'],
      [],
    ]);
    await dispose();
  });
});
