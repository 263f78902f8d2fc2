import type { StoredEvent } from '@calltrail/event-store';
import { migrate, openPglite, type PgliteDatabase } from '@calltrail/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCheckpoints } from '../runner/checkpoints';
import { migrationModule } from '../runner/projection';
import { ProjectionMemory } from '../runner/projection-memory';
import { eligibilityProjection } from './eligibility-projection';

const contactId = '0b6f1a3e-5c2d-4e8f-9a1b-2c3d4e5f6a7b';
const campaignId = '1c7a2b4f-6d3e-4f9a-8b2c-3d4e5f6a7b8c';
const processorId = '2d8b3c5a-7e4f-4a0b-9c3d-4e5f6a7b8c9d';
const phoneHash = 'a'.repeat(64);

let position = 0;
function stored(streamId: string, type: string, data: Record<string, unknown>, occurredAt: string): StoredEvent {
  position += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type,
    data,
    metadata: { occurredAt, recordedAt: occurredAt, actor: null, correlationId: null, causationId: null, schemaVersion: 1 },
    streamId,
    streamVersion: 1,
    globalPosition: position,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

function call(n: number, result: string, startedAt = `2026-11-${String(n).padStart(2, '0')}T09:00:00.000Z`): StoredEvent {
  const callId = `3e9c4d6b-8f5a-4b1c-8d4e-${String(n).padStart(12, '0')}`;
  return stored(`call-${callId}`, 'CallAttempted', {
    callId, contactId, campaignId, processorId, agentId: 'agent-1', presentedCallerId: '+3225550000', humanAgent: true,
    dialled: { phoneHash, lineType: 'mobile' }, startedAt, rings: 3, result, durationSeconds: null,
  }, startedAt);
}

const registered = () =>
  stored(`contact-${contactId}`, 'ContactRegistered', {
    contactId, audience: 'B2C', country: 'BE', timeZone: 'Europe/Brussels', name: { sealed: 'x' },
    phones: [{ number: { sealed: 'x' }, phoneHash, lineType: 'mobile' }], emails: [], company: null, jobTitle: null,
    profession: { role: null, sector: null }, source: { kind: 'own_customer' },
  }, '2026-10-01T09:00:00.000Z');

describe('eligibility projection: a contact folded batch by batch', () => {
  let db: PgliteDatabase;
  const projection = eligibilityProjection();

  beforeAll(async () => {
    db = await openPglite();
    await migrateCheckpoints(db);
    await migrate(db, migrationModule(projection), projection.migrations);
  });
  afterAll(async () => {
    await db.close();
  });

  /** The contact's full view as an answer reads it: stored apart only where it differs from its number's compact row. */
  async function contactView(): Promise<unknown> {
    const { rows } = await db.query<{ view: unknown }>(
      `SELECT coalesce(c.view, (SELECT n.view FROM elig_numbers_now n WHERE n.contact_id = c.contact_id LIMIT 1)) AS view
       FROM elig_contacts c WHERE c.contact_id = $1`,
      [contactId],
    );
    return rows[0]?.view ?? null;
  }

  it('gives the same view whether its events come in one batch or in many', async () => {
    position = 0;
    const events = [registered(), call(2, 'no_answer'), call(3, 'busy'), call(4, 'answered')];
    await db.transaction((tx) => projection.apply(tx, events));
    const inOneBatch = await contactView();
    for (const table of projection.tables) await db.exec(`TRUNCATE ${table}`);
    for (const event of events) await db.transaction((tx) => projection.apply(tx, [event]));
    expect(await contactView()).toEqual(inOneBatch);
    expect((inOneBatch as { attempts: unknown[] }).attempts).toHaveLength(3);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM elig_contact_fold_events WHERE contact_id = $1', [contactId]);
    expect(rows[0]!.n).toBe(4);
  });

  it('stores the full view apart only where its number\'s compact row leaves calls out', async () => {
    position = 0;
    for (const table of projection.tables) await db.exec(`TRUNCATE ${table}`);
    const storedViews = async () =>
      (await db.query<{ full: { attempts: unknown[] } | null; compact: { attempts: unknown[] } }>(
        `SELECT c.view AS full, n.view AS compact FROM elig_contacts c JOIN elig_numbers_now n USING (contact_id) WHERE c.contact_id = $1`,
        [contactId],
      )).rows[0]!;
    await db.transaction((tx) => projection.apply(tx, [registered(), call(2, 'no_answer'), call(3, 'busy')]));
    const recent = await storedViews();
    expect(recent.full).toBeNull();
    expect(recent.compact.attempts).toHaveLength(2);
    // A call 90 days after them: the compact row leaves the two out, so the full view is kept apart.
    await db.transaction((tx) => projection.apply(tx, [call(4, 'busy', '2027-02-01T09:00:00.000Z')]));
    const trimmed = await storedViews();
    expect(trimmed.compact.attempts).toHaveLength(1);
    expect(trimmed.full!.attempts).toHaveLength(3);
  });

  it('gives the same view from its memory as from its tables, and from its tables after the memory is dropped', async () => {
    position = 0;
    const events = [registered(), call(2, 'no_answer'), call(3, 'busy'), call(4, 'answered'), call(5, 'busy')];
    for (const table of projection.tables) await db.exec(`TRUNCATE ${table}`);
    for (const event of events) await db.transaction((tx) => projection.apply(tx, [event]));
    const fromTables = await contactView();
    const storedInput = (await db.query<{ event: unknown }>('SELECT event FROM elig_contact_fold_events WHERE position = 2')).rows[0]!.event;

    for (const table of projection.tables) await db.exec(`TRUNCATE ${table}`);
    const memory = new ProjectionMemory();
    memory.beginAt(0);
    expect(memory.complete).toBe(true);
    for (const event of events.slice(0, 3)) await db.transaction((tx) => projection.apply(tx, [event], memory));
    // The contact's calls come from memory: a row taken from the table behind its back is still folded.
    await db.query('DELETE FROM elig_contact_fold_events WHERE position = 2');
    await db.transaction((tx) => projection.apply(tx, [events[3]!], memory));
    expect(((await contactView()) as { attempts: unknown[] }).attempts).toHaveLength(3);
    // Once dropped, the memory reads the tables again.
    await db.query('INSERT INTO elig_contact_fold_events (contact_id, position, event) VALUES ($1, 2, $2)', [contactId, JSON.stringify(storedInput)]);
    memory.discard();
    memory.beginAt(4);
    expect(memory.complete).toBe(false);
    await db.transaction((tx) => projection.apply(tx, [events[4]!], memory));
    expect(await contactView()).toEqual(fromTables);
    await db.query('DELETE FROM elig_contact_fold_events WHERE position = 2');
    memory.discard();
    memory.beginAt(5);
    await db.transaction((tx) => projection.apply(tx, [call(6, 'busy')], memory));
    expect(((await contactView()) as { attempts: unknown[] }).attempts).toHaveLength(4);
  });

  it('keeps none of the contact\'s rows after its erasure, only the keyed hash that suppresses the number', async () => {
    const requestId = '4fad5e7c-9a6b-4c2d-9e5f-6a7b8c9d0e1f';
    await db.transaction((tx) =>
      projection.apply(tx, [
        stored(`contact-${contactId}`, 'ErasureRequested', { contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'email' } }, '2026-11-20T09:00:00.000Z'),
        stored(`contact-${contactId}`, 'ErasureCompleted', { contactId, requestId, keyId: 'key-1', suppressedPhoneHashes: [phoneHash] }, '2026-11-20T10:00:00.000Z'),
      ]),
    );
    for (const table of ['elig_contacts', 'elig_contact_fold_events', 'elig_phone_index', 'elig_processor_contacts']) {
      const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE contact_id = $1`, [contactId]);
      expect(rows, table).toEqual([]);
    }
    const { rows } = await db.query<{ phone_hash: string }>('SELECT phone_hash FROM elig_suppressed WHERE contact_id = $1', [contactId]);
    expect(rows).toEqual([{ phone_hash: phoneHash }]);
    // A late call event of the erased contact brings nothing back.
    await db.transaction((tx) => projection.apply(tx, [call(21, 'no_answer')]));
    const { rows: after } = await db.query('SELECT 1 FROM elig_contact_fold_events WHERE contact_id = $1', [contactId]);
    expect(after).toEqual([]);
  });
});
