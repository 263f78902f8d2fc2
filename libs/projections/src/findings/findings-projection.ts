import type { StoredEvent } from '@calltrail/event-store';
import { parseStreamId, type RecordedEvent } from '@calltrail/domain';
import type { SqlQueryable } from '@calltrail/sql';
import { toFoldInput } from '../eligibility/fold-input';
import { ProjectionMemory, RecentRows, rowsWithinHeap, type MemoryBudget, type Projection } from '../runner';
import {
  callFindings,
  campaignFindings,
  contactFindings,
  FINDING_CATALOGUE,
  organisationFindings,
  processorFindings,
  type CallContext,
  type CallerIdsFact,
  type FindingDraft,
  type TrainingFact,
} from './rules';
import { FINDINGS_TABLES, findingsMigrations } from './schema';

export const FINDINGS_PROJECTION = 'findings';

type DocumentKind = 'call' | 'contact' | 'processor' | 'campaign' | 'organisation';

/** What a call document is found by when a change elsewhere bears on its findings. */
interface CallKeys {
  campaignId: string | null;
  processorId: string | null;
  agentId: string | null;
  /** When the call was placed. */
  at: string | null;
}

interface Document extends CallKeys {
  document: string;
  kind: DocumentKind;
  events: RecordedEvent[];
}

const NO_KEYS: CallKeys = { campaignId: null, processorId: null, agentId: null, at: null };

/** The call events a contact's findings read (first answered call, and its privacy notice). */
const CONTACT_CALL_TYPES = new Set(['CallAttempted', 'PrivacyNoticeGiven']);

class Batch {
  readonly added = new Map<string, Document>();

  add(document: string, kind: DocumentKind, event: RecordedEvent, keys: CallKeys = NO_KEYS): void {
    const doc = this.added.get(document) ?? { document, kind, ...NO_KEYS, events: [] };
    doc.campaignId ??= keys.campaignId;
    doc.processorId ??= keys.processorId;
    doc.agentId ??= keys.agentId;
    doc.at ??= keys.at;
    doc.events.push(event);
    this.added.set(document, doc);
  }

  route(event: StoredEvent): void {
    const stream = parseStreamId(event.streamId);
    if (!stream) return;
    const folded = toFoldInput(event);
    const data = event.data as Record<string, unknown>;
    switch (stream.kind) {
      case 'call': {
        const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null);
        const attempt = event.type === 'CallAttempted';
        const keys: CallKeys = {
          campaignId: lower(data['campaignId']),
          processorId: lower(data['processorId']),
          agentId: attempt ? ((data['agentId'] as string | null) ?? null) : null,
          at: attempt ? event.metadata.occurredAt : null,
        };
        this.add(event.streamId, 'call', folded, keys);
        if (CONTACT_CALL_TYPES.has(event.type)) this.add(`contact-${String(data['contactId']).toLowerCase()}`, 'contact', folded);
        return;
      }
      case 'processor':
        return this.routeProcessorEvent(event, folded);
      case 'contact':
      case 'campaign':
      case 'organisation':
        return this.add(event.streamId, stream.kind, folded);
      case 'registry':
        return;
    }
  }

  /**
   * A share goes to the processor with the number of contacts instead of their list, and to each
   * contact it names as naming that contact alone: documents stay small however large the lists.
   */
  private routeProcessorEvent(event: StoredEvent, folded: RecordedEvent): void {
    if (event.type !== 'DataSharedWithProcessor') return this.add(event.streamId, 'processor', folded);
    const contactIds = (event.data['contactIds'] as string[]).map((id) => id.toLowerCase());
    const withData = (data: Record<string, unknown>) => ({ ...folded, data: { ...folded.data, ...data } }) as RecordedEvent;
    this.add(event.streamId, 'processor', withData({ contactIds: [], contactCount: contactIds.length }));
    for (const id of contactIds) this.add(`contact-${id}`, 'contact', withData({ contactIds: [id] }));
  }

  /**
   * Changes that call findings depend on: a campaign's ring limit (its calls), an agent's training (the
   * agent's calls), the organisation's caller ids (the calls from the moment the profile took effect).
   */
  dependencies(): { campaigns: string[]; agents: { processorId: string; agentId: string }[]; callsFrom: string | null } {
    const events = (kind: DocumentKind, types: string[]) =>
      [...this.added.values()].filter((doc) => doc.kind === kind).flatMap((doc) => doc.events.filter((event) => types.includes(event.type)));
    const profiles = events('organisation', ['OrganisationProfileSet']).map((event) => event.metadata.occurredAt);
    return {
      campaigns: [...new Set(events('campaign', ['CampaignDefined', 'CampaignAmended']).map((event) => (event.data as { campaignId: string }).campaignId.toLowerCase()))],
      agents: events('processor', ['AgentTrainingRecorded']).map((event) => {
        const { processorId, agentId } = event.data as { processorId: string; agentId: string };
        return { processorId: processorId.toLowerCase(), agentId };
      }),
      callsFrom: profiles.length > 0 ? new Date(Math.min(...profiles.map((at) => Date.parse(at)))).toISOString() : null,
    };
  }
}

interface DocumentRow {
  document: string;
  kind: DocumentKind;
  campaign_id: string | null;
  processor_id: string | null;
  agent_id: string | null;
  occurred_at: Date | null;
  events: RecordedEvent[];
}

/** Stored documents, with their events in order. */
async function loadDocuments(tx: SqlQueryable, documents: string[]): Promise<Document[]> {
  if (documents.length === 0) return [];
  const { rows } = await tx.query<DocumentRow>(
    `SELECT d.document, d.kind, d.campaign_id, d.processor_id, d.agent_id, d.occurred_at,
            coalesce((SELECT json_agg(e.event ORDER BY e.seq) FROM findings_document_events e WHERE e.document = d.document), '[]'::json) AS events
     FROM findings_documents d WHERE d.document = ANY($1::text[])`,
    [documents],
  );
  return rows.map((row) => ({
    document: row.document,
    kind: row.kind,
    campaignId: row.campaign_id,
    processorId: row.processor_id,
    agentId: row.agent_id,
    at: row.occurred_at === null ? null : new Date(row.occurred_at).toISOString(),
    events: row.events,
  }));
}

/** The event types a call's findings read from the campaign, processor and organisation documents. */
const CONTEXT_TYPES = ['CampaignDefined', 'CampaignAmended', 'AgentTrainingRecorded', 'OrganisationProfileSet'];

/**
 * The documents folded so far, kept by the runner between batches (see ProjectionMemory): when
 * the memory is complete, a document it does not hold is not stored either.
 */
interface DocumentMemory {
  /** By document, weighed by its events. */
  documents: RecentRows<Document>;
  /** The documents that have findings stored (all of them when the memory is complete). */
  withFindings: Set<string>;
}

/**
 * Document events remembered at most (a call's events shared by its call and contact documents); the
 * documents used least recently are read from the tables. The 1,000,000-event benchmark set holds
 * about 1.7 M: with a budget of 1,000,000 a rebuild of all four projections read documents back 86
 * times and spent 101.6 s of CPU, with 2,000,000 none and 77.3 s, for a largest heap of 2.6 GB
 * against 2.5 GB (docs/benchmarks.md, "Rebuild"). Fewer when 30 % of the heap holds fewer (about 0.55 KB
 * each, measured; eligibility takes 15 %, the rest is left to the batches).
 */
const MEMORY_EVENTS: MemoryBudget = { cap: 2_000_000, heapShare: 0.3, bytesEach: 550 };

function documentMemory(memory: ProjectionMemory): DocumentMemory {
  return memory.slot('documents', () => ({ documents: new RecentRows<Document>(memory, rowsWithinHeap(MEMORY_EVENTS)), withFindings: new Set<string>() }));
}

/** The documents named, from memory or else from the tables (remembered from then on). */
async function recall(tx: SqlQueryable, memory: ProjectionMemory, names: Iterable<string>): Promise<Map<string, Document>> {
  const held = documentMemory(memory);
  const found = new Map<string, Document>();
  const missing: string[] = [];
  for (const name of names) {
    const doc = held.documents.get(name);
    if (doc) found.set(name, doc);
    else if (doc === undefined) missing.push(name);
  }
  for (const doc of await loadDocuments(tx, missing)) {
    found.set(doc.document, doc);
    held.documents.set(doc.document, doc, doc.events.length);
  }
  return found;
}

/** Only the context events of the documents not in memory, filtered in the database (a processor's shares are not read). */
async function loadContextEvents(tx: SqlQueryable, documents: string[]): Promise<Map<string, RecordedEvent[]>> {
  if (documents.length === 0) return new Map();
  const { rows } = await tx.query<{ document: string; event: RecordedEvent }>(
    `SELECT document, event FROM findings_document_events WHERE document = ANY($1::text[]) AND type = ANY($2::text[]) ORDER BY document, seq`,
    [documents, CONTEXT_TYPES],
  );
  const byDocument = new Map<string, RecordedEvent[]>();
  for (const row of rows) byDocument.set(row.document, [...(byDocument.get(row.document) ?? []), row.event]);
  return byDocument;
}

/** The call documents a change in this batch bears on, by their stored keys. */
async function dependentCalls(tx: SqlQueryable, batch: Batch): Promise<string[]> {
  const { campaigns, agents, callsFrom } = batch.dependencies();
  if (campaigns.length === 0 && agents.length === 0 && callsFrom === null) return [];
  const { rows } = await tx.query<{ document: string }>(
    `SELECT document FROM findings_documents
     WHERE kind = 'call' AND (campaign_id = ANY($1::text[])
       OR (processor_id, agent_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
       OR occurred_at >= $4::timestamptz)`,
    [campaigns, agents.map((agent) => agent.processorId), agents.map((agent) => agent.agentId), callsFrom],
  );
  return rows.map((row) => row.document);
}

/** A document and what the batch appends to it: the stored keys win, the events add up. */
function appended(previous: Document | undefined, added: Document): Document {
  return {
    ...added,
    campaignId: previous?.campaignId ?? added.campaignId,
    processorId: previous?.processorId ?? added.processorId,
    agentId: previous?.agentId ?? added.agentId,
    at: previous?.at ?? added.at,
    events: [...(previous?.events ?? []), ...added.events],
  };
}

/** The documents to fold again, and what to write of the batch's. */
interface Fold {
  docs: Map<string, Document>;
  /** Each batch document's number of events before the batch. */
  before: Map<string, number>;
  /** The batch documents that are new, or whose keys were filled in. */
  keysChanged: Document[];
}

const KEYS = ['campaignId', 'processorId', 'agentId', 'at'] as const;

/**
 * The documents to fold again: the batch's, with its events appended (and remembered so), and the
 * call documents that depend on a change.
 */
async function documentsToFold(tx: SqlQueryable, batch: Batch, memory: ProjectionMemory): Promise<Fold> {
  const stored = await recall(tx, memory, batch.added.keys());
  const held = documentMemory(memory);
  const fold: Fold = { docs: new Map(), before: new Map(), keysChanged: [] };
  const { docs } = fold;
  for (const [key, added] of batch.added) {
    const previous = stored.get(key);
    const doc = appended(previous, added);
    fold.before.set(key, previous?.events.length ?? 0);
    if (!previous || KEYS.some((name) => previous[name] !== doc[name])) fold.keysChanged.push(doc);
    docs.set(key, doc);
    held.documents.set(key, doc, doc.events.length);
  }
  const dependents = await dependentCalls(tx, batch);
  for (const [key, doc] of await recall(tx, memory, dependents.filter((key) => !docs.has(key)))) docs.set(key, doc);
  return fold;
}

/** What the call documents of this fold need from the campaign, processor and organisation documents. */
async function callContexts(tx: SqlQueryable, docs: Map<string, Document>, memory: ProjectionMemory): Promise<(doc: Document) => CallContext> {
  const calls = [...docs.values()].filter((doc) => doc.kind === 'call');
  const wanted = [
    'organisation',
    ...new Set(calls.flatMap((doc) => [doc.campaignId && `campaign-${doc.campaignId}`, doc.processorId && `processor-${doc.processorId}`].filter((key): key is string => !!key))),
  ];
  const held = documentMemory(memory).documents;
  const inMemory = new Map<string, Document | null | undefined>(wanted.map((key) => [key, docs.get(key) ?? held.get(key)]));
  const stored = await loadContextEvents(tx, wanted.filter((key) => inMemory.get(key) === undefined));
  const eventsOf = (key: string) => inMemory.get(key)?.events ?? stored.get(key) ?? [];
  const callerIds: CallerIdsFact[] = eventsOf('organisation')
    .filter((event) => event.type === 'OrganisationProfileSet')
    .map((event) => ({ from: event.metadata.occurredAt, callerIds: (event.data as { callerIds: string[] }).callerIds, eventId: event.eventId }))
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  const maxRings = cached((campaign: string) => maxRingsOf(eventsOf(`campaign-${campaign}`)));
  const trainings = cached((processor: string) => trainingsOf(eventsOf(`processor-${processor}`)));
  return (doc) => ({ maxRings: maxRings(String(doc.campaignId)), callerIds, trainings: trainings(String(doc.processorId)) });
}

/** `compute` once per key. */
function cached<T>(compute: (key: string) => T): (key: string) => T {
  const values = new Map<string, T>();
  return (key) => {
    if (!values.has(key)) values.set(key, compute(key));
    return values.get(key)!;
  };
}

function maxRingsOf(events: readonly RecordedEvent[]): number | null {
  let maxRings: number | null = null;
  for (const event of events) {
    if (event.type === 'CampaignDefined') maxRings = event.data.callingProfile.maxRings;
    if (event.type === 'CampaignAmended' && event.data.changes.callingProfile) maxRings = event.data.changes.callingProfile.maxRings;
  }
  return maxRings;
}

function trainingsOf(events: readonly RecordedEvent[]): TrainingFact[] {
  return events.flatMap((event) =>
    event.type === 'AgentTrainingRecorded'
      ? [{ agentId: event.data.agentId, completedOn: event.data.completedOn, validUntil: event.data.validUntil, eventId: event.eventId, recordedAt: event.metadata.recordedAt }]
      : [],
  );
}

function findingsOf(doc: Document, callContext: (doc: Document) => CallContext): FindingDraft[] {
  switch (doc.kind) {
    case 'call':
      return callFindings(doc.events, callContext(doc));
    case 'contact':
      return contactFindings(doc.events);
    case 'processor':
      return processorFindings(doc.events);
    case 'campaign':
      return campaignFindings(doc.events);
    case 'organisation':
      return organisationFindings(doc.events);
  }
}

/** Rows per statement: one JSON parameter per chunk keeps every string well under the engine's limits. */
const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) parts.push(items.slice(start, start + CHUNK));
  return parts;
}

/** Writes what finds each batch document, and appends the batch's events to it: nothing stored is rewritten. */
async function saveDocuments(tx: SqlQueryable, batch: Batch, { keysChanged, before }: Fold): Promise<void> {
  for (const chunk of chunks(keysChanged)) await saveDocumentKeys(tx, chunk);
  const events = [...batch.added].flatMap(([key, added]) =>
    added.events.map((event, index) => ({ document: key, seq: before.get(key)! + index, type: event.type, event })),
  );
  for (const chunk of chunks(events)) await appendDocumentEvents(tx, chunk);
}

async function saveDocumentKeys(tx: SqlQueryable, docs: Document[]): Promise<void> {
  await tx.query(
    `INSERT INTO findings_documents (document, kind, campaign_id, processor_id, agent_id, occurred_at)
     SELECT document, kind, campaign_id, processor_id, agent_id, occurred_at
     FROM jsonb_to_recordset($1::jsonb)
       AS d(document text, kind text, campaign_id text, processor_id text, agent_id text, occurred_at timestamptz)
     ON CONFLICT (document) DO UPDATE SET
       campaign_id = excluded.campaign_id, processor_id = excluded.processor_id,
       agent_id = excluded.agent_id, occurred_at = excluded.occurred_at
     WHERE (findings_documents.campaign_id, findings_documents.processor_id, findings_documents.agent_id, findings_documents.occurred_at)
       IS DISTINCT FROM (excluded.campaign_id, excluded.processor_id, excluded.agent_id, excluded.occurred_at)`,
    [
      JSON.stringify(
        docs.map((doc) => ({
          document: doc.document,
          kind: doc.kind,
          campaign_id: doc.campaignId,
          processor_id: doc.processorId,
          agent_id: doc.agentId,
          occurred_at: doc.at,
        })),
      ),
    ],
  );
}

async function appendDocumentEvents(tx: SqlQueryable, rows: { document: string; seq: number; type: string; event: RecordedEvent }[]): Promise<void> {
  await tx.query(
    `INSERT INTO findings_document_events (document, seq, type, event)
     SELECT document, seq, type, event FROM json_to_recordset($1::json) AS e(document text, seq integer, type text, event json)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Replaces every finding of the documents folded again: a finding's id is stable, so history holds.
 * A complete memory knows which documents have findings stored: only theirs are deleted.
 */
async function saveFindings(
  tx: SqlQueryable,
  memory: ProjectionMemory,
  documents: string[],
  drafts: { document: string; draft: FindingDraft }[],
): Promise<void> {
  const { withFindings } = documentMemory(memory);
  const stale = memory.complete ? documents.filter((document) => withFindings.has(document)) : documents;
  if (stale.length > 0) await tx.query('DELETE FROM findings WHERE document = ANY($1::text[])', [stale]);
  for (const document of documents) withFindings.delete(document);
  for (const { document } of drafts) withFindings.add(document);
  if (drafts.length === 0) return;
  const rows = drafts.map(({ document, draft }) => ({
    finding_id: draft.findingId,
    document,
    code: draft.code,
    seed: FINDING_CATALOGUE[draft.code].seed,
    occurred_at: draft.occurredAt,
    due_at: draft.dueAt,
    found_at: draft.dueAt ?? draft.occurredAt,
    resolved_at: draft.resolvedAt,
    resolved_by: draft.resolvedBy,
    event_ids: draft.eventIds,
    campaign_id: draft.campaignId,
    processor_id: draft.processorId,
    contact_id: draft.contactId,
    call_id: draft.callId,
    message: draft.message,
    details: draft.details,
  }));
  for (const chunk of chunks(rows)) await insertFindings(tx, chunk);
}

async function insertFindings(tx: SqlQueryable, rows: object[]): Promise<void> {
  await tx.query(
    `INSERT INTO findings (finding_id, document, code, seed, occurred_at, due_at, found_at, resolved_at, resolved_by, event_ids,
                           campaign_id, processor_id, contact_id, call_id, message, details)
     SELECT finding_id, document, code, seed, occurred_at, due_at, found_at, resolved_at, resolved_by, event_ids,
            campaign_id, processor_id, contact_id, call_id, message, details
     FROM jsonb_to_recordset($1::jsonb) AS f(finding_id text, document text, code text, seed text, occurred_at timestamptz,
       due_at timestamptz, found_at timestamptz, resolved_at timestamptz, resolved_by text, event_ids jsonb, campaign_id text,
       processor_id text, contact_id text, call_id text, message text, details jsonb)`,
    [JSON.stringify(rows)],
  );
}

/**
 * The findings of domain.md kept current from the store: each event goes to the documents it bears
 * on (its call, contact, processor, campaign, or the organisation); each document touched is folded
 * again by the pure rules of ./rules and its findings replaced. Deadlines are stored, not judged:
 * whether a request is overdue is decided by the query, against the moment it asks about.
 */
export function findingsProjection(): Projection {
  return {
    name: FINDINGS_PROJECTION,
    // 2: shares stored per contact, and as a count on the processor. 3: call documents keep their agent and time.
    // 4: a document's events are rows of their own (migration 3).
    version: 4,
    migrations: findingsMigrations,
    tables: FINDINGS_TABLES,
    async apply(tx, events, memory = new ProjectionMemory()) {
      const batch = new Batch();
      for (const event of events) batch.route(event);
      if (batch.added.size === 0) return;
      const fold = await documentsToFold(tx, batch, memory);
      const { docs } = fold;
      const callContext = await callContexts(tx, docs, memory);
      await saveDocuments(tx, batch, fold);
      const drafts = [...docs.values()].flatMap((doc) => findingsOf(doc, callContext).map((draft) => ({ document: doc.document, draft })));
      await saveFindings(tx, memory, [...docs.keys()], drafts);
    },
  };
}
