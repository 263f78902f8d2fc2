import type { Migration } from '@calltrail/sql';

/**
 * The findings read model. `findings_documents` holds, per call, contact, processor, campaign and the
 * organisation, the events its findings are folded from (every personal field removed); `findings`
 * holds the findings, open and resolved. No personal data: ids, moments, codes.
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
];

export const FINDINGS_TABLES = ['findings_documents', 'findings'];
