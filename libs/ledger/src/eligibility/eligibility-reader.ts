import {
  DNC_REGISTRIES,
  campaignStreamId,
  contactStreamId,
  cutOff,
  evaluateEligibility,
  foldCampaignView,
  foldContactView,
  foldProcessorView,
  isUuid,
  processorStreamId,
  registryStreamId,
  registryView,
  snapshotsInForce,
  type CampaignEligibilityView,
  type DataShareFact,
  type ContactEligibilityView,
  type DncScrubFact,
  type ErasureFact,
  type ProcessorEligibilityView,
  type RecordedEvent,
  type RegistryEligibilityView,
  type SnapshotInForce,
} from '@calltrail/domain';
import { readStreamOrEmpty, type EventStore } from '@calltrail/event-store';
import { toFoldInput } from '@calltrail/projections';
import type { Database, SqlQueryable } from '@calltrail/sql';
import { EligibilityQueryError, MAX_BATCH, type EligibilityAnswer, type EligibilityBasis } from './eligibility-answer';
import { toE164 } from './phone-keys';
import {
  callStreamsOfContact,
  contactOfPhone,
  listedIn,
  listFacts,
  listedNumbers,
  loadContext,
  loadNumberRows,
  phoneHashesOfContact,
  type EligibilityContext,
  type NumberFacts,
  type SnapshotRef,
} from './read-models';
import { OneNumberReader } from './one-number';

export interface EligibilityTarget {
  campaignId: string;
  processorId: string;
  /** A past moment; absent: now, from the read models. */
  at?: Date;
  basis?: EligibilityBasis;
}

export interface EligibilityReaderDeps {
  db: SqlQueryable & Pick<Database, 'transaction'>;
  store: EventStore;
  /** The keyed hash of an E.164 number (the PII vault's). */
  phoneHash: (e164: string) => string;
  clock?: () => Date;
}

function checkUuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isUuid(value)) {
    throw new EligibilityQueryError('INVALID_ELIGIBILITY_QUERY', `${field}: must be a UUID`, field);
  }
  return value.toLowerCase();
}

/** What remains of an erased contact: its suppression entry, enough for ERASED and nothing personal. */
function erasedContact(contactId: string, phoneHash: string, erasure: ErasureFact): ContactEligibilityView {
  return {
    contactId,
    audience: 'B2C',
    country: null,
    timeZone: null,
    lines: [{ phoneHash, lineType: 'mobile', eventIds: [] }],
    profession: null,
    consents: [],
    objections: [],
    erasure,
    purchases: [],
    attempts: [],
    retentionExpiresAt: null,
    registeredEventIds: [],
  };
}

/**
 * The campaign with only the last scrub per registry up to `at`: the one DNC_CHECK_STALE reads.
 * A long-running campaign has hundreds of scrubs; a batch would otherwise sort them for every number.
 */
export function withLastScrubs(campaign: CampaignEligibilityView, at: Date): CampaignEligibilityView {
  const last = new Map<string, DncScrubFact>();
  for (const scrub of campaign.dncScrubs) {
    if (Date.parse(scrub.at) > at.getTime()) continue;
    const kept = last.get(scrub.registry);
    if (!kept || scrub.at.localeCompare(kept.at) > 0) last.set(scrub.registry, scrub);
  }
  return { ...campaign, dncScrubs: [...last.values()] };
}

/**
 * withLastScrubs, remembering its last answer: the same for the same campaign view until the clock
 * reaches the next scrub, or goes back before the last one kept. OneNumberReader hands a dialer's
 * calls one campaign view while the read models stay put, so call after call shares the answer.
 */
function lastScrubsMemory(): (campaign: CampaignEligibilityView, at: Date) => CampaignEligibilityView {
  let last: { source: CampaignEligibilityView; fromMs: number; untilMs: number; view: CampaignEligibilityView } | null = null;
  return (campaign, at) => {
    const atMs = at.getTime();
    if (last?.source === campaign && atMs >= last.fromMs && atMs < last.untilMs) return last.view;
    let fromMs = -Infinity;
    let untilMs = Infinity;
    for (const scrub of campaign.dncScrubs) {
      const scrubMs = Date.parse(scrub.at);
      if (scrubMs > atMs) untilMs = Math.min(untilMs, scrubMs);
      else fromMs = Math.max(fromMs, scrubMs);
    }
    last = { source: campaign, fromMs, untilMs, view: withLastScrubs(campaign, at) };
    return last.view;
  };
}

/**
 * The registry view of a number from the registries that list it, on the snapshots in force: one
 * view per distinct set of registries in a batch (most numbers are on none), shared by its numbers.
 */
function registryViews(snapshots: readonly SnapshotRef[]): (listedOn: readonly string[]) => RegistryEligibilityView {
  const views = new Map<string, RegistryEligibilityView>();
  return (listedOn) => {
    const key = listedOn.join('|');
    let view = views.get(key);
    if (!view) {
      view = {
        listings: snapshots.map((snapshot) => ({
          registry: snapshot.registry as (typeof DNC_REGISTRIES)[number],
          snapshotVersion: snapshot.version,
          listed: listedOn.includes(snapshot.registry),
          eventIds: snapshot.eventIds,
        })),
      };
      views.set(key, view);
    }
    return view;
  };
}

/** Numbers per statement of a list (see answersNowInChunks). */
const LIST_CHUNK = 1_000;

/**
 * The settings of a list's transaction. One snapshot for all its statements (REPEATABLE READ; read
 * only, so it never fails to serialise). JIT off: PostgreSQL's planner sees thousands of lookups, finds
 * the statement costly and compiles it on every call, which takes longer than the lookups. 32 MB of
 * work memory: the statement used to hash the phone index, which spilled to disk under the default
 * 4 MB (141 -> 102 ms on the 1M-event set); since elig_numbers_now it reads rows by primary key, not
 * measured again.
 */
const LIST_TRANSACTION = `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
  SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`;

/**
 * Eligibility for dialers: now from the read models (stating the checkpoint they reflect), or at a
 * past moment by replaying the streams up to it (by occurredAt for LEGAL, by recordedAt for KNOWN).
 */
export class EligibilityReader {
  private readonly clock: () => Date;
  private readonly oneNumber: OneNumberReader;
  private readonly lastScrubs = lastScrubsMemory();

  constructor(private readonly deps: EligibilityReaderDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.oneNumber = new OneNumberReader(deps.db);
  }

  /** One number (as typed, international form) or one contact. */
  async check(subject: { phone?: string; contactId?: string }, target: EligibilityTarget): Promise<EligibilityAnswer> {
    if ((subject.phone === undefined) === (subject.contactId === undefined)) {
      throw new EligibilityQueryError('INVALID_ELIGIBILITY_QUERY', 'phone or contactId: give exactly one of them', 'phone');
    }
    let phoneHash: string | null;
    if (subject.phone !== undefined) {
      phoneHash = this.deps.phoneHash(toE164([subject.phone], 'phone')[0]!);
    } else {
      const contactId = checkUuid(subject.contactId, 'contactId');
      phoneHash = (await phoneHashesOfContact(this.deps.db, contactId))[0] ?? null;
      if (phoneHash === null && !target.at) return this.unknownContact(target);
      if (target.at) return this.checkAt(contactId, phoneHash, target);
    }
    if (target.at) {
      const [answer] = await this.checkHashes([phoneHash!], target);
      return answer!;
    }
    return this.checkOneNow(phoneHash!, target);
  }

  /** One keyed hash now: the context and the number's facts in one round trip (a dialer asks before every call). */
  private async checkOneNow(phoneHash: string, target: EligibilityTarget): Promise<EligibilityAnswer> {
    const campaignId = checkUuid(target.campaignId, 'campaignId');
    const processorId = checkUuid(target.processorId, 'processorId');
    const at = this.clock();
    const { context, fact } = await this.oneNumber.load(phoneHash, campaignId, processorId, at);
    const [answer] = this.answersNow(context, [fact], campaignId, processorId, at);
    return answer!;
  }

  /**
   * A call list of up to 10,000 numbers. The numbers are all checked for their form first; their keyed
   * hashes are made chunk by chunk, as each chunk's statement is sent (see answersNowInChunks).
   */
  async checkBatch(phones: readonly string[], target: EligibilityTarget): Promise<EligibilityAnswer[]> {
    if (!Array.isArray(phones) || phones.length === 0 || phones.length > MAX_BATCH) {
      throw new EligibilityQueryError('INVALID_ELIGIBILITY_QUERY', `phones: give 1 to ${MAX_BATCH} numbers`, 'phones');
    }
    const numbers = toE164(phones, 'phones');
    if (target.at) return this.checkHashes(numbers.map((e164) => this.deps.phoneHash(e164)), target);
    const hashesOf = (from: number, to: number) => numbers.slice(from, to).map((e164) => this.deps.phoneHash(e164));
    return this.answersNowInChunks(numbers.length, hashesOf, target);
  }

  /** The same, for numbers already keyed (benchmarks, internal callers). */
  async checkHashes(phoneHashes: readonly string[], target: EligibilityTarget): Promise<EligibilityAnswer[]> {
    if (!target.at) return this.answersNowInChunks(phoneHashes.length, (from, to) => phoneHashes.slice(from, to), target);
    const campaignId = checkUuid(target.campaignId, 'campaignId');
    const processorId = checkUuid(target.processorId, 'processorId');
    const answers: EligibilityAnswer[] = [];
    for (const [index, phoneHash] of phoneHashes.entries()) {
      const contactId = await contactOfPhone(this.deps.db, phoneHash);
      answers.push({ ...(await this.checkAt(contactId, phoneHash, { ...target, campaignId, processorId })), index });
    }
    return answers;
  }

  /**
   * The answers now for a list, read in one transaction on one connection: the context, the rows of
   * the first LIST_CHUNK numbers (while the others are keyed), the DNC listings of all the numbers,
   * then the rows of the next chunks, each statement sent before the chunk before it is evaluated:
   * PostgreSQL reads the next chunk while this process evaluates (two cores busy instead of one at a
   * time), and only two chunks' rows are held at once, so they mostly die young (the garbage
   * collector's scavenges copy what is still alive). REPEATABLE READ: every statement reads the
   * snapshot of the first, so every answer reflects the checkpoint it states, whatever a projection
   * commits in between. `hashesOf(from, to)`: the keyed hashes of the numbers from `from` to `to`.
   */
  private async answersNowInChunks(
    count: number,
    hashesOf: (from: number, to: number) => string[],
    target: EligibilityTarget,
  ): Promise<EligibilityAnswer[]> {
    const campaignId = checkUuid(target.campaignId, 'campaignId');
    const processorId = checkUuid(target.processorId, 'processorId');
    const at = this.clock();
    return this.deps.db.transaction(async (tx) => {
      await tx.exec(LIST_TRANSACTION);
      const context = await loadContext(tx, campaignId, processorId);
      if (!context.campaign) throw this.unknown('campaign', campaignId);
      if (!context.processor) throw this.unknown('processor', processorId);
      // The first chunk's rows are read while the other numbers are keyed.
      const chunks = [hashesOf(0, Math.min(count, LIST_CHUNK))];
      let rows = loadNumberRows(tx, chunks[0]!, processorId, at);
      rows.catch(() => undefined); // awaited below
      for (let from = LIST_CHUNK; from < count; from += LIST_CHUNK) chunks.push(hashesOf(from, Math.min(count, from + LIST_CHUNK)));
      await rows;
      const listed = await listedNumbers(tx, chunks.flat(), context.snapshots);
      const evaluate = this.evaluatorNow(context, at);
      const answers: EligibilityAnswer[] = [];
      for (let chunk = 0; chunk < chunks.length; chunk += 1) {
        const facts = listFacts(chunks[chunk]!, await rows, listed);
        // The next chunk's statement is sent before this chunk is evaluated: one statement at a time on the connection.
        if (chunk + 1 < chunks.length) {
          rows = loadNumberRows(tx, chunks[chunk + 1]!, processorId, at);
          rows.catch(() => undefined); // should this chunk's evaluation throw, the statement in flight is not unhandled
        }
        for (const answer of evaluate(facts, answers.length)) answers.push(answer);
      }
      return answers;
    });
  }

  /** The answers now (`at`: the clock, read before the read models), from the context and the facts of each number asked. */
  private answersNow(
    context: EligibilityContext,
    facts: readonly NumberFacts[],
    campaignId: string,
    processorId: string,
    at: Date,
  ): EligibilityAnswer[] {
    if (!context.campaign) throw this.unknown('campaign', campaignId);
    if (!context.processor) throw this.unknown('processor', processorId);
    return this.evaluatorNow(context, at)(facts, 0);
  }

  /**
   * Evaluates the facts of numbers asked now against one context (its campaign and processor known),
   * the first of them at position `offset` of the list: what every number shares (the campaign's last
   * scrubs, the registry views) is made once for all the chunks of a list.
   */
  private evaluatorNow(context: EligibilityContext, at: Date): (facts: readonly NumberFacts[], offset: number) => EligibilityAnswer[] {
    const campaign = this.lastScrubs(context.campaign!, at);
    const registryOf = registryViews(context.snapshots);
    return (facts, offset) => {
      const processor = this.processorFor(context.processor!, facts);
      return facts.map((fact, index) => {
        const result = evaluateEligibility({
          contact: this.contactOf(fact),
          campaign,
          processor,
          registry: registryOf(fact.listedOn),
          at,
          phoneHash: fact.phoneHash,
        });
        return Object.assign(result, { index: offset + index, checkpoint: context.checkpoint, basis: null });
      });
    };
  }

  private contactOf(fact: NumberFacts): ContactEligibilityView | null {
    if (fact.contact) return fact.contact;
    if (fact.erasure) return erasedContact(fact.erasure.contactId, fact.phoneHash, fact.erasure.erasure);
    return null;
  }

  /**
   * The processor with its receipts of the data of the contacts asked about (the evaluator reads a
   * contact's own entry only): one view for the whole batch, not one per number.
   */
  private processorFor(processor: ProcessorEligibilityView, facts: readonly NumberFacts[]): ProcessorEligibilityView {
    const dataReceived: Record<string, DataShareFact[]> = {};
    for (const fact of facts) if (fact.contact) dataReceived[fact.contact.contactId] = fact.shares;
    return { ...processor, dataReceived };
  }

  private unknown(kind: 'campaign' | 'processor', id: string): EligibilityQueryError {
    const code = kind === 'campaign' ? 'UNKNOWN_CAMPAIGN' : 'UNKNOWN_PROCESSOR';
    return new EligibilityQueryError(code, `${kind}Id: no ${kind} ${id} is recorded`, `${kind}Id`);
  }

  private async unknownContact(target: EligibilityTarget): Promise<EligibilityAnswer> {
    const [answer] = await this.checkHashes(['-'], target);
    return answer!;
  }

  /** Replays the streams up to `at` on the basis asked, with the registry snapshots in force at `at`. */
  private async checkAt(contactId: string | null, phoneHash: string | null, target: EligibilityTarget): Promise<EligibilityAnswer> {
    const at = target.at!;
    const basis = target.basis ?? 'LEGAL';
    if (basis !== 'LEGAL' && basis !== 'KNOWN') {
      throw new EligibilityQueryError('INVALID_ELIGIBILITY_QUERY', 'basis: must be LEGAL or KNOWN', 'basis');
    }
    const { store, db } = this.deps;
    const checkpoint = await store.headPosition();
    const load = async (streamIds: string[]): Promise<RecordedEvent[]> => {
      const events = (await Promise.all(streamIds.map((id) => readStreamOrEmpty(store, id)))).flat();
      return events.sort((a, b) => a.globalPosition - b.globalPosition).map(toFoldInput);
    };
    const history: PastMomentHistory = {
      campaign: await load([campaignStreamId(target.campaignId)]),
      processor: await load([processorStreamId(target.processorId)]),
      contact: contactId ? await load([contactStreamId(contactId), ...(await callStreamsOfContact(db, contactId))]) : null,
      registries: await load(DNC_REGISTRIES.map(registryStreamId)),
    };
    const views = foldPastMoment(history, at, basis);
    if (!views.campaign) throw this.unknown('campaign', target.campaignId);
    if (!views.processor) throw this.unknown('processor', target.processorId);
    const listed = phoneHash ? await listedIn(db, phoneHash, views.snapshots) : [];
    const result = evaluateEligibility({
      contact: views.contact,
      campaign: views.campaign,
      processor: views.processor,
      registry: registryView(views.snapshots, (registry) => listed.includes(registry)),
      at,
      phoneHash: phoneHash ?? undefined,
    });
    return { ...result, index: 0, checkpoint, basis };
  }
}

/** The streams a past-moment answer is folded from, already read, in global order, as fold inputs. */
export interface PastMomentHistory {
  campaign: readonly RecordedEvent[];
  processor: readonly RecordedEvent[];
  /** The contact stream and the call streams about the contact; null when no contact is known. */
  contact: readonly RecordedEvent[] | null;
  registries: readonly RecordedEvent[];
  /** The similar-product group of every campaign known; absent: only the campaign asked about. */
  similarProductGroupOf?: (campaignId: string) => string | null;
}

export interface PastMomentViews {
  campaign: CampaignEligibilityView | null;
  processor: ProcessorEligibilityView | null;
  contact: ContactEligibilityView | null;
  snapshots: SnapshotInForce[];
}

/**
 * The evaluator's views at a past moment: each stream cut off at `at` on the basis (by occurredAt for
 * LEGAL, by recordedAt for KNOWN) and folded with the domain's folds. The call audit replays every call
 * through this, with histories it read once per contact.
 */
export function foldPastMoment(history: PastMomentHistory, at: Date, basis: EligibilityBasis): PastMomentViews {
  const upTo = <E extends RecordedEvent>(events: readonly E[]) => cutOff(events, at, basis) as never;
  const campaign = foldCampaignView(upTo(history.campaign));
  const similarProductGroupOf =
    history.similarProductGroupOf ?? ((id: string) => (id === campaign?.campaignId ? campaign.similarProductGroup : null));
  return {
    campaign,
    processor: foldProcessorView(upTo(history.processor)),
    contact: history.contact ? foldContactView(upTo(history.contact), { similarProductGroupOf }) : null,
    snapshots: snapshotsInForce(upTo(history.registries)),
  };
}
