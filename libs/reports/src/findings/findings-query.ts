import { FINDING_CODES, FINDINGS_PROJECTION, type FindingCode, type FindingDraft } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import { checkInstant, checkOptionalUuid, ReportQueryError } from '../audit/report-query';

export const FINDING_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface FindingsFilter {
  code?: string | null;
  campaignId?: string | null;
  processorId?: string | null;
  status?: string | null;
  /** When it became a finding (the violation, or the deadline passed): from (inclusive) … to (exclusive). */
  from?: Date | string | null;
  to?: Date | string | null;
}

/** One finding as of a moment: the rule's draft, with its seed and its status then. No personal data. */
export interface Finding extends FindingDraft {
  seed: string;
  status: FindingStatus;
  /** When it became a finding: the violation itself, or its deadline passing. */
  foundAt: string;
}

export interface FindingsReport {
  /** The moment deadlines and resolutions are judged against. */
  asOf: string;
  /** The findings projection's checkpoint: events after it are not reflected yet. */
  checkpoint: number;
  byCode: { code: FindingCode; open: number; resolved: number }[];
  findings: Finding[];
}

interface Row {
  finding_id: string;
  code: FindingCode;
  seed: string;
  occurred_at: Date;
  due_at: Date | null;
  found_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  event_ids: string[];
  campaign_id: string | null;
  processor_id: string | null;
  contact_id: string | null;
  call_id: string | null;
  message: string;
  details: Record<string, unknown>;
}

interface CheckedFilter {
  code: FindingCode | null;
  campaignId: string | null;
  processorId: string | null;
  status: FindingStatus | null;
  from: Date | null;
  to: Date | null;
}

function checkFilter(filter: FindingsFilter): CheckedFilter {
  const { code, status } = filter;
  if (code != null && !(FINDING_CODES as string[]).includes(code)) {
    throw new ReportQueryError(`filter.code: must be one of ${FINDING_CODES.join(', ')}`, 'filter.code');
  }
  if (status != null && !(FINDING_STATUSES as readonly string[]).includes(status)) {
    throw new ReportQueryError('filter.status: must be OPEN or RESOLVED', 'filter.status');
  }
  const checked = {
    code: (code ?? null) as FindingCode | null,
    status: (status ?? null) as FindingStatus | null,
    campaignId: checkOptionalUuid(filter.campaignId, 'filter.campaignId'),
    processorId: checkOptionalUuid(filter.processorId, 'filter.processorId'),
    from: filter.from == null ? null : checkInstant(filter.from, 'filter.from'),
    to: filter.to == null ? null : checkInstant(filter.to, 'filter.to'),
  };
  if (checked.from && checked.to && checked.from >= checked.to) throw new ReportQueryError('filter.to: must be after filter.from', 'filter.to');
  return checked;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toFinding(row: Row, asOf: Date): Finding {
  const resolved = row.resolved_at !== null && new Date(row.resolved_at) <= asOf;
  return {
    findingId: row.finding_id,
    code: row.code,
    seed: row.seed,
    status: resolved ? 'RESOLVED' : 'OPEN',
    occurredAt: iso(row.occurred_at)!,
    dueAt: iso(row.due_at),
    foundAt: iso(row.found_at)!,
    resolvedAt: resolved ? iso(row.resolved_at) : null,
    resolvedBy: resolved ? row.resolved_by : null,
    eventIds: row.event_ids,
    campaignId: row.campaign_id,
    processorId: row.processor_id,
    contactId: row.contact_id,
    callId: row.call_id,
    message: row.message,
    details: row.details,
  };
}

/**
 * The findings as of a moment, from the findings projection: those found by then (a deadline that
 * had passed unmet), open or resolved by then. `asOf` is an argument, never a hidden clock.
 */
export async function queryFindings(db: SqlQueryable, filter: FindingsFilter, asOf: Date | string): Promise<FindingsReport> {
  const at = checkInstant(asOf, 'asOf');
  const f = checkFilter(filter);
  const { rows } = await db.query<Row>(
    `SELECT finding_id, code, seed, occurred_at, due_at, found_at, resolved_at, resolved_by, event_ids,
            campaign_id, processor_id, contact_id, call_id, message, details
     FROM findings
     WHERE found_at <= $1
       AND ($2::text IS NULL OR code = $2)
       AND ($3::text IS NULL OR lower(campaign_id) = $3)
       AND ($4::text IS NULL OR lower(processor_id) = $4)
       AND ($5::timestamptz IS NULL OR found_at >= $5)
       AND ($6::timestamptz IS NULL OR found_at < $6)
       AND ($7::text IS NULL OR ($7 = 'RESOLVED') = (resolved_at IS NOT NULL AND resolved_at <= $1))
     ORDER BY found_at, finding_id`,
    [at.toISOString(), f.code, f.campaignId, f.processorId, f.from?.toISOString() ?? null, f.to?.toISOString() ?? null, f.status],
  );
  const { rows: checkpoint } = await db.query<{ position: string | number }>('SELECT position FROM projection_checkpoints WHERE name = $1', [
    FINDINGS_PROJECTION,
  ]);
  const findings = rows.map((row) => toFinding(row, at));
  return { asOf: at.toISOString(), checkpoint: Number(checkpoint[0]?.position ?? 0), byCode: countByCode(findings), findings };
}

function countByCode(findings: Finding[]): FindingsReport['byCode'] {
  return FINDING_CODES.map((code) => ({
    code,
    open: findings.filter((found) => found.code === code && found.status === 'OPEN').length,
    resolved: findings.filter((found) => found.code === code && found.status === 'RESOLVED').length,
  })).filter((count) => count.open + count.resolved > 0);
}
