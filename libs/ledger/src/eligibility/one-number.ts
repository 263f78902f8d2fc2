import type { CampaignEligibilityView, ProcessorEligibilityView } from '@calltrail/domain';
import { ELIGIBILITY_PROJECTION } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import { NUMBER_VIEW, SNAPSHOTS_IN_FORCE, SNAPSHOT_REFS, toNumberFacts, type EligibilityContext, type NumberFacts, type NumberRow } from './read-models';

/**
 * Everything one "now" answer needs, in one statement: the context of `loadContext` (campaign,
 * processor, the DNC snapshot of each registry in force, the checkpoint) and the facts of
 * `loadNumbers` for one keyed hash, with the number looked up on the same snapshots. A dialer asks
 * before every call, so this is one round trip, prepared once per connection (no parsing or planning
 * per request), where the two functions take two round trips and two plans.
 *
 * The campaign and processor views come back only when the read models moved since the version the
 * caller already holds ($6, from `read_models_version`): they change only in a projection's
 * transaction, which also moves the checkpoint row (position and updated_at), and they are the bulk
 * of the row (a campaign with its scrubs is ~6 kB of JSON, parsed on every request otherwise).
 * The snapshots in force depend on the clock as well, so they are read every time.
 */
const ONE_NUMBER_SQL = `
  WITH snapshots AS (${SNAPSHOTS_IN_FORCE}),
  checkpoint AS (SELECT position, position || ' ' || updated_at::text AS version FROM projection_checkpoints WHERE name = $4)
  SELECT
    CASE WHEN (SELECT version FROM checkpoint) = $6 THEN NULL
      ELSE (SELECT view FROM elig_campaigns WHERE campaign_id = $2::uuid) END AS campaign,
    CASE WHEN (SELECT version FROM checkpoint) = $6 THEN NULL
      ELSE (SELECT view FROM elig_processors WHERE processor_id = $3::uuid) END AS processor,
    (SELECT version FROM checkpoint) AS read_models_version,
    (SELECT ${SNAPSHOT_REFS} FROM snapshots) AS snapshots,
    coalesce((SELECT position FROM checkpoint), 0) AS checkpoint,
    ${NUMBER_VIEW('$5')} AS view, s.contact_id AS erased_contact_id, s.erasure,
    (SELECT pc.shares FROM elig_processor_contacts pc
      WHERE pc.processor_id = $3::uuid AND pc.contact_id = n.contact_id) AS shares,
    ARRAY(SELECT e.registry FROM dnc_registry_entries e
          JOIN snapshots f ON e.registry = f.registry AND e.snapshot_version = f.version
          WHERE e.phone_hash = h.phone_hash) AS listed_on
  FROM (SELECT $1::text AS phone_hash) h
  LEFT JOIN elig_numbers_now n ON n.phone_hash = h.phone_hash
  LEFT JOIN elig_suppressed s ON s.phone_hash = h.phone_hash`;

type OneNumberRow = EligibilityContext & Omit<NumberRow, 'phone_hash'> & { read_models_version: string | null };

export interface OneNumber {
  context: EligibilityContext;
  fact: NumberFacts;
}

/** The campaign and processor views last read, with the version of the read models they were read at. */
interface HeldViews {
  campaignId: string;
  processorId: string;
  version: string;
  campaign: CampaignEligibilityView | null;
  processor: ProcessorEligibilityView | null;
}

/**
 * Reads one number now, keeping the campaign and processor views of the last answer while the read
 * models stay at the same version (see ONE_NUMBER_SQL). One per reader: a dialer asks about one
 * campaign for one processor call after call. The views held are shared by the answers and never
 * changed (the evaluator and the reader copy what they adapt).
 */
export class OneNumberReader {
  private held: HeldViews | null = null;

  constructor(private readonly db: SqlQueryable) {}

  async load(phoneHash: string, campaignId: string, processorId: string, at: Date): Promise<OneNumber> {
    const held = this.held?.campaignId === campaignId && this.held.processorId === processorId ? this.held : null;
    const params = [phoneHash, campaignId, processorId, ELIGIBILITY_PROJECTION, at.toISOString(), held?.version ?? null];
    const { rows } = await this.db.query<OneNumberRow>(ONE_NUMBER_SQL, params, { name: 'calltrail-eligibility-one-number-held' });
    const row = rows[0]!;
    const views = held && row.read_models_version === held.version ? held : this.hold(campaignId, processorId, row);
    return {
      context: { campaign: views.campaign, processor: views.processor, snapshots: row.snapshots, checkpoint: row.checkpoint },
      fact: toNumberFacts(phoneHash, row),
    };
  }

  private hold(campaignId: string, processorId: string, row: OneNumberRow): Pick<HeldViews, 'campaign' | 'processor'> {
    const views = { campaignId, processorId, campaign: row.campaign, processor: row.processor };
    // No checkpoint row yet: nothing says when the views change, so nothing is kept.
    this.held = row.read_models_version === null ? null : { ...views, version: row.read_models_version };
    return views;
  }
}
