/**
 * What the benchmark data set holds, counted by SQL straight from the events table (not through the
 * reports), so the benchmark can check each report judged all of it.
 */
import type { SqlQueryable } from '@calltrail/sql';
import type { BenchCampaign } from '../data';

export interface DataSetFacts {
  /** CallAttempted events on call streams. */
  calls: number;
  /** Calls per campaign id. */
  callsByCampaign: Map<string, number>;
  /** The first and last call's occurredAt. */
  firstCallAt: Date;
  lastCallAt: Date;
}

export async function dataSetFacts(db: SqlQueryable): Promise<DataSetFacts> {
  const { rows } = await db.query<{ campaign_id: string; calls: string; first: string; last: string }>(
    `SELECT lower(data->>'campaignId') AS campaign_id, count(*) AS calls,
            min(metadata->>'occurredAt') AS first, max(metadata->>'occurredAt') AS last
       FROM events WHERE type = 'CallAttempted' AND stream_id LIKE 'call-%' GROUP BY 1`,
  );
  const callsByCampaign = new Map(rows.map((row) => [row.campaign_id, Number(row.calls)]));
  return {
    calls: [...callsByCampaign.values()].reduce((sum, n) => sum + n, 0),
    callsByCampaign,
    firstCallAt: new Date(rows.map((row) => row.first).sort()[0]!),
    lastCallAt: new Date(rows.map((row) => row.last).sort().at(-1)!),
  };
}

/** The product category with the most calls, and those calls. */
export function mainProductCategory(campaigns: readonly BenchCampaign[], facts: DataSetFacts): { category: string; calls: number } {
  const byCategory = new Map<string, number>();
  for (const campaign of campaigns) {
    const calls = facts.callsByCampaign.get(campaign.campaignId) ?? 0;
    byCategory.set(campaign.productCategory, (byCategory.get(campaign.productCategory) ?? 0) + calls);
  }
  const [category, calls] = [...byCategory].sort((a, b) => b[1] - a[1])[0]!;
  return { category, calls };
}
