import {
  evaluateEligibility,
  foldCampaignView,
  packsInForce,
  reason,
  registryView,
  type EligibilityReason,
  type EligibilityResult,
  type RecordedEvent,
  type TimeBasis,
} from '@calltrail/domain';
import type { EventStore } from '@calltrail/event-store';
import { foldPastMoment, type PastMomentHistory } from '@calltrail/ledger';
import type { SqlQueryable } from '@calltrail/sql';
import { AuditHistory, type AuditedAttempt } from './audit-history';
import type { AuditedCall, AuditVerdict, CallAudit, CallAuditSummary, LateReport } from './call-audit';
import { checkOptionalUuid, checkPeriod } from './report-query';

export interface AuditCallsArgs {
  from: Date | string;
  to: Date | string;
  campaignId?: string | null;
  processorId?: string | null;
}

export interface AuditDeps {
  store: Pick<EventStore, 'readAll' | 'headPosition'>;
  db: SqlQueryable;
}

/** The registries and snapshot versions that list each dialled number (the DNC import's keyed hashes). */
async function listingsOf(db: SqlQueryable, phoneHashes: string[]): Promise<Map<string, Set<string>>> {
  const listings = new Map<string, Set<string>>();
  if (phoneHashes.length === 0) return listings;
  const { rows } = await db.query<{ phone_hash: string; registry: string; snapshot_version: string }>(
    `SELECT phone_hash, registry, snapshot_version FROM dnc_registry_entries WHERE phone_hash = ANY($1::text[])`,
    [phoneHashes],
  );
  for (const row of rows) {
    const entries = listings.get(row.phone_hash) ?? new Set<string>();
    entries.add(`${row.registry}|${row.snapshot_version}`);
    listings.set(row.phone_hash, entries);
  }
  return listings;
}

/** A call for a campaign or by a processor the ledger did not know at the time: no view to evaluate. */
function unknownSubjectResult(attempt: AuditedAttempt, missing: 'campaign' | 'processor'): EligibilityResult {
  const baseline = packsInForce(null, attempt.at)[0]!;
  const rule = { rulePack: baseline.pack, ruleVersion: baseline.version };
  const why: EligibilityReason =
    missing === 'campaign'
      ? reason('CAMPAIGN_NOT_ACTIVE', rule, `Campaign ${attempt.campaignId} was not defined at the time of the call.`, [])
      : reason('PROCESSOR_NO_AGREEMENT', rule, `Processor ${attempt.processorId} was not registered at the time of the call.`, []);
  return { eligible: false, reasons: [why], nextEligibleAt: null, evaluatedAt: attempt.at.toISOString() };
}

class CallReplay {
  private readonly groups: Map<string, string | null>;
  private readonly recorded = new Map<string, RecordedEvent>();

  constructor(
    private readonly history: AuditHistory,
    private readonly listings: Map<string, Set<string>>,
  ) {
    this.groups = new Map(
      history.campaignIds().map((id) => [id, foldCampaignView(history.campaignEvents(id) as never)?.similarProductGroup ?? null]),
    );
  }

  /** Replays each contact's history once for all its calls. */
  auditContact(contactId: string, attempts: AuditedAttempt[]): AuditedCall[] {
    const contactEvents = this.history.contactEvents(contactId);
    for (const event of contactEvents) this.recorded.set(event.eventId, event);
    return attempts.map((attempt) => this.auditCall(attempt, contactEvents));
  }

  private auditCall(attempt: AuditedAttempt, contactEvents: readonly RecordedEvent[]): AuditedCall {
    // The call itself (and what was said on it) is not part of what stood before it.
    const before = contactEvents.filter((event) => (event.data as { callId?: string }).callId !== attempt.callId);
    const history: PastMomentHistory = {
      campaign: this.history.campaignEvents(attempt.campaignId),
      processor: this.history.processorEventsFor(attempt.processorId, attempt.contactId),
      contact: before,
      registries: this.history.registries,
      similarProductGroupOf: (id) => this.groups.get(id) ?? null,
    };
    const legal = verdict(this.evaluate(history, attempt, 'LEGAL'));
    const known = verdict(this.evaluate(history, attempt, 'KNOWN'));
    // The law decides whether a call was unlawful; what the ledger knew decides whose failure it was.
    const finding = legal.eligible ? null : known.eligible ? 'PROPAGATION_DELAY' : 'CALL_WHILE_INELIGIBLE';
    return {
      callId: attempt.callId,
      eventId: attempt.eventId,
      contactId: attempt.contactId,
      campaignId: attempt.campaignId,
      processorId: attempt.processorId,
      agentId: attempt.agentId,
      at: attempt.at.toISOString(),
      finding,
      legal,
      known,
      reportedLate: finding === 'PROPAGATION_DELAY' ? this.reportedLate(legal, attempt.at) : [],
    };
  }

  private evaluate(history: PastMomentHistory, attempt: AuditedAttempt, basis: TimeBasis): EligibilityResult {
    const views = foldPastMoment(history, attempt.at, basis);
    if (!views.campaign) return unknownSubjectResult(attempt, 'campaign');
    if (!views.processor) return unknownSubjectResult(attempt, 'processor');
    const listed = this.listings.get(attempt.phoneHash);
    return evaluateEligibility({
      contact: views.contact,
      campaign: views.campaign,
      processor: views.processor,
      registry: registryView(views.snapshots, (registry, version) => listed?.has(`${registry}|${version}`) ?? false),
      at: attempt.at,
      phoneHash: attempt.phoneHash,
      lineType: attempt.lineType,
    });
  }

  private reportedLate(legal: AuditVerdict, at: Date): LateReport[] {
    const ids = [...new Set(legal.reasons.flatMap((why) => why.eventIds))];
    return ids
      .map((id) => this.recorded.get(id))
      .filter((event): event is RecordedEvent => event !== undefined && Date.parse(event.metadata.recordedAt) > at.getTime())
      .map((event) => ({ eventId: event.eventId, type: event.type, ...event.metadata }));
  }
}

function verdict(result: EligibilityResult): AuditVerdict {
  return { eligible: result.eligible, reasons: result.reasons };
}

function summarise(calls: AuditedCall[]): CallAuditSummary {
  const byReason = new Map<string, number>();
  for (const call of calls) {
    if (!call.finding) continue;
    for (const code of new Set(call.legal.reasons.map((why) => why.code))) {
      byReason.set(code, (byReason.get(code) ?? 0) + 1);
    }
  }
  const count = (code: AuditedCall['finding']) => calls.filter((call) => call.finding === code).length;
  return {
    callsAudited: calls.length,
    lawful: count(null),
    callWhileIneligible: count('CALL_WHILE_INELIGIBLE'),
    propagationDelay: count('PROPAGATION_DELAY'),
    byReason: [...byReason]
      .map(([code, n]) => ({ code: code as CallAuditSummary['byReason'][number]['code'], calls: n }))
      .sort((a, b) => b.calls - a.calls || a.code.localeCompare(b.code)),
  };
}

/**
 * The call audit: every CallAttempted in `[from, to)` (optionally of one campaign or processor),
 * judged at its occurredAt on both bases by the eligibility evaluator, over the streams replayed to
 * that moment. The store is read once; each contact's history is replayed once for all its calls.
 */
export async function auditCalls(deps: AuditDeps, query: AuditCallsArgs): Promise<CallAudit> {
  const { from, to } = checkPeriod(query.from, query.to);
  const campaignId = checkOptionalUuid(query.campaignId, 'campaignId');
  const processorId = checkOptionalUuid(query.processorId, 'processorId');
  const history = await AuditHistory.read(deps.store, { from, to, campaignId, processorId });
  const listings = await listingsOf(deps.db, [...new Set(history.attempts.map((attempt) => attempt.phoneHash))]);
  const replay = new CallReplay(history, listings);
  const byContact = new Map<string, AuditedAttempt[]>();
  for (const attempt of history.attempts) {
    const list = byContact.get(attempt.contactId);
    if (list) list.push(attempt);
    else byContact.set(attempt.contactId, [attempt]);
  }
  const calls = [...byContact].flatMap(([contactId, attempts]) => replay.auditContact(contactId, attempts));
  calls.sort((a, b) => a.at.localeCompare(b.at) || a.callId.localeCompare(b.callId));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    campaignId,
    processorId,
    checkpoint: history.checkpoint,
    summary: summarise(calls),
    findings: calls.filter((call) => call.finding !== null),
  };
}
