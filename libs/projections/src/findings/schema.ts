import type { Migration } from '@calltrail/sql';

/**
 * The findings read model. `findings_documents` holds, per call, contact, processor, campaign and the
 * organisation, what finds it (kind, campaign, processor, agent, time); `findings_document_events` the
 * events its findings are folded from, one row each (every personal field removed); `findings` holds
 * the findings, open and resolved. No personal data: ids, moments, codes.
 */
export const findingsMigrations: Migration[] = [
  {
    version: 1,
    name: 'findings read model',
    sql: `
      CREATE TABLE findings_documents (
        document text PRIMARY KEY,
        kind text NOT NULL,
        campaign_id text,
        processor_id text,
        fold_events jsonb NOT NULL
      );
      CREATE INDEX findings_documents_campaign ON findings_documents (campaign_id) WHERE kind = 'call';
      CREATE INDEX findings_documents_processor ON findings_documents (processor_id) WHERE kind = 'call';
      CREATE TABLE findings (
        finding_id text PRIMARY KEY,
        document text NOT NULL,
        code text NOT NULL,
        seed text NOT NULL,
        occurred_at timestamptz NOT NULL,
        due_at timestamptz,
        -- When it counts as a finding: the violation, or the deadline passed.
        found_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by text,
        event_ids jsonb NOT NULL,
        campaign_id text,
        processor_id text,
        contact_id text,
        call_id text,
        message text NOT NULL,
        details jsonb NOT NULL
      );
      CREATE INDEX findings_document ON findings (document);
      CREATE INDEX findings_found_at ON findings (found_at);
      CREATE INDEX findings_code ON findings (code, found_at);
    `,
  },
  {
    version: 2,
    name: 'call documents by agent and time',
    sql: `
      ALTER TABLE findings_documents ADD COLUMN agent_id text, ADD COLUMN occurred_at timestamptz;
      CREATE INDEX findings_documents_agent ON findings_documents (processor_id, agent_id) WHERE kind = 'call';
      CREATE INDEX findings_documents_occurred ON findings_documents (occurred_at) WHERE kind = 'call';
    `,
  },
  {
    version: 3,
    name: 'document events one row per event',
    // A document's events were one jsonb array, rewritten whole at every event and serialised with the
    // batch: the 1M-event rebuild outgrew a JavaScript string. Now a batch appends rows. The read
    // models are emptied and replayed from zero (the checkpoint goes back to 0).
    sql: `
      CREATE TABLE findings_document_events (
        document text NOT NULL,
        seq integer NOT NULL,
        type text NOT NULL,
        event jsonb NOT NULL,
        PRIMARY KEY (document, seq)
      );
      ALTER TABLE findings_documents DROP COLUMN fold_events;
      TRUNCATE findings_documents, findings;
      UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = 'findings';
    `,
  },
  {
    version: 4,
    name: 'document events as json',
    // Written once, read whole, never queried inside: json is stored as it is sent, where jsonb is
    // parsed into its binary form on the way in and printed again on the way out (a third of the insert).
    sql: `ALTER TABLE findings_document_events ALTER COLUMN event TYPE json USING event::json;`,
  },
];

export const FINDINGS_TABLES = ['findings_documents', 'findings_document_events', 'findings'];
