import type { StoredEvent } from '@calltrail/event-store';
import {
  foldCampaignView,
  foldContactView,
  foldProcessorView,
  parseStreamId,
  viewForNow,
  type CampaignEligibilityView,
  type ContactEligibilityView,
  type ContactNowView,
  type DataShareFact,
  type RecordedEvent,
} from '@calltrail/domain';
import type { SqlQueryable } from '@calltrail/sql';
import { ProjectionMemory, RecentRows, rowsWithinHeap, type MemoryBudget, type Projection } from '../runner';
import { CALL_FOLD_TYPES, CONTACT_FOLD_TYPES, PROCESSOR_FOLD_TYPES, toFoldInput } from './fold-input';
import { ELIGIBILITY_TABLES, eligibilityMigrations } from './schema';

type ContactFoldEvents = Parameters<typeof foldContactView>[0];
type CampaignFoldEvents = Parameters<typeof foldCampaignView>[0];
type ProcessorFoldEvents = Parameters<typeof foldProcessorView>[0];

/** A fold input and its global position (the key of its row in elig_contact_fold_events). */
interface PositionedInput {
  position: number;
  event: RecordedEvent;
}

interface Sorted {
  contacts: Map<string, PositionedInput[]>;
  callStreams: Map<string, Set<string>>;
  campaigns: Map<string, RecordedEvent[]>;
  processors: Map<string, RecordedEvent[]>;
  shares: Map<string, { processorId: string; contactId: string; shares: DataShareFact[] }>;
  snapshots: RecordedEvent[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sort(events: readonly StoredEvent[]): Sorted {
  const sorted: Sorted = {
    contacts: new Map(),
    callStreams: new Map(),
    campaigns: new Map(),
    processors: new Map(),
    shares: new Map(),
    snapshots: [],
  };
  for (const event of events) {
    const stream = parseStreamId(event.streamId);
    if (!stream) continue;
    if (stream.kind === 'contact' && CONTACT_FOLD_TYPES.has(event.type)) {
      push(sorted.contacts, stream.id!, { position: event.globalPosition, event: toFoldInput(event) });
    } else if (stream.kind === 'call' && CALL_FOLD_TYPES.has(event.type)) {
      const contactId = String(event.data['contactId']).toLowerCase();
      push(sorted.contacts, contactId, { position: event.globalPosition, event: toFoldInput(event) });
      if (!sorted.callStreams.has(contactId)) sorted.callStreams.set(contactId, new Set());
      sorted.callStreams.get(contactId)!.add(event.streamId);
    } else if (stream.kind === 'campaign') {
      push(sorted.campaigns, stream.id!, toFoldInput(event));
    } else if (stream.kind === 'processor' && PROCESSOR_FOLD_TYPES.has(event.type)) {
      push(sorted.processors, stream.id!, toFoldInput(event));
    } else if (stream.kind === 'processor' && event.type === 'DataSharedWithProcessor') {
      for (const contactId of event.data['contactIds'] as string[]) {
        const key = `${stream.id}|${contactId.toLowerCase()}`;
        const entry = sorted.shares.get(key) ?? { processorId: stream.id!, contactId: contactId.toLowerCase(), shares: [] };
        entry.shares.push({ at: event.metadata.occurredAt, eventIds: [event.eventId] });
        sorted.shares.set(key, entry);
      }
    } else if (stream.kind === 'registry' && event.type === 'DncSnapshotImported') {
      sorted.snapshots.push(toFoldInput(event));
    }
  }
  return sorted;
}

/** Loads the fold inputs of the documents touched by a batch. */
async function loadFoldEvents(
  tx: SqlQueryable,
  table: string,
  key: string,
  ids: string[],
): Promise<Map<string, RecordedEvent[]>> {
  const { rows } = await tx.query<{ id: string; fold_events: RecordedEvent[] }>(
    `SELECT ${key} AS id, fold_events FROM ${table} WHERE ${key} = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.fold_events]));
}

async function upsertDocuments(tx: SqlQueryable, table: string, key: string, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (${key}, fold_events, view)
     SELECT ${key}, fold_events, view FROM jsonb_to_recordset($1::jsonb) AS d(${key} uuid, fold_events jsonb, view jsonb)
     ON CONFLICT (${key}) DO UPDATE SET fold_events = excluded.fold_events, view = excluded.view`,
    [JSON.stringify(docs)],
  );
}

async function applyCampaigns(tx: SqlQueryable, campaigns: Map<string, RecordedEvent[]>, memory: ProjectionMemory): Promise<void> {
  if (campaigns.size === 0) return;
  const stored = await loadFoldEvents(tx, 'elig_campaigns', 'campaign_id', [...campaigns.keys()]);
  const docs = [...campaigns].map(([campaignId, added]) => {
    const foldEvents = [...(stored.get(campaignId) ?? []), ...added];
    return { campaign_id: campaignId, fold_events: foldEvents, view: foldCampaignView(foldEvents as CampaignFoldEvents) };
  });
  await upsertDocuments(tx, 'elig_campaigns', 'campaign_id', docs);
  const groups = eligibilityMemory(memory).groups;
  for (const doc of docs) groups?.set(doc.campaign_id, doc.view?.similarProductGroup ?? null);
}

async function applyProcessors(tx: SqlQueryable, sorted: Sorted): Promise<void> {
  if (sorted.processors.size > 0) {
    const stored = await loadFoldEvents(tx, 'elig_processors', 'processor_id', [...sorted.processors.keys()]);
    const docs = [...sorted.processors].map(([processorId, added]) => {
      const foldEvents = [...(stored.get(processorId) ?? []), ...added];
      return { processor_id: processorId, fold_events: foldEvents, view: foldProcessorView(foldEvents as ProcessorFoldEvents) };
    });
    await upsertDocuments(tx, 'elig_processors', 'processor_id', docs);
  }
  if (sorted.shares.size > 0) {
    await tx.query(
      `INSERT INTO elig_processor_contacts (processor_id, contact_id, shares)
       SELECT processor_id, contact_id, shares FROM jsonb_to_recordset($1::jsonb) AS s(processor_id uuid, contact_id uuid, shares jsonb)
       WHERE NOT EXISTS (SELECT 1 FROM elig_suppressed x WHERE x.contact_id = s.contact_id)
       ON CONFLICT (processor_id, contact_id) DO UPDATE SET shares = elig_processor_contacts.shares || excluded.shares`,
      [JSON.stringify([...sorted.shares.values()].map((s) => ({ processor_id: s.processorId, contact_id: s.contactId, shares: s.shares })))],
    );
  }
}

/**
 * What the eligibility projection keeps between batches (see ProjectionMemory): each contact's fold
 * inputs and call streams, the contacts erased, and each campaign's similar-product group.
 */
interface EligibilityMemory {
  /** By contact, weighed by its fold inputs. */
  contacts: RecentRows<{ inputs: RecordedEvent[]; callStreams: string[] }>;
  erased: Set<string>;
  groups: Map<string, string | null> | null;
}

/**
 * Fold inputs remembered at most (about 0.9 KB each, measured): 600,000 hold the contacts of a
 * 1,000,000-event store touched most recently in about 550 MB; the others are read from the tables.
 * Fewer when 15 % of the heap holds fewer (findings takes 30 %; the rest is left to the batches).
 */
const MEMORY_INPUTS: MemoryBudget = { cap: 600_000, heapShare: 0.15, bytesEach: 900 };

function eligibilityMemory(memory: ProjectionMemory): EligibilityMemory {
  return memory.slot('eligibility', () => ({ contacts: new RecentRows(memory, rowsWithinHeap(MEMORY_INPUTS)), erased: new Set<string>(), groups: null }));
}

async function similarProductGroups(tx: SqlQueryable, memory: ProjectionMemory): Promise<Map<string, string | null>> {
  const held = eligibilityMemory(memory);
  if (held.groups) return held.groups;
  const { rows } = await tx.query<{ id: string; view: CampaignEligibilityView | null }>(
    'SELECT campaign_id AS id, view FROM elig_campaigns',
  );
  held.groups = new Map(rows.map((row) => [row.id, row.view?.similarProductGroup ?? null]));
  return held.groups;
}

/** The fold inputs stored for each contact, in global order. */
async function storedContactInputs(tx: SqlQueryable, ids: string[]): Promise<Map<string, RecordedEvent[]>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; event: RecordedEvent }>(
    'SELECT contact_id AS id, event FROM elig_contact_fold_events WHERE contact_id = ANY($1::uuid[]) ORDER BY contact_id, position',
    [ids],
  );
  const byId = new Map<string, RecordedEvent[]>();
  for (const row of rows) push(byId, row.id, row.event);
  return byId;
}

/** Appends a batch's fold inputs: one row per event, so a contact's history is never rewritten. */
async function appendContactInputs(tx: SqlQueryable, added: { contact_id: string; position: number; event: RecordedEvent }[]): Promise<void> {
  if (added.length === 0) return;
  await tx.query(
    `INSERT INTO elig_contact_fold_events (contact_id, position, event)
     SELECT contact_id, position, event FROM json_to_recordset($1::json) AS e(contact_id uuid, position bigint, event json)`,
    [JSON.stringify(added)],
  );
}

/** What is known of the contacts before the batch: their fold inputs and call streams, and which were erased. */
interface ContactsBefore {
  history: Map<string, RecordedEvent[]>;
  callStreams: Map<string, string[]>;
  gone: Set<string>;
}

/** From memory where it holds them; the others from the tables (unless the memory is complete). */
async function contactsBefore(tx: SqlQueryable, ids: string[], memory: ProjectionMemory): Promise<ContactsBefore> {
  const held = eligibilityMemory(memory);
  const before: ContactsBefore = { history: new Map(), callStreams: new Map(), gone: new Set() };
  const unknown: string[] = [];
  for (const id of ids) {
    const contact = held.contacts.get(id);
    if (contact) {
      before.history.set(id, contact.inputs);
      before.callStreams.set(id, contact.callStreams);
    } else if (held.erased.has(id)) before.gone.add(id);
    else if (contact === undefined) unknown.push(id);
  }
  if (unknown.length === 0) return before;
  const { rows: stored } = await tx.query<{ id: string; call_streams: string[] }>(
    'SELECT contact_id AS id, call_streams FROM elig_contacts WHERE contact_id = ANY($1::uuid[])',
    [unknown],
  );
  const { rows: erased } = await tx.query<{ id: string }>(
    'SELECT DISTINCT contact_id AS id FROM elig_suppressed WHERE contact_id = ANY($1::uuid[])',
    [unknown],
  );
  for (const row of stored) before.callStreams.set(row.id, row.call_streams);
  for (const row of erased) before.gone.add(row.id);
  const history = await storedContactInputs(tx, unknown.filter((id) => !before.gone.has(id)));
  for (const [id, inputs] of history) before.history.set(id, inputs);
  return before;
}

/** Remembers a contact's inputs after the batch, or its erasure. */
function rememberContact(memory: ProjectionMemory, contactId: string, after: { inputs: RecordedEvent[]; callStreams: string[] } | 'erased'): void {
  const held = eligibilityMemory(memory);
  if (after === 'erased') {
    held.contacts.delete(contactId);
    held.erased.add(contactId);
    return;
  }
  held.contacts.set(contactId, after, after.inputs.length);
}

async function applyContacts(tx: SqlQueryable, sorted: Sorted, memory: ProjectionMemory): Promise<void> {
  if (sorted.contacts.size === 0) return;
  const ids = [...sorted.contacts.keys()];
  const { history, callStreams: callStreamsOf, gone } = await contactsBefore(tx, ids, memory);
  const groups = await similarProductGroups(tx, memory);
  const docs: ContactDoc[] = [];
  const added: { contact_id: string; position: number; event: RecordedEvent }[] = [];
  const relined: { contact_id: string; phone_hash: string }[] = [];
  const relinedIds: string[] = [];
  const erasures: { id: string; view: ContactEligibilityView }[] = [];
  for (const [contactId, inputs] of sorted.contacts) {
    if (gone.has(contactId)) continue;
    const foldEvents = [...(history.get(contactId) ?? []), ...inputs.map((input) => input.event)];
    const view = foldContactView(foldEvents as ContactFoldEvents, {
      similarProductGroupOf: (campaignId) => groups.get(campaignId) ?? null,
    });
    if (view?.erasure?.completedAt) {
      erasures.push({ id: contactId, view });
      rememberContact(memory, contactId, 'erased');
      continue;
    }
    const callStreams = [...new Set([...(callStreamsOf.get(contactId) ?? []), ...(sorted.callStreams.get(contactId) ?? [])])];
    rememberContact(memory, contactId, { inputs: foldEvents, callStreams });
    docs.push({ contact_id: contactId, view, now: view ? viewForNow(view) : null, call_streams: callStreams });
    for (const input of inputs) added.push({ contact_id: contactId, position: input.position, event: input.event });
    if (view && inputs.some(({ event }) => event.type === 'ContactRegistered' || event.type === 'ContactDetailsRectified')) {
      relinedIds.push(contactId);
      for (const line of view.lines) relined.push({ contact_id: contactId, phone_hash: line.phoneHash });
    }
  }
  await writeContacts(tx, docs);
  await appendContactInputs(tx, added);
  await reindexPhones(tx, relinedIds, relined);
  await writeNumbersNow(tx, docs, relinedIds);
  await purgeErased(tx, erasures);
}

/** A contact written by a batch: its full view, the compact one for answers now, its call streams. */
interface ContactDoc {
  contact_id: string;
  view: ContactEligibilityView | null;
  now: ContactNowView | null;
  call_streams: string[];
}

/**
 * The contacts' rows. The full view is stored only where the compact one left calls out: otherwise
 * it is the compact view of each of the contact's numbers, and storing it again doubled what a
 * rebuild writes. An answer reads the full view only by way of one of those numbers (NUMBER_VIEW in
 * @calltrail/ledger takes the compact one when it finds none), so a contact none of whose numbers is
 * its own any more needs no view for answers now; a past moment is replayed from the streams.
 */
async function writeContacts(tx: SqlQueryable, docs: ContactDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map(({ contact_id, view, now, call_streams }) => ({
    contact_id,
    view: now && now.view === view ? null : view, // the same object: viewForNow left no call out
    call_streams,
  }));
  await tx.query(
    `INSERT INTO elig_contacts (contact_id, view, call_streams)
     SELECT contact_id, view, ARRAY(SELECT json_array_elements_text(call_streams))
     FROM json_to_recordset($1::json) AS d(contact_id uuid, view json, call_streams json)
     ON CONFLICT (contact_id) DO UPDATE SET view = excluded.view, call_streams = excluded.call_streams`,
    [JSON.stringify(rows)],
  );
}

/**
 * The compact row of each number the phone index gives to a contact written by the batch: the rows
 * of contacts whose numbers changed go first, since the index may no longer give them those numbers.
 */
async function writeNumbersNow(tx: SqlQueryable, docs: ContactDoc[], relinedIds: string[]): Promise<void> {
  if (relinedIds.length > 0) await tx.query('DELETE FROM elig_numbers_now WHERE contact_id = ANY($1::uuid[])', [relinedIds]);
  if (docs.length === 0) return;
  const rows = docs.map(({ contact_id, now }) => ({
    contact_id,
    view: now?.view ?? null,
    valid_after: now?.validAfterMs == null ? null : new Date(now.validAfterMs).toISOString(),
  }));
  await tx.query(
    `INSERT INTO elig_numbers_now (phone_hash, contact_id, view, valid_after)
     SELECT i.phone_hash, d.contact_id, d.view, d.valid_after
     FROM json_to_recordset($1::json) AS d(contact_id uuid, view json, valid_after timestamptz)
     JOIN elig_phone_index i ON i.contact_id = d.contact_id
     ON CONFLICT (phone_hash) DO UPDATE SET contact_id = excluded.contact_id, view = excluded.view, valid_after = excluded.valid_after`,
    [JSON.stringify(rows)],
  );
}

async function reindexPhones(
  tx: SqlQueryable,
  contactIds: string[],
  lines: { contact_id: string; phone_hash: string }[],
): Promise<void> {
  if (contactIds.length === 0) return;
  await tx.query('DELETE FROM elig_phone_index WHERE contact_id = ANY($1::uuid[])', [contactIds]);
  if (lines.length === 0) return;
  // A number moves to the contact that registered it last.
  await tx.query(
    `INSERT INTO elig_phone_index (phone_hash, contact_id)
     SELECT phone_hash, contact_id FROM jsonb_to_recordset($1::jsonb) AS l(phone_hash text, contact_id uuid)
     ON CONFLICT (phone_hash) DO UPDATE SET contact_id = excluded.contact_id`,
    [JSON.stringify(lines)],
  );
}

/** Erasure: every row of the person goes; the keyed hash of each number stays, to keep it suppressed. */
async function purgeErased(tx: SqlQueryable, erasures: { id: string; view: ContactEligibilityView }[]): Promise<void> {
  if (erasures.length === 0) return;
  const ids = erasures.map((erasure) => erasure.id);
  const entries = erasures.flatMap(({ id, view }) =>
    view.lines.map((line) => ({ phone_hash: line.phoneHash, contact_id: id, erasure: view.erasure })),
  );
  await tx.query(
    `INSERT INTO elig_suppressed (phone_hash, contact_id, erasure)
     SELECT phone_hash, contact_id, erasure FROM jsonb_to_recordset($1::jsonb) AS e(phone_hash text, contact_id uuid, erasure jsonb)
     ON CONFLICT (phone_hash) DO UPDATE SET contact_id = excluded.contact_id, erasure = excluded.erasure`,
    [JSON.stringify(entries)],
  );
  await tx.query('DELETE FROM elig_phone_index WHERE contact_id = ANY($1::uuid[])', [ids]);
  await tx.query('DELETE FROM elig_numbers_now WHERE contact_id = ANY($1::uuid[])', [ids]);
  await tx.query('DELETE FROM elig_contacts WHERE contact_id = ANY($1::uuid[])', [ids]);
  await tx.query('DELETE FROM elig_contact_fold_events WHERE contact_id = ANY($1::uuid[])', [ids]);
  await tx.query('DELETE FROM elig_processor_contacts WHERE contact_id = ANY($1::uuid[])', [ids]);
}

async function applySnapshots(tx: SqlQueryable, snapshots: RecordedEvent[]): Promise<void> {
  if (snapshots.length === 0) return;
  const rows = snapshots.map((event) => {
    const data = event.data as { registry: string; version: string; takenAt: string };
    return { registry: data.registry, version: data.version, taken_at: data.takenAt, event };
  });
  await tx.query(
    `INSERT INTO elig_dnc_snapshots (registry, version, taken_at, event)
     SELECT registry, version, taken_at, event FROM jsonb_to_recordset($1::jsonb)
       AS s(registry text, version text, taken_at timestamptz, event jsonb)
     ON CONFLICT (registry, version) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

export const ELIGIBILITY_PROJECTION = 'eligibility';

/**
 * The eligibility read models: phone index, contacts, campaigns, processors (and what each received),
 * DNC snapshots. Views are folded with @calltrail/domain's folds, so the rules live in one place.
 */
export function eligibilityProjection(): Projection {
  return {
    name: ELIGIBILITY_PROJECTION,
    version: 1,
    migrations: eligibilityMigrations,
    tables: ELIGIBILITY_TABLES,
    async apply(tx, events, memory = new ProjectionMemory()) {
      const sorted = sort(events);
      await applyCampaigns(tx, sorted.campaigns, memory);
      await applyProcessors(tx, sorted);
      await applyContacts(tx, sorted, memory);
      await applySnapshots(tx, sorted.snapshots);
    },
  };
}
