import { randomUUID } from 'node:crypto';
import { isUuid, parseStreamId } from '@calltrail/domain';
import type { StoredEvent } from '@calltrail/event-store';
import type { SqlQueryable } from '@calltrail/sql';
import type { Projection } from '../runner';
import { CTM_TABLES, ctmMigrations } from './schema';

export const CTM_PROJECTION = 'ctm';

/** A string field of the event's data, or null (what the replayed report read). */
function text(event: StoredEvent, field: string): string | null {
  const value = event.data[field];
  return typeof value === 'string' ? value : null;
}

/** A UUID field, or null when absent or not a UUID (such a row could never match a call or contact). */
function uuid(event: StoredEvent, field: string): string | null {
  const value = text(event, field);
  return value !== null && isUuid(value) ? value.toLowerCase() : null;
}

interface CampaignChange {
  campaignId: string;
  position: number;
  name?: string;
  productCategory?: string;
  defined: boolean;
}

/** A batch, sorted into the rows of each read model. */
class CtmRows {
  readonly campaigns: CampaignChange[] = [];
  readonly calls: object[] = [];
  readonly outcomes = new Map<string, string>();
  readonly purchases: object[] = [];
  readonly feedback: object[] = [];
  readonly erased = new Set<string>();

  add(event: StoredEvent): void {
    switch (event.type) {
      case 'CampaignDefined':
      case 'CampaignAmended':
        return this.addCampaign(event);
      case 'CallAttempted':
        return this.addCall(event);
      case 'CallOutcomeRecorded': {
        const callId = uuid(event, 'callId');
        if (callId && text(event, 'outcome')) this.outcomes.set(callId, text(event, 'outcome')!);
        return;
      }
      case 'PurchaseRecorded': {
        const contactId = uuid(event, 'contactId');
        if (!contactId) return;
        this.purchases.push({
          position: event.globalPosition,
          contact_id: contactId,
          product_category: text(event, 'productCategory'),
          purchased_on: text(event, 'purchasedOn'),
        });
        return;
      }
      case 'ObjectionRaised':
      case 'ComplaintReceived':
        this.feedback.push({
          position: event.globalPosition,
          kind: event.type === 'ObjectionRaised' ? 'objection' : 'complaint',
          call_id: uuid(event, 'callId'),
          campaign_id: uuid(event, 'campaignId'),
          contact_id: uuid(event, 'contactId'),
          occurred_ms: Date.parse(event.metadata.occurredAt),
        });
        return;
      case 'ErasureCompleted': {
        const contactId = uuid(event, 'contactId');
        if (contactId) this.erased.add(contactId);
      }
    }
  }

  private addCampaign(event: StoredEvent): void {
    const campaignId = uuid(event, 'campaignId');
    if (!campaignId) return;
    if (event.type === 'CampaignDefined') {
      this.campaigns.push({ campaignId, position: event.globalPosition, name: text(event, 'name') ?? '', productCategory: text(event, 'productCategory') ?? '', defined: true });
      return;
    }
    const changes = (event.data['changes'] ?? {}) as { name?: string; productCategory?: string };
    this.campaigns.push({ campaignId, position: event.globalPosition, name: changes.name || undefined, productCategory: changes.productCategory || undefined, defined: false });
  }

  private addCall(event: StoredEvent): void {
    if (parseStreamId(event.streamId)?.kind !== 'call') return;
    const [callId, campaignId, contactId] = [uuid(event, 'callId'), uuid(event, 'campaignId'), uuid(event, 'contactId')];
    if (!callId || !campaignId || !contactId) return;
    const at = text(event, 'startedAt') ?? event.metadata.occurredAt;
    this.calls.push({
      position: event.globalPosition,
      call_id: callId,
      campaign_id: campaignId,
      contact_id: contactId,
      at_ms: Date.parse(at),
      call_day: at.slice(0, 10),
      answered: event.data['result'] === 'answered',
    });
  }
}

async function insertRows(tx: SqlQueryable, table: string, columns: string, rows: readonly object[], conflict = ''): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.split(',').map((column) => column.trim().split(' ')[0]).join(', ');
  await tx.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns}) ${conflict}`, [
    JSON.stringify(rows),
  ]);
}

/** Definitions and amendments in order: an amendment changes only what it names, of a campaign already defined. */
async function applyCampaigns(tx: SqlQueryable, changes: readonly CampaignChange[]): Promise<void> {
  for (const change of changes) {
    if (change.defined) {
      await tx.query(
        `INSERT INTO ctm_campaigns (campaign_id, defined_position, name, product_category) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id) DO UPDATE SET name = excluded.name, product_category = excluded.product_category`,
        [change.campaignId, change.position, change.name, change.productCategory],
      );
    } else {
      await tx.query(
        'UPDATE ctm_campaigns SET name = coalesce($2, name), product_category = coalesce($3, product_category) WHERE campaign_id = $1',
        [change.campaignId, change.name ?? null, change.productCategory ?? null],
      );
    }
  }
}

/** An erased contact's rows keep their counts under a random UUID: nothing links them to the person any more. */
async function unlinkErased(tx: SqlQueryable, erased: ReadonlySet<string>): Promise<void> {
  if (erased.size === 0) return;
  const pairs = JSON.stringify([...erased].map((contactId) => ({ contact_id: contactId, pseudonym: randomUUID() })));
  for (const table of ['ctm_calls', 'ctm_purchases', 'ctm_feedback']) {
    await tx.query(
      `UPDATE ${table} t SET contact_id = p.pseudonym FROM jsonb_to_recordset($1::jsonb) AS p(contact_id uuid, pseudonym uuid) WHERE t.contact_id = p.contact_id`,
      [pairs],
    );
  }
}

/**
 * The CTM report's read models (see schema.ts): campaigns with their product category, a row per
 * call, the calls' outcomes, the purchases, objections and complaints.
 */
export function ctmProjection(): Projection {
  return {
    name: CTM_PROJECTION,
    version: 1,
    migrations: ctmMigrations,
    tables: CTM_TABLES,
    async apply(tx, events) {
      const rows = new CtmRows();
      for (const event of events) rows.add(event);
      await applyCampaigns(tx, rows.campaigns);
      await insertRows(tx, 'ctm_calls', 'position bigint, call_id uuid, campaign_id uuid, contact_id uuid, at_ms bigint, call_day text, answered boolean', rows.calls);
      await insertRows(
        tx,
        'ctm_outcomes',
        'call_id uuid, outcome text',
        [...rows.outcomes].map(([callId, outcome]) => ({ call_id: callId, outcome })),
        'ON CONFLICT (call_id) DO UPDATE SET outcome = excluded.outcome',
      );
      await insertRows(tx, 'ctm_purchases', 'position bigint, contact_id uuid, product_category text, purchased_on text', rows.purchases);
      await insertRows(tx, 'ctm_feedback', 'position bigint, kind text, call_id uuid, campaign_id uuid, contact_id uuid, occurred_ms bigint', rows.feedback);
      await unlinkErased(tx, rows.erased);
    },
  };
}
