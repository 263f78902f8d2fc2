import { DATA_CATEGORIES, cutOff, type DataCategory, type RecordedEvent } from '@calltrail/domain';
import { REGISTER_PROJECTION } from '@calltrail/projections';
import type { Database, SqlQueryable } from '@calltrail/sql';
import { checkInstant } from '../audit/report-query';
import { registerOf } from './build-register';
import type { ProcessingRegister } from './processing-register';
import type { SourceEntry } from './processing-register';
import type { RegisterFacts, ShareFact, SubjectGroup } from './register-history';

const words = (text: string | null) => (text ? text.split(' ') : []);

function groupBy<V>(rows: readonly { key: string; value: V }[]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const { key, value } of rows) {
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** The organisation's profile, campaign and processor streams, each in occurredAt order (as `cutOff` sorts them). */
async function streamEvents(tx: SqlQueryable, at: Date): Promise<Pick<RegisterFacts, 'organisation' | 'campaigns' | 'processors'>> {
  const { rows } = await tx.query<{ kind: string; stream_key: string; event: RecordedEvent }>(
    'SELECT kind, stream_key, event FROM reg_stream_events WHERE occurred_ms <= $1 ORDER BY position',
    [at.getTime()],
  );
  const ofKind = (kind: string) =>
    new Map([...groupBy(rows.filter((row) => row.kind === kind).map((row) => ({ key: row.stream_key, value: row.event })))].map(
      ([key, events]) => [key, cutOff(events, at, 'LEGAL')],
    ));
  return { organisation: ofKind('organisation').get('organisation')?.at(-1) ?? null, campaigns: ofKind('campaign'), processors: ofKind('processor') };
}

async function shares(tx: SqlQueryable, atMs: number): Promise<ShareFact[]> {
  const { rows } = await tx.query<{ processor_id: string; campaign_id: string | null; destination_country: string; event_id: string }>(
    `SELECT processor_id, campaign_id, destination_country, event_id FROM reg_shares WHERE occurred_ms <= $1 ORDER BY occurred_ms, position`,
    [atMs],
  );
  return rows.map((row) => ({ processorId: row.processor_id, campaignId: row.campaign_id, destinationCountry: row.destination_country, eventId: row.event_id }));
}

async function campaignProcessors(tx: SqlQueryable, atMs: number): Promise<Map<string, string[]>> {
  const { rows } = await tx.query<{ campaign_id: string; processor_id: string }>(
    'SELECT campaign_id, processor_id FROM reg_campaign_processors WHERE first_ms <= $1',
    [atMs],
  );
  return groupBy(rows.map((row) => ({ key: row.campaign_id, value: row.processor_id })));
}

/**
 * The contacts each campaign had reached by then and that were registered by then, with the moment the
 * campaign first reached each (`first_ms`, `first_position`, `first_index`: a share's contacts in the
 * order it lists them), the order of the cells' event ids.
 */
const REACHED_SQL = `
  SELECT r.campaign_id, r.first_ms, r.first_position, r.first_index,
    c.contact_id, c.audience, c.country, c.source, c.registered_event_id, c.registered_ms, c.registered_position
  FROM reg_reach r JOIN reg_contacts c ON c.contact_id = r.contact_id
  WHERE r.first_ms <= $1 AND c.registered_ms <= $1`;

const FIRST_REACHED = 'first_ms, first_position, first_index';

interface GroupRow {
  campaign_id: string;
  /** Set on the groups by audience and country; null on the groups by source. */
  audience: string | null;
  country: string | null;
  kind: string | null;
  provider: string | null;
  collection_method: string | null;
  /** When the campaign first reached a contact of the group: [ms, position, index]. */
  first_reached: (string | number)[];
  contacts: number;
  event_ids: string;
}

function compareReached(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = Number(a[i]) - Number(b[i]);
    if (difference !== 0) return difference;
  }
  return 0;
}

interface ContactGroups {
  subjects: Map<string, SubjectGroup[]>;
  sources: Map<string, SourceEntry[]>;
}

/**
 * The contacts each campaign reached, grouped by audience and country and, separately, by source of
 * their data (kind, provider, collection method), with their registrations: in SQL, one pass and one
 * row per group, each group in the order the campaign first reached one of its contacts.
 */
async function contactGroups(tx: SqlQueryable, atMs: number): Promise<ContactGroups> {
  const { rows } = await tx.query<GroupRow>(
    `WITH reached AS (${REACHED_SQL})
     SELECT campaign_id, audience, country,
       source->>'kind' AS kind, source->>'provider' AS provider, source->>'collectionMethod' AS collection_method,
       min(ARRAY[${FIRST_REACHED}]) AS first_reached, count(*)::int AS contacts,
       string_agg(registered_event_id::text, ' ' ORDER BY ${FIRST_REACHED}) AS event_ids
     FROM reached
     GROUP BY GROUPING SETS ((campaign_id, audience, country), (campaign_id, source->>'kind', source->>'provider', source->>'collectionMethod'))`,
    [atMs],
  );
  const inFirstReachOrder = [...rows].sort((a, b) => compareReached(a.first_reached, b.first_reached));
  const bySubject = inFirstReachOrder.filter((row) => row.audience !== null);
  const bySource = inFirstReachOrder.filter((row) => row.audience === null);
  return {
    subjects: groupBy(
      bySubject.map((row) => ({
        key: row.campaign_id,
        value: { key: `${row.audience} contacts in ${row.country}`, contacts: row.contacts, eventIds: words(row.event_ids) },
      })),
    ),
    sources: groupBy(
      bySource.map((row) => ({
        key: row.campaign_id,
        value: { kind: row.kind!, provider: row.provider, collectionMethod: row.collection_method, contacts: row.contacts, eventIds: words(row.event_ids) },
      })),
    ),
  };
}

/**
 * The categories captured on the contacts each campaign reached, from each contact's registration on
 * (what came before it the replay could not attach to the contact), with the events that captured them.
 * A cell lists each event once: an event comes under the first of its categories (in DATA_CATEGORIES
 * order), the others are marked present with no events of their own, which lists the same events in
 * the same order as the replay does.
 */
async function reachedCategories(tx: SqlQueryable, atMs: number): Promise<Map<string, Map<DataCategory, string[]>>> {
  const { rows } = await tx.query<{ campaign_id: string; first_category: DataCategory; categories: number; event_ids: string }>(
    `WITH reached AS (${REACHED_SQL})
     SELECT r.campaign_id, f.first_category, bit_or(f.categories) AS categories,
       string_agg(f.event_id::text, ' ' ORDER BY r.first_ms, r.first_position, r.first_index, f.occurred_ms, f.position) AS event_ids
     FROM reached r JOIN reg_contact_facts f ON f.contact_id = r.contact_id
       AND f.occurred_ms <= $1 AND (f.occurred_ms, f.position) >= (r.registered_ms, r.registered_position)
     GROUP BY r.campaign_id, f.first_category`,
    [atMs],
  );
  const found = new Map<string, Map<DataCategory, string[]>>();
  for (const [campaignId, groups] of groupBy(rows.map((row) => ({ key: row.campaign_id, value: row })))) {
    const captured = groups.reduce((mask, group) => mask | group.categories, 0);
    const eventsUnder = new Map(groups.map((group) => [group.first_category, words(group.event_ids)]));
    const categories = new Map<DataCategory, string[]>();
    DATA_CATEGORIES.forEach((category, rank) => {
      if (captured & (1 << rank)) categories.set(category, eventsUnder.get(category) ?? []);
    });
    found.set(campaignId, categories);
  }
  return found;
}

function byCampaignAndCategory(rows: readonly { campaign_id: string; category: DataCategory; event_ids: string }[]): Map<string, Map<DataCategory, string[]>> {
  const found = new Map<string, Map<DataCategory, string[]>>();
  for (const row of rows) {
    const categories = found.get(row.campaign_id) ?? new Map<DataCategory, string[]>();
    categories.set(row.category, words(row.event_ids));
    found.set(row.campaign_id, categories);
  }
  return found;
}

/** Recordings and notes, by the campaign of their call (a call placed by then). */
async function campaignCategories(tx: SqlQueryable, atMs: number): Promise<Map<string, Map<DataCategory, string[]>>> {
  const { rows } = await tx.query<{ campaign_id: string; category: DataCategory; event_ids: string }>(
    `SELECT c.campaign_id, f.category, string_agg(f.event_id::text, ' ' ORDER BY f.occurred_ms, f.position) AS event_ids
     FROM reg_call_facts f JOIN reg_calls c ON c.call_id = f.call_id AND c.occurred_ms <= $1
     WHERE f.occurred_ms <= $1 GROUP BY c.campaign_id, f.category`,
    [atMs],
  );
  return byCampaignAndCategory(rows);
}

async function checkpointOf(tx: SqlQueryable): Promise<number> {
  const { rows } = await tx.query<{ position: string | number }>('SELECT position FROM projection_checkpoints WHERE name = $1', [REGISTER_PROJECTION]);
  return Number(rows[0]?.position ?? 0);
}

/** The register's facts as of `at`, read from its read models in one snapshot, with the checkpoint they reflect. */
export async function readRegisterFacts(db: Pick<Database, 'transaction'>, at: Date): Promise<{ facts: RegisterFacts; checkpoint: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // The sorts behind the cells' event ids (hundreds of thousands on a large ledger) fit in memory, and
    // these few statements are not worth compiling (JIT took longer than it saved).
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    await tx.query('SET LOCAL jit = off');
    const atMs = at.getTime();
    const checkpoint = await checkpointOf(tx);
    const { subjects, sources } = await contactGroups(tx, atMs);
    const categories = await reachedCategories(tx, atMs);
    const facts: RegisterFacts = {
      ...(await streamEvents(tx, at)),
      shares: await shares(tx, atMs),
      campaignProcessors: await campaignProcessors(tx, atMs),
      campaignCategories: await campaignCategories(tx, atMs),
      reached: (campaignId) => ({
        subjects: subjects.get(campaignId) ?? [],
        sources: sources.get(campaignId) ?? [],
        categories: categories.get(campaignId) ?? new Map(),
      }),
    };
    return { facts, checkpoint };
  });
}

/**
 * The processing register (GDPR Art. 30(1)) as of a moment, from the register's read models: the
 * dated facts of everything that had occurred by then (occurredAt, the LEGAL basis), the same register
 * as `replayProcessingRegister` gives, up to the projection's checkpoint (stated in the register).
 */
export async function processingRegister(db: Pick<Database, 'transaction'>, asOf: Date | string): Promise<ProcessingRegister> {
  const at = checkInstant(asOf, 'asOf');
  const { facts, checkpoint } = await readRegisterFacts(db, at);
  return registerOf(facts, at, checkpoint);
}
