import { ELIGIBILITY_PROJECTION } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import { NUMBER_VIEW, SNAPSHOTS_IN_FORCE, SNAPSHOT_REFS, toNumberFacts, type EligibilityContext, type NumberFacts, type NumberRow } from './read-models';

/**
 * Everything one "now" answer needs, in one statement: the context of `loadContext` (campaign,
 * processor, the DNC snapshot of each registry in force, the checkpoint) and the facts of
 * `loadNumbers` for one keyed hash, with the number looked up on the same snapshots. A dialer asks
 * before every call, so this is one round trip, prepared once per connection (no parsing or planning
 * per request), where the two functions take two round trips and two plans.
 */
const ONE_NUMBER_SQL = `
  WITH snapshots AS (${SNAPSHOTS_IN_FORCE})
  SELECT
    (SELECT view FROM elig_campaigns WHERE campaign_id = $2::uuid) AS campaign,
    (SELECT view FROM elig_processors WHERE processor_id = $3::uuid) AS processor,
    (SELECT ${SNAPSHOT_REFS} FROM snapshots) AS snapshots,
    coalesce((SELECT position FROM projection_checkpoints WHERE name = $4), 0) AS checkpoint,
    ${NUMBER_VIEW('$5')} AS view, s.contact_id AS erased_contact_id, s.erasure,
    (SELECT pc.shares FROM elig_processor_contacts pc
      WHERE pc.processor_id = $3::uuid AND pc.contact_id = n.contact_id) AS shares,
    ARRAY(SELECT e.registry FROM dnc_registry_entries e
          JOIN snapshots f ON e.registry = f.registry AND e.snapshot_version = f.version
          WHERE e.phone_hash = h.phone_hash) AS listed_on
  FROM (SELECT $1::text AS phone_hash) h
  LEFT JOIN elig_numbers_now n ON n.phone_hash = h.phone_hash
  LEFT JOIN elig_suppressed s ON s.phone_hash = h.phone_hash`;

type OneNumberRow = EligibilityContext & Omit<NumberRow, 'phone_hash'>;

export interface OneNumber {
  context: EligibilityContext;
  fact: NumberFacts;
}

export async function loadOneNumber(db: SqlQueryable, phoneHash: string, campaignId: string, processorId: string, at: Date): Promise<OneNumber> {
  const params = [phoneHash, campaignId, processorId, ELIGIBILITY_PROJECTION, at.toISOString()];
  const { rows } = await db.query<OneNumberRow>(ONE_NUMBER_SQL, params, {
    name: 'calltrail-eligibility-one-number',
  });
  const row = rows[0]!;
  return {
    context: { campaign: row.campaign, processor: row.processor, snapshots: row.snapshots, checkpoint: row.checkpoint },
    fact: toNumberFacts(phoneHash, row),
  };
}
