import type { Migration } from '@calltrail/sql';

/**
 * The eligibility read models. One jsonb document per contact, campaign and processor holds the
 * evaluator's view (folded by @calltrail/domain's folds) and the fold's inputs (the events that bear on
 * eligibility, with every personal field removed), so the next batch folds on from them; a contact's
 * inputs are rows of their own (migration 2), since its calls keep adding to them. No plaintext
 * personal data anywhere: phones appear as keyed hashes only.
 */
export const eligibilityMigrations: Migration[] = [
  {
    version: 1,
    name: 'eligibility read models',
    sql: `
      CREATE TABLE elig_contacts (
        contact_id uuid PRIMARY KEY,
        fold_events jsonb NOT NULL,
        view jsonb,
        call_streams text[] NOT NULL DEFAULT '{}'
      );
      CREATE TABLE elig_phone_index (
        phone_hash text PRIMARY KEY,
        contact_id uuid NOT NULL
      );
      CREATE INDEX elig_phone_index_contact ON elig_phone_index (contact_id);
      -- What an erasure leaves: the keyed hash of each number, so it stays suppressed.
      CREATE TABLE elig_suppressed (
        phone_hash text PRIMARY KEY,
        contact_id uuid NOT NULL,
        erasure jsonb NOT NULL
      );
      CREATE TABLE elig_campaigns (
        campaign_id uuid PRIMARY KEY,
        fold_events jsonb NOT NULL,
        view jsonb
      );
      CREATE TABLE elig_processors (
        processor_id uuid PRIMARY KEY,
        fold_events jsonb NOT NULL,
        view jsonb
      );
      -- A processor's receipts of one contact's data, kept apart from the processor's document.
      CREATE TABLE elig_processor_contacts (
        processor_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        shares jsonb NOT NULL,
        PRIMARY KEY (processor_id, contact_id)
      );
      CREATE INDEX elig_processor_contacts_contact ON elig_processor_contacts (contact_id);
      CREATE TABLE elig_dnc_snapshots (
        registry text NOT NULL,
        version text NOT NULL,
        taken_at timestamptz NOT NULL,
        event jsonb NOT NULL,
        PRIMARY KEY (registry, version)
      );
      -- Written by the DNC import, not by events: a rebuild leaves it alone (see dnc-entries.ts).
      CREATE TABLE IF NOT EXISTS dnc_registry_entries (
        registry text NOT NULL,
        snapshot_version text NOT NULL,
        phone_hash text NOT NULL,
        PRIMARY KEY (registry, snapshot_version, phone_hash)
      );
    `,
  },
  {
    version: 2,
    name: 'contact fold inputs one row per event',
    // Appending a batch's events costs what the batch holds, not the contact's whole history again.
    // Read models built before it are emptied and replayed from zero (the checkpoint goes back to 0);
    // until then a number answers UNKNOWN_CONTACT, never eligible.
    sql: `
      CREATE TABLE elig_contact_fold_events (
        contact_id uuid NOT NULL,
        position bigint NOT NULL,
        event jsonb NOT NULL,
        PRIMARY KEY (contact_id, position)
      );
      ALTER TABLE elig_contacts DROP COLUMN fold_events;
      TRUNCATE elig_contacts, elig_phone_index, elig_suppressed, elig_campaigns, elig_processors,
        elig_processor_contacts, elig_dnc_snapshots;
      UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = 'eligibility';
    `,
  },
  {
    version: 3,
    name: 'contact views and fold inputs as json',
    // Written whole, read whole, never queried inside: json is stored as it is sent, where jsonb is
    // parsed into its binary form on the way in and printed again on the way out.
    sql: `
      ALTER TABLE elig_contacts ALTER COLUMN view TYPE json USING view::json;
      ALTER TABLE elig_contact_fold_events ALTER COLUMN event TYPE json USING event::json;
    `,
  },
  {
    version: 4,
    name: 'a compact row per number for answers now',
    // Keyed by the number's keyed hash (no phone index -> contact join), holding the contact's view
    // without the calls no answer after its latest call can read (viewForNow in @calltrail/domain).
    // valid_after: that latest call; an answer at or before it reads elig_contacts.view instead.
    // The read models are emptied and replayed from zero; meanwhile a number answers UNKNOWN_CONTACT.
    sql: `
      CREATE TABLE elig_numbers_now (
        phone_hash text PRIMARY KEY,
        contact_id uuid NOT NULL,
        view json,
        valid_after timestamptz
      );
      CREATE INDEX elig_numbers_now_contact ON elig_numbers_now (contact_id);
      TRUNCATE elig_contacts, elig_contact_fold_events, elig_phone_index, elig_suppressed, elig_campaigns,
        elig_processors, elig_processor_contacts, elig_dnc_snapshots;
      UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = 'eligibility';
    `,
  },
];

export const ELIGIBILITY_TABLES = [
  'elig_contacts',
  'elig_numbers_now',
  'elig_contact_fold_events',
  'elig_phone_index',
  'elig_suppressed',
  'elig_campaigns',
  'elig_processors',
  'elig_processor_contacts',
  'elig_dnc_snapshots',
];
