import { DomainError } from '@calltrail/domain';
import { CTM_PROJECTION } from '@calltrail/projections';
import type { Database, SqlQueryable } from '@calltrail/sql';
import { assembleCtmReport, checkCtmQuery, withRates, type CheckedCtmQuery, type CtmReportArgs, type CtmTally } from './ctm-report';
import type { CtmCounts, CtmReport } from './ctm-report.types';

export interface CtmReportDeps {
  db: Pick<Database, 'transaction'>;
  clock?: () => Date;
}

interface Scope {
  productCategory: string;
  campaigns: { campaignId: string; name: string }[];
}

/** The campaigns in scope: the one asked for, or every campaign selling the category (in the order they were defined). */
async function scopeOf(tx: SqlQueryable, checked: CheckedCtmQuery): Promise<Scope> {
  const { rows } = await tx.query<{ campaign_id: string; name: string; product_category: string }>(
    'SELECT campaign_id, name, product_category FROM ctm_campaigns ORDER BY defined_position',
  );
  if (checked.campaignId) {
    const campaign = rows.find((row) => row.campaign_id === checked.campaignId);
    if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `campaignId: no campaign ${checked.campaignId} is recorded`, 'campaignId');
    return { productCategory: campaign.product_category, campaigns: [{ campaignId: campaign.campaign_id, name: campaign.name }] };
  }
  const productCategory = checked.productCategory!;
  const inScope = rows.filter((row) => row.product_category === productCategory);
  return { productCategory, campaigns: inScope.map((row) => ({ campaignId: row.campaign_id, name: row.name })) };
}

/**
 * Per bucket index (null: no earlier purchase; the row with `total` set: every call), in one query.
 * $1 campaigns, $2 category, $3/$4 the period in ms, $5 the bucket width in months.
 * - a call's last purchase: the latest `purchasedOn` in the category on or before the call's date;
 *   whole calendar months from it to that date, as `wholeMonthsBetween` counts them;
 * - \`calls\` is materialised, so that each call's last purchase is looked up once (inlined, the
 *   lookup would be repeated in every use of \`last_purchase\`);
 * - an objection or complaint naming a call counts for it (the last such call, if any is in scope);
 *   one naming no call but an in-scope campaign counts for that campaign's last call to the person at
 *   or before it (the earliest of calls placed at the same moment).
 */
const TALLY_SQL = `
  WITH calls AS MATERIALIZED (
    SELECT c.position, c.contact_id, c.answered, coalesce(o.outcome = 'converted', false) AS converted, c.call_day,
      (SELECT max(p.purchased_on) FROM ctm_purchases p
        WHERE p.contact_id = c.contact_id AND p.product_category = $2 AND p.purchased_on <= c.call_day) AS last_purchase
    FROM ctm_calls c LEFT JOIN ctm_outcomes o ON o.call_id = c.call_id
    WHERE c.campaign_id = ANY($1::uuid[]) AND c.at_ms >= $3 AND c.at_ms < $4
  ),
  attributed AS (
    SELECT f.kind,
      CASE WHEN f.call_id IS NOT NULL THEN
        (SELECT c.position FROM ctm_calls c WHERE c.call_id = f.call_id AND c.campaign_id = ANY($1::uuid[]) AND c.at_ms >= $3 AND c.at_ms < $4
          ORDER BY c.position DESC LIMIT 1)
      ELSE
        (SELECT c.position FROM ctm_calls c WHERE c.contact_id = f.contact_id AND c.campaign_id = f.campaign_id
          AND c.at_ms <= f.occurred_ms AND c.at_ms >= $3 AND c.at_ms < $4
          ORDER BY c.at_ms DESC, c.position LIMIT 1)
      END AS call_position
    FROM ctm_feedback f
    WHERE f.call_id IS NOT NULL OR f.campaign_id = ANY($1::uuid[])
  ),
  per_call AS (
    SELECT call_position, count(*) FILTER (WHERE kind = 'objection') AS objections, count(*) FILTER (WHERE kind = 'complaint') AS complaints
    FROM attributed WHERE call_position IS NOT NULL GROUP BY call_position
  ),
  bucketed AS (
    SELECT calls.*, coalesce(a.objections, 0) AS objections, coalesce(a.complaints, 0) AS complaints,
      CASE WHEN last_purchase IS NULL THEN NULL ELSE
        ((substr(call_day, 1, 4)::int - substr(last_purchase, 1, 4)::int) * 12
          + (substr(call_day, 6, 2)::int - substr(last_purchase, 6, 2)::int)
          - (substr(call_day, 9, 2)::int < substr(last_purchase, 9, 2)::int)::int) / $5::int
      END AS bucket
    FROM calls LEFT JOIN per_call a ON a.call_position = calls.position
  )
  SELECT bucket, grouping(bucket) = 1 AS total,
    count(DISTINCT contact_id)::int AS contacts_called, count(*)::int AS calls,
    (count(*) FILTER (WHERE answered))::int AS answered, (count(*) FILTER (WHERE converted))::int AS conversions,
    sum(objections)::int AS objections, sum(complaints)::int AS complaints
  FROM bucketed GROUP BY GROUPING SETS ((bucket), ())`;

interface TallyRow {
  bucket: number | null;
  total: boolean;
  contacts_called: number;
  calls: number;
  answered: number;
  conversions: number;
  objections: number;
  complaints: number;
}

const countsOf = (row: TallyRow | undefined): CtmCounts =>
  withRates({
    contactsCalled: row?.contacts_called ?? 0,
    calls: row?.calls ?? 0,
    answered: row?.answered ?? 0,
    conversions: row?.conversions ?? 0,
    objections: row?.objections ?? 0,
    complaints: row?.complaints ?? 0,
  });

async function tallyOf(tx: SqlQueryable, checked: CheckedCtmQuery, scope: Scope): Promise<CtmTally> {
  const { rows } = await tx.query<TallyRow>(TALLY_SQL, [
    scope.campaigns.map((campaign) => campaign.campaignId),
    scope.productCategory,
    checked.from.getTime(),
    checked.to.getTime(),
    checked.bucketMonths,
  ]);
  const groups = rows.filter((row) => !row.total);
  return {
    buckets: new Map(groups.filter((row) => row.bucket !== null).map((row) => [Number(row.bucket), countsOf(row)])),
    withoutPurchase: countsOf(groups.find((row) => row.bucket === null)),
    totals: countsOf(rows.find((row) => row.total)),
  };
}

async function checkpointOf(tx: SqlQueryable): Promise<number> {
  const { rows } = await tx.query<{ position: string | number }>('SELECT position FROM projection_checkpoints WHERE name = $1', [CTM_PROJECTION]);
  return Number(rows[0]?.position ?? 0);
}

/**
 * The CTM balancing-test report (seed 003, 3b–3d) from the CTM read models: per bucket of whole months
 * since the person's last purchase in the product category, at the moment of the call — people called,
 * calls, answered, conversions, objections, complaints, and the rates per answered call. No personal
 * data. The same numbers as `replayCtmReport`, up to the projection's checkpoint (stated in the report).
 */
export async function ctmReport(deps: CtmReportDeps, query: CtmReportArgs): Promise<CtmReport> {
  const checked = checkCtmQuery(query);
  const { scope, tally, checkpoint } = await deps.db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // One statement, estimated costly enough for PostgreSQL to compile it: the compilation costs more than it saves.
    await tx.query('SET LOCAL jit = off');
    const scope = await scopeOf(tx, checked);
    return { scope, tally: await tallyOf(tx, checked, scope), checkpoint: await checkpointOf(tx) };
  });
  return assembleCtmReport(checked, scope, tally, checkpoint, deps.clock?.() ?? new Date());
}
