import type { Migration } from '@calltrail/sql';

/**
 * The CTM report's read models (seed 003): a compact row per call, the calls' outcomes, and per
 * contact the purchases, objections and complaints, so that the report is a few aggregating queries.
 * No personal data: contacts by UUID, and an erased contact's rows by a random UUID instead (counts
 * stay as they were, as the report replayed from the events kept counting them; nothing links the rows
 * to the person any more).
 */
export const ctmMigrations: Migration[] = [
  {
    version: 1,
    name: 'CTM report read models',
    sql: `
      CREATE TABLE ctm_campaigns (
        campaign_id uuid PRIMARY KEY,
        defined_position bigint NOT NULL,
        name text NOT NULL,
        product_category text NOT NULL
      );
      -- A CallAttempted on a call stream; at: its startedAt (or occurredAt), call_day: the date part of it.
      CREATE TABLE ctm_calls (
        position bigint PRIMARY KEY,
        call_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        at_ms bigint NOT NULL,
        call_day text COLLATE "C" NOT NULL,
        answered boolean NOT NULL
      );
      CREATE INDEX ctm_calls_campaign ON ctm_calls (campaign_id, at_ms);
      CREATE INDEX ctm_calls_contact ON ctm_calls (contact_id, campaign_id, at_ms);
      CREATE INDEX ctm_calls_call ON ctm_calls (call_id);
      -- The last CallOutcomeRecorded of each call.
      CREATE TABLE ctm_outcomes (
        call_id uuid PRIMARY KEY,
        outcome text NOT NULL
      );
      CREATE TABLE ctm_purchases (
        position bigint PRIMARY KEY,
        contact_id uuid NOT NULL,
        product_category text,
        purchased_on text COLLATE "C"
      );
      CREATE INDEX ctm_purchases_contact ON ctm_purchases (contact_id, product_category, purchased_on);
      -- ObjectionRaised and ComplaintReceived: the call they name, or else the campaign.
      CREATE TABLE ctm_feedback (
        position bigint PRIMARY KEY,
        kind text NOT NULL,
        call_id uuid,
        campaign_id uuid,
        contact_id uuid,
        occurred_ms bigint NOT NULL
      );
    `,
  },
];

export const CTM_TABLES = ['ctm_campaigns', 'ctm_calls', 'ctm_outcomes', 'ctm_purchases', 'ctm_feedback'];
