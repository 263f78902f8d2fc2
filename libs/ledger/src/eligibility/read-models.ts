import type {
  CampaignEligibilityView,
  ContactEligibilityView,
  DataShareFact,
  ErasureFact,
  ProcessorEligibilityView,
} from '@calltrail/domain';
import { ELIGIBILITY_PROJECTION } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';

export interface SnapshotRef {
  registry: string;
  version: string;
  eventIds: string[];
}

export interface EligibilityContext {
  campaign: CampaignEligibilityView | null;
  processor: ProcessorEligibilityView | null;
  snapshots: SnapshotRef[];
  checkpoint: number;
}

/** What the read models hold about one dialled number. */
export interface NumberFacts {
  phoneHash: string;
  contact: ContactEligibilityView | null;
  /** Set when the number's contact was erased: only the suppression entry is left. */
  erasure: { contactId: string; erasure: ErasureFact } | null;
  /** This processor's receipts of the contact's data. */
  shares: DataShareFact[];
  /** The registries (of the snapshots in force) that list the number. */
  listedOn: string[];
}

/**
 * The campaign, the processor (without its per-contact receipts), the DNC snapshot of each registry
 * in force, and the checkpoint, in one round trip.
 */
export async function loadContext(db: SqlQueryable, campaignId: string, processorId: string): Promise<EligibilityContext> {
  const { rows } = await db.query<EligibilityContext>(
    `WITH snapshots AS (${SNAPSHOTS_IN_FORCE})
     SELECT
       (SELECT view FROM elig_campaigns WHERE campaign_id = $1::uuid) AS campaign,
       (SELECT view FROM elig_processors WHERE processor_id = $2::uuid) AS processor,
       (SELECT ${SNAPSHOT_REFS} FROM snapshots) AS snapshots,
       coalesce((SELECT position FROM projection_checkpoints WHERE name = $3), 0) AS checkpoint`,
    [campaignId, processorId, ELIGIBILITY_PROJECTION],
  );
  return rows[0]!;
}

/** The DNC snapshot of each registry in force now. */
export const SNAPSHOTS_IN_FORCE = `SELECT DISTINCT ON (registry) registry, version, event FROM elig_dnc_snapshots
  WHERE taken_at <= now() ORDER BY registry, taken_at DESC`;

/** The rows of SNAPSHOTS_IN_FORCE as a JSON array of SnapshotRef. */
export const SNAPSHOT_REFS = `coalesce(jsonb_agg(jsonb_build_object('registry', registry, 'version', version,
  'eventIds', jsonb_build_array(event->>'eventId'))), '[]'::jsonb)`;

/**
 * The contact view of a number's row `n` (elig_numbers_now) for an answer at the instant `$at`: the
 * compact view, or at or before the contact's latest call (a clock behind the events) the full one,
 * which the projection stores only where it differs from the compact one (elig_contacts.view null).
 */
export const NUMBER_VIEW = (at: string) => `CASE WHEN n.valid_after IS NULL OR n.valid_after < ${at}::timestamptz THEN n.view
  ELSE coalesce((SELECT c.view FROM elig_contacts c WHERE c.contact_id = n.contact_id), n.view) END`;

/** What the SQL gives for one number (see loadNumberRows and listedNumbers). */
export interface NumberRow {
  phone_hash: string;
  view: ContactEligibilityView | null;
  erased_contact_id: string | null;
  erasure: ErasureFact | null;
  shares: DataShareFact[] | null;
  listed_on: string[];
}

/**
 * The registries (of the snapshots given, in their order) that list each of a list's numbers, by
 * keyed hash; numbers on none are left out. One statement for the whole list: it scans each
 * snapshot's entries once (a lookup per number took twice as long), so its cost grows with the
 * snapshots (about 21,000 entries each on the 1M-event set, 15-20 ms), hardly with the list.
 */
export async function listedNumbers(
  db: SqlQueryable,
  phoneHashes: readonly string[],
  snapshots: readonly { registry: string; version: string }[],
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ phone_hash: string; registries: string[] }>(
    `SELECT e.phone_hash, array_agg(e.registry ORDER BY f.ord) AS registries
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS f(registry, version, ord)
     JOIN dnc_registry_entries e
       ON e.registry = f.registry AND e.snapshot_version = f.version AND e.phone_hash = ANY($1::text[])
     GROUP BY e.phone_hash`,
    [phoneHashes, snapshots.map((s) => s.registry), snapshots.map((s) => s.version)],
  );
  return new Map(rows.map((row) => [row.phone_hash, row.registries]));
}

/** The rows of numbers of a list (elig_numbers_now, elig_suppressed, this processor's receipts), by keyed hash. */
export type NumberRows = ReadonlyMap<string, Omit<NumberRow, 'listed_on'>>;

/** The rows of numbers of a list, by primary key (`= ANY` over the keyed hashes, not one query each). */
export async function loadNumberRows(db: SqlQueryable, phoneHashes: readonly string[], processorId: string, at: Date): Promise<NumberRows> {
  const { rows } = await db.query<Omit<NumberRow, 'listed_on'>>(
    // The processor's receipts by primary key for each number: a join would hash every contact the
    // processor ever received to answer a few thousand of them.
    `SELECT h.phone_hash, ${NUMBER_VIEW('$3')} AS view, s.contact_id AS erased_contact_id, s.erasure,
            (SELECT pc.shares FROM elig_processor_contacts pc
              WHERE pc.processor_id = $2::uuid AND pc.contact_id = n.contact_id) AS shares
     FROM unnest($1::text[]) AS h(phone_hash)
     LEFT JOIN elig_numbers_now n ON n.phone_hash = h.phone_hash
     LEFT JOIN elig_suppressed s ON s.phone_hash = h.phone_hash`,
    [phoneHashes, processorId, at.toISOString()],
  );
  return new Map(rows.map((row) => [row.phone_hash, row]));
}

/** The facts of numbers of a list from their rows and the registries that list them (listedNumbers). */
export function listFacts(phoneHashes: readonly string[], rows: NumberRows, listed: ReadonlyMap<string, string[]>): NumberFacts[] {
  return phoneHashes.map((phoneHash) => numberFacts(phoneHash, rows.get(phoneHash), listed.get(phoneHash) ?? []));
}

/** The facts of one number from its row (none: nothing is known of it). */
export function toNumberFacts(phoneHash: string, row: Omit<NumberRow, 'phone_hash'> | undefined): NumberFacts {
  return numberFacts(phoneHash, row, row?.listed_on ?? []);
}

function numberFacts(phoneHash: string, row: Omit<NumberRow, 'phone_hash' | 'listed_on'> | undefined, listedOn: string[]): NumberFacts {
  return {
    phoneHash,
    contact: row?.view ?? null,
    erasure: row?.erasure ? { contactId: row.erased_contact_id!, erasure: row.erasure } : null,
    shares: row?.shares ?? [],
    listedOn,
  };
}

/** The keyed hashes of a contact's numbers, for a check by contact id. */
export async function phoneHashesOfContact(db: SqlQueryable, contactId: string): Promise<string[]> {
  const { rows } = await db.query<{ phone_hash: string }>(
    `SELECT phone_hash FROM elig_phone_index WHERE contact_id = $1::uuid
     UNION SELECT phone_hash FROM elig_suppressed WHERE contact_id = $1::uuid ORDER BY 1`,
    [contactId],
  );
  return rows.map((row) => row.phone_hash);
}

/** The call streams that concern a contact (for a replay to a past moment). */
export async function callStreamsOfContact(db: SqlQueryable, contactId: string): Promise<string[]> {
  const { rows } = await db.query<{ call_streams: string[] }>(
    'SELECT call_streams FROM elig_contacts WHERE contact_id = $1::uuid',
    [contactId],
  );
  return rows[0]?.call_streams ?? [];
}

/** The contact id behind a keyed hash, erased or not. */
export async function contactOfPhone(db: SqlQueryable, phoneHash: string): Promise<string | null> {
  const { rows } = await db.query<{ contact_id: string }>(
    `SELECT contact_id FROM elig_phone_index WHERE phone_hash = $1
     UNION ALL SELECT contact_id FROM elig_suppressed WHERE phone_hash = $1 LIMIT 1`,
    [phoneHash],
  );
  return rows[0]?.contact_id ?? null;
}

/** Whether a number is on a registry's snapshot. */
export async function listedIn(db: SqlQueryable, phoneHash: string, snapshots: readonly { registry: string; version: string }[]): Promise<string[]> {
  const { rows } = await db.query<{ registry: string }>(
    `SELECT e.registry FROM dnc_registry_entries e
     JOIN unnest($2::text[], $3::text[]) AS f(registry, version) ON e.registry = f.registry AND e.snapshot_version = f.version
     WHERE e.phone_hash = $1`,
    [phoneHash, snapshots.map((s) => s.registry), snapshots.map((s) => s.version)],
  );
  return rows.map((row) => row.registry);
}
