import {
  DuplicateEventIdConflictError,
  retryConflict,
  WrongExpectedVersionError,
  type AppendResult,
  type ExpectedVersion,
  type StoredEvent,
} from '@calltrail/event-store';
import type { SqlQueryable } from '@calltrail/sql';
import { hashAt, type AppendRequest } from './append-request';
import type { EventJson } from './event-json';
import { toStoredEvent, type EventRow } from './rows';
import { StreamHeadCache, type StreamHead } from './stream-heads';

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** What one request of a batch turned into, before the batch has its global positions. */
type Decision =
  | { kind: 'append'; streamId: string; events: StoredEvent[]; json: EventJson[] }
  | { kind: 'retry'; streamId: string; events: StoredEvent[] }
  | { kind: 'failed'; error: Error };

/** A batch planned in memory, ready for `append_events`. */
export interface BatchPlan {
  decisions: Decision[];
  fresh: StoredEvent[];
  /** The data and metadata of the fresh events, as serialised when each append was queued. */
  json: EventJson[];
  /** Heads of every stream the batch touches, as believed when planning. */
  believed: Map<string, StreamHead>;
  /** Heads after the batch. */
  after: Map<string, StreamHead>;
}

/** Where planning reads the stream heads from. */
export interface HeadSource {
  get(streamId: string): StreamHead;
}

type AppendAnswer = { positions: number[] } | { stale: [string, number, string][]; known: EventRow[] };

/** Tries before giving up when other processes keep changing the streams of a batch. */
const MAX_ATTEMPTS = 20;

/**
 * The batches sent before this one, still in the database: this one was planned against the heads
 * they leave, and its answer is handed out only after they have settled.
 */
export interface Predecessor {
  /** The heads the batches before leave once committed. */
  after: ReadonlyMap<string, StreamHead>;
  /** Settles when the batches before have settled, their fallbacks included. */
  settled: Promise<unknown>;
}

/**
 * Writes a batch of appends in one statement. Plans every request in order (a later request sees
 * the effect of an earlier one) against the believed stream heads and stored events, then lets
 * `append_events_in_flight` check those beliefs (holding the streams' head rows) and insert. When a
 * belief was stale (another process appended, or an event id is already stored), nothing is
 * written: the plan is redone with the database's answer. A request that conflicts fails alone.
 *
 * `planned`, a plan made ahead (while the batch before was in the database), is used only when
 * the heads it was made against are still the believed ones; otherwise the batch is planned again.
 *
 * With a `predecessor` (the batches before, sent on other connections and not settled yet), they
 * are in the database at once. On streams of their own they commit in either order (readers read
 * only below the lowest position still in flight). On a stream they share, this one waits for the
 * predecessor's head row: it writes once the predecessor has committed, or, if the predecessor
 * failed, finds its belief stale, writes nothing and is planned again once the predecessor settled.
 *
 * Run on the database it commits by itself; run in an open transaction (the out-of-order commit
 * test does) it holds its head rows and its position lock until that transaction ends.
 */
export async function writeAppendBatch(
  queryable: SqlQueryable,
  requests: readonly AppendRequest[],
  heads: StreamHeadCache = new StreamHeadCache(),
  planned?: BatchPlan,
  predecessor?: Predecessor,
): Promise<AppendOutcome[]> {
  const known = new Map<string, StoredEvent>();
  const believedHeads = predecessor ? headsAfter(predecessor, heads) : heads;
  let plan = planned && madeAgainst(planned, believedHeads) ? planned : planBatch(requests, believedHeads, known);
  let waitFor = predecessor;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const answer = await appendEvents(queryable, requests, plan, known);
    // Answers of the two connections may arrive in either order: the predecessor's goes first.
    if (waitFor) await waitFor.settled.catch(() => undefined);
    if ('positions' in answer) {
      plan.fresh.forEach((event, index) => (event.globalPosition = answer.positions[index]!));
      for (const [streamId, head] of plan.after) heads.set(streamId, head);
      return plan.decisions.map(toOutcome);
    }
    // The predecessor has settled since: the heads it moved are known better here than in the answer.
    for (const [streamId, version, lastHash] of answer.stale) {
      if (!waitFor?.after.has(streamId)) heads.set(streamId, { version, lastHash });
    }
    for (const row of answer.known) known.set(row.event_id, toStoredEvent(row));
    waitFor = undefined;
    plan = planBatch(requests, heads, known);
  }
  throw new Error(`Append batch abandoned: its streams changed under it ${MAX_ATTEMPTS} times in a row`);
}

/** Plans a batch against heads that are not committed yet (those after the batch in the database). */
export function planAppendBatch(requests: readonly AppendRequest[], heads: HeadSource): BatchPlan {
  return planBatch(requests, heads, new Map());
}

/** The heads once `plan` is committed, over `heads` for the streams it does not touch. */
export function headsAfter(plan: { after: ReadonlyMap<string, StreamHead> }, heads: HeadSource): HeadSource {
  return { get: (streamId) => plan.after.get(streamId) ?? heads.get(streamId) };
}

function madeAgainst(plan: BatchPlan, heads: HeadSource): boolean {
  for (const [streamId, believed] of plan.believed) {
    const head = heads.get(streamId);
    if (head.version !== believed.version || head.lastHash !== believed.lastHash) return false;
  }
  return true;
}

function planBatch(
  requests: readonly AppendRequest[],
  cache: HeadSource,
  storedEvents: ReadonlyMap<string, StoredEvent>,
): BatchPlan {
  const believed = new Map(requests.map((request) => [request.streamId, cache.get(request.streamId)]));
  const after = new Map(believed);
  const known = new Map(storedEvents);
  const decisions = requests.map((request) => decide(request, after, known));
  const appended = decisions.filter((decision) => decision.kind === 'append');
  const fresh = appended.flatMap((decision) => decision.events);
  const json = appended.flatMap((decision) => decision.json);
  const touched = new Set(fresh.map((event) => event.streamId));
  for (const streamId of after.keys()) if (!touched.has(streamId)) after.delete(streamId);
  return { decisions, fresh, json, believed, after };
}

function decide(request: AppendRequest, heads: Map<string, StreamHead>, known: Map<string, StoredEvent>): Decision {
  try {
    const retried = matchRetry(request, known);
    if (retried) return { kind: 'retry', streamId: request.streamId, events: retried };
    const head = heads.get(request.streamId)!;
    checkExpectedVersion(request.streamId, request.expectedVersion, head.version);
    const events = chainEvents(request, head);
    const last = events[events.length - 1]!;
    heads.set(request.streamId, { version: last.streamVersion, lastHash: last.hash });
    for (const event of events) known.set(event.eventId, event);
    return { kind: 'append', streamId: request.streamId, events, json: request.events.map((event) => event.json) };
  } catch (error) {
    return { kind: 'failed', error: error as Error };
  }
}

/**
 * Idempotency, checked before the expected version: when every event id is already stored
 * with the same content, the append is a retry and returns the stored events.
 */
function matchRetry(request: AppendRequest, known: Map<string, StoredEvent>): StoredEvent[] | null {
  const stored = request.events.map((event) => known.get(event.eventId));
  const firstStored = stored.findIndex((event) => event !== undefined);
  if (firstStored === -1) return null;
  request.events.forEach((event, index) => {
    const match = stored[index];
    if (!match) {
      throw new DuplicateEventIdConflictError(
        request.events[firstStored]!.eventId,
        `the append mixes stored events with new ones (event ${event.eventId} is new)`,
      );
    }
    const difference = retryConflict(match, request.streamId, event);
    if (difference) throw new DuplicateEventIdConflictError(event.eventId, difference);
  });
  return stored as StoredEvent[];
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!holds) throw new WrongExpectedVersionError(streamId, expected, actual === 0 ? 'no_stream' : actual);
}

function chainEvents(request: AppendRequest, head: StreamHead): StoredEvent[] {
  let prevHash = head.lastHash;
  return request.events.map((event, index) => {
    const streamVersion = head.version + index + 1;
    const hash = hashAt(event, prevHash, streamVersion);
    const stored: StoredEvent = {
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata: event.storedMetadata,
      streamId: request.streamId,
      streamVersion,
      globalPosition: 0,
      prevHash,
      hash,
    };
    prevHash = hash;
    return stored;
  });
}

/**
 * One statement: `append_events_in_flight` (migration 4) checks the beliefs and inserts, or answers
 * what was stale. The events go as one array per column (data and metadata as one JSON array each), the
 * least the database has to parse; the statement is prepared once per connection.
 */
async function appendEvents(
  queryable: SqlQueryable,
  requests: readonly AppendRequest[],
  plan: BatchPlan,
  known: ReadonlyMap<string, StoredEvent>,
): Promise<AppendAnswer> {
  const { fresh, json } = plan;
  const newIds = requests.flatMap((request) =>
    request.events.filter((event) => event.idGiven && !known.has(event.eventId)).map((event) => event.eventId),
  );
  const { rows } = await queryable.query<{ answer: AppendAnswer }>(
    `SELECT append_events_in_flight($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::jsonb, $6::jsonb, $7::text[],
            $8::text[], $9::jsonb, $10::jsonb, $11::jsonb) AS answer`,
    [
      fresh.map((event) => event.eventId),
      fresh.map((event) => event.streamId),
      fresh.map((event) => event.streamVersion),
      fresh.map((event) => event.type),
      `[${json.map((each) => each.data).join(',')}]`,
      `[${json.map((each) => each.metadata).join(',')}]`,
      fresh.map((event) => event.prevHash),
      fresh.map((event) => event.hash),
      JSON.stringify(headRows(plan.believed)),
      JSON.stringify(headRows(plan.after)),
      JSON.stringify(newIds),
    ],
    { name: 'calltrail_append_events_v4' },
  );
  return rows[0]!.answer;
}

function headRows(heads: ReadonlyMap<string, StreamHead>) {
  return [...heads].map(([streamId, head]) => ({ stream_id: streamId, version: head.version, last_hash: head.lastHash }));
}

function toOutcome(decision: Decision): AppendOutcome {
  if (decision.kind === 'failed') return { ok: false, error: decision.error };
  const { streamId, events } = decision;
  return {
    ok: true,
    result: {
      streamId,
      nextExpectedVersion: Math.max(...events.map((event) => event.streamVersion)),
      events: events.map(({ eventId, streamVersion, globalPosition }) => ({ eventId, streamVersion, globalPosition })),
    },
  };
}
