import type { Migration } from '@calltrail/sql';

/**
 * The processing register's read models: the dated facts the register is built from, never only the
 * latest state, so that "as of any date" stays a query. Instants are kept as milliseconds since the
 * epoch (`occurred_ms`, from `occurredAt`: the register is on the LEGAL basis) with the global position
 * as the tie-break, the order in which the replay took them. No personal data: contacts by UUID, the
 * categories of data captured by name (never the values), event ids.
 */
export const registerMigrations: Migration[] = [
  {
    version: 1,
    name: 'processing register read models',
    sql: `
      -- The organisation's profile, and every event of a campaign or processor stream but the data shares.
      CREATE TABLE reg_stream_events (
        position bigint PRIMARY KEY,
        kind text NOT NULL,
        stream_key text NOT NULL,
        occurred_ms bigint NOT NULL,
        event jsonb NOT NULL
      );
      -- DataSharedWithProcessor, without its list of contacts (that is in reg_reach).
      CREATE TABLE reg_shares (
        position bigint PRIMARY KEY,
        event_id uuid NOT NULL,
        processor_id uuid NOT NULL,
        campaign_id uuid,
        destination_country text NOT NULL,
        occurred_ms bigint NOT NULL
      );
      -- The first time a campaign reached a contact (a share for it, a call or e-mail for it).
      CREATE TABLE reg_reach (
        campaign_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        first_ms bigint NOT NULL,
        first_position bigint NOT NULL,
        first_index integer NOT NULL,
        PRIMARY KEY (campaign_id, contact_id)
      );
      -- The first time a processor received data or called for a campaign.
      CREATE TABLE reg_campaign_processors (
        campaign_id uuid NOT NULL,
        -- text: a call or e-mail that names no processor counts as processor "null", as in the replay.
        processor_id text NOT NULL,
        first_ms bigint NOT NULL,
        PRIMARY KEY (campaign_id, processor_id)
      );
      -- A contact's registration: audience, country and the source of the data (no personal data).
      CREATE TABLE reg_contacts (
        contact_id uuid PRIMARY KEY,
        registered_ms bigint NOT NULL,
        registered_position bigint NOT NULL,
        registered_event_id uuid NOT NULL,
        audience text NOT NULL,
        country text NOT NULL,
        source jsonb NOT NULL
      );
      -- A category of personal data an event captured on a contact (registration, rectification, purchase, consent).
      -- Replaced by migration 2: one row per event.
      CREATE TABLE reg_contact_facts (
        contact_id uuid NOT NULL,
        position bigint NOT NULL,
        category text NOT NULL,
        event_id uuid NOT NULL,
        occurred_ms bigint NOT NULL,
        PRIMARY KEY (contact_id, position, category)
      );
      -- The campaign of each call or e-mail, for its recordings and notes.
      CREATE TABLE reg_calls (
        call_id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        occurred_ms bigint NOT NULL
      );
      -- A recording or a note of a call.
      CREATE TABLE reg_call_facts (
        position bigint PRIMARY KEY,
        call_id uuid NOT NULL,
        category text NOT NULL,
        event_id uuid NOT NULL,
        occurred_ms bigint NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'one row per event of the categories captured on a contact',
    // The register lists each event once per cell: an event is kept once, with every category it
    // captured (bit i of \`categories\`: DATA_CATEGORIES[i]) and the first of them in that order, under
    // which the cell lists it. About half the rows of version 1 (a registration captures four or five
    // categories). The projection's version 2 rebuilds these read models from zero.
    sql: `
      DROP TABLE reg_contact_facts;
      CREATE TABLE reg_contact_facts (
        contact_id uuid NOT NULL,
        position bigint NOT NULL,
        event_id uuid NOT NULL,
        occurred_ms bigint NOT NULL,
        categories integer NOT NULL,
        first_category text NOT NULL,
        PRIMARY KEY (contact_id, position)
      );
    `,
  },
];

export const REGISTER_TABLES = [
  'reg_stream_events',
  'reg_shares',
  'reg_reach',
  'reg_campaign_processors',
  'reg_contacts',
  'reg_contact_facts',
  'reg_calls',
  'reg_call_facts',
];
