import { randomBytes, randomUUID } from 'node:crypto';
import { normalisePhone, type Sealed } from '@calltrail/pii-vault';
import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFileUnder, everyRowAsText } from '../support/plaintext-scan';
import { ledgerTargets, type LedgerTarget } from '../support/ledger-targets';

const targets = ledgerTargets();
// Distinctive values, so that finding one anywhere cannot be a coincidence.
const person = {
  name: 'Zoë Quackelbeen-Vandersteen',
  email: 'zoe.quackelbeen@example.be',
  phone: '0470 99 88 77',
  note: 'Belt terug over de Quackelbeen-offerte voor zonnepanelen',
};

describe.each(targets)('personal data on %s', (_name, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  const contactId = randomUUID();
  const sealed: Record<string, Sealed> = {};
  let e164: string;

  beforeAll(async () => {
    target = await prepare();
    ledger = await openLedger(loadConfig({ ...target.env, CALLTRAIL_MASTER_KEY: randomBytes(32).toString('hex') }));
    e164 = normalisePhone(person.phone, 'BE');
    for (const [field, value] of Object.entries({ ...person, phone: e164 })) {
      sealed[field] = await ledger.vault.seal(contactId, value);
    }
    await ledger.store.appendToStream(
      `contact-${contactId}`,
      [
        {
          type: 'PersonalDataRecorded',
          data: { contactId, name: sealed['name'], email: sealed['email'], phone: sealed['phone'], phoneHash: ledger.vault.phoneHash(e164) },
        },
        { type: 'NoteRecorded', data: { contactId, text: sealed['note'] } },
      ],
      { expectedVersion: 'no_stream' },
    );
  });
  afterAll(async () => {
    await ledger?.close();
    await target?.cleanup();
  });

  const plaintexts = () => [person.name, person.email, e164, '470998877', 'Quackelbeen'];

  it('is stored only as ciphertext, and opens for the ledger until erasure', async () => {
    const rows = await everyRowAsText(ledger.database);
    for (const text of plaintexts()) expect(rows).not.toContain(text);
    const [event] = await ledger.store.readStream(`contact-${contactId}`);
    expect(await ledger.vault.open(event!.data['name'] as Sealed)).toBe(person.name);
  });

  it('is unreadable everywhere after the key is shredded, while the history still verifies', async () => {
    await ledger.vault.shred(contactId);
    for (const value of Object.values(sealed)) expect(await ledger.vault.open(value)).toBeNull();

    const rows = await everyRowAsText(ledger.database);
    for (const text of plaintexts()) expect(rows).not.toContain(text);
    if (target.pgliteDir) {
      await ledger.database.exec('CHECKPOINT');
      const files = everyFileUnder(target.pgliteDir);
      for (const text of plaintexts()) expect(files.some((bytes) => bytes.includes(text))).toBe(false);
    }
    const events = await ledger.store.readStream(`contact-${contactId}`);
    expect(events.map((e) => e.type)).toEqual(['PersonalDataRecorded', 'NoteRecorded']);
    expect(await ledger.store.verify()).toMatchObject({ ok: true, firstBroken: null });
  });
});
