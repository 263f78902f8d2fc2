import { DATA_CATEGORIES, parseStreamId, type DataCategory } from '@calltrail/domain';
import type { StoredEvent } from '@calltrail/event-store';
import type { SqlQueryable } from '@calltrail/sql';
import type { Projection } from '../runner';
import { capturedFields } from './captured-fields';
import { REGISTER_TABLES, registerMigrations } from './schema';

export const REGISTER_PROJECTION = 'register';

/** Where an event stands in the replay's order: by occurredAt, then global position, then place in the event. */
interface Rank {
  ms: number;
  position: number;
  index: number;
}

const before = (a: Rank, b: Rank) => a.ms - b.ms || a.position - b.position || a.index - b.index;

/** A batch, sorted into the rows of each read model. */
class RegisterRows {
  readonly streamEvents: object[] = [];
  readonly shares: object[] = [];
  readonly contacts: object[] = [];
  readonly contactFacts: object[] = [];
  readonly calls: object[] = [];
  readonly callFacts: object[] = [];
  /** The earliest reach of a campaign to a contact in this batch, by `campaign|contact`. */
  readonly reach = new Map<string, Rank & { campaignId: string; contactId: string }>();
  readonly campaignProcessors = new Map<string, { campaignId: string; processorId: string; ms: number }>();

  add(event: StoredEvent): void {
    const stream = parseStreamId(event.streamId);
    if (!stream) return;
    if (stream.kind === 'organisation' && event.type === 'OrganisationProfileSet') this.addStreamEvent('organisation', 'organisation', event);
    else if (stream.kind === 'campaign') this.addStreamEvent('campaign', stream.id!, event);
    else if (stream.kind === 'processor' && event.type === 'DataSharedWithProcessor') this.addShare(stream.id!, event);
    else if (stream.kind === 'processor') this.addStreamEvent('processor', stream.id!, event);
    else if (stream.kind === 'contact') this.addContactEvent(stream.id!, event);
    else if (stream.kind === 'call') this.addCallEvent(event);
  }

  private addStreamEvent(kind: string, streamKey: string, event: StoredEvent): void {
    this.streamEvents.push({ position: event.globalPosition, kind, stream_key: streamKey, occurred_ms: occurredMs(event), event });
  }

  private addShare(processorId: string, event: StoredEvent): void {
    const data = event.data as { campaignId: string | null; contactIds: string[]; destinationCountry: string };
    const campaignId = data.campaignId?.toLowerCase() ?? null;
    const ms = occurredMs(event);
    this.shares.push({
      position: event.globalPosition,
      event_id: event.eventId,
      processor_id: processorId,
      campaign_id: campaignId,
      destination_country: data.destinationCountry,
      occurred_ms: ms,
    });
    if (!campaignId) return;
    data.contactIds.forEach((contactId, index) => this.reached(campaignId, contactId.toLowerCase(), { ms, position: event.globalPosition, index }));
    this.processorCalled(campaignId, processorId, ms);
  }

  private addContactEvent(contactId: string, event: StoredEvent): void {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'ContactRegistered') {
      this.contacts.push({
        contact_id: contactId,
        registered_ms: occurredMs(event),
        registered_position: event.globalPosition,
        registered_event_id: event.eventId,
        audience: String(data['audience']),
        country: String(data['country']),
        source: data['source'],
      });
    }
    const categories: readonly DataCategory[] =
      event.type === 'ContactRegistered' || event.type === 'ContactDetailsRectified' ? capturedFields(data)
      : event.type === 'PurchaseRecorded' ? ['purchase_history']
      : event.type === 'ConsentGiven' ? ['consents']
      : [];
    if (categories.length === 0) return;
    const ranks = categories.map((category) => DATA_CATEGORIES.indexOf(category));
    this.contactFacts.push({
      contact_id: contactId,
      position: event.globalPosition,
      event_id: event.eventId,
      occurred_ms: occurredMs(event),
      categories: ranks.reduce((mask, rank) => mask | (1 << rank), 0),
      first_category: DATA_CATEGORIES[Math.min(...ranks)],
    });
  }

  private addCallEvent(event: StoredEvent): void {
    const data = event.data as Record<string, unknown>;
    const callId = String(data['callId']).toLowerCase();
    if (event.type === 'CallAttempted' || event.type === 'EmailSent') {
      const campaignId = String(data['campaignId']).toLowerCase();
      const ms = occurredMs(event);
      this.calls.push({ call_id: callId, campaign_id: campaignId, occurred_ms: ms });
      this.reached(campaignId, String(data['contactId']).toLowerCase(), { ms, position: event.globalPosition, index: 0 });
      this.processorCalled(campaignId, String(data['processorId']).toLowerCase(), ms);
    } else if (event.type === 'RecordingStarted' || event.type === 'CallNoteRecorded') {
      const category = event.type === 'RecordingStarted' ? 'call_recordings' : 'call_notes';
      this.callFacts.push({ position: event.globalPosition, call_id: callId, category, event_id: event.eventId, occurred_ms: occurredMs(event) });
    }
  }

  private reached(campaignId: string, contactId: string, rank: Rank): void {
    const key = `${campaignId}|${contactId}`;
    const kept = this.reach.get(key);
    if (!kept || before(rank, kept) < 0) this.reach.set(key, { campaignId, contactId, ...rank });
  }

  private processorCalled(campaignId: string, processorId: string, ms: number): void {
    const key = `${campaignId}|${processorId}`;
    const kept = this.campaignProcessors.get(key);
    if (!kept || ms < kept.ms) this.campaignProcessors.set(key, { campaignId, processorId, ms });
  }
}

function occurredMs(event: StoredEvent): number {
  return Date.parse(event.metadata.occurredAt);
}

/** Inserts rows given as JSON objects whose keys are the columns; `conflict` is the ON CONFLICT clause. */
async function insertRows(tx: SqlQueryable, table: string, columns: string, rows: readonly object[], conflict = ''): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.split(',').map((column) => column.trim().split(' ')[0]).join(', ');
  await tx.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns}) ${conflict}`, [
    JSON.stringify(rows),
  ]);
}

async function applyRows(tx: SqlQueryable, rows: RegisterRows): Promise<void> {
  await insertRows(tx, 'reg_stream_events', 'position bigint, kind text, stream_key text, occurred_ms bigint, event jsonb', rows.streamEvents);
  await insertRows(
    tx,
    'reg_shares',
    'position bigint, event_id uuid, processor_id uuid, campaign_id uuid, destination_country text, occurred_ms bigint',
    rows.shares,
  );
  await insertRows(
    tx,
    'reg_contacts',
    'contact_id uuid, registered_ms bigint, registered_position bigint, registered_event_id uuid, audience text, country text, source jsonb',
    rows.contacts,
    // A contact registered again: the replay keeps the later registration.
    `ON CONFLICT (contact_id) DO UPDATE SET registered_ms = excluded.registered_ms, registered_position = excluded.registered_position,
       registered_event_id = excluded.registered_event_id, audience = excluded.audience, country = excluded.country, source = excluded.source`,
  );
  await insertRows(
    tx,
    'reg_contact_facts',
    'contact_id uuid, position bigint, event_id uuid, occurred_ms bigint, categories integer, first_category text',
    rows.contactFacts,
  );
  await insertRows(
    tx,
    'reg_calls',
    'call_id uuid, campaign_id uuid, occurred_ms bigint',
    rows.calls,
    'ON CONFLICT (call_id) DO UPDATE SET campaign_id = excluded.campaign_id, occurred_ms = excluded.occurred_ms',
  );
  await insertRows(tx, 'reg_call_facts', 'position bigint, call_id uuid, category text, event_id uuid, occurred_ms bigint', rows.callFacts);
  await insertRows(
    tx,
    'reg_reach',
    'campaign_id uuid, contact_id uuid, first_ms bigint, first_position bigint, first_index integer',
    [...rows.reach.values()].map((r) => ({ campaign_id: r.campaignId, contact_id: r.contactId, first_ms: r.ms, first_position: r.position, first_index: r.index })),
    `ON CONFLICT (campaign_id, contact_id) DO UPDATE SET first_ms = excluded.first_ms, first_position = excluded.first_position, first_index = excluded.first_index
     WHERE (excluded.first_ms, excluded.first_position, excluded.first_index) < (reg_reach.first_ms, reg_reach.first_position, reg_reach.first_index)`,
  );
  await insertRows(
    tx,
    'reg_campaign_processors',
    'campaign_id uuid, processor_id text, first_ms bigint',
    [...rows.campaignProcessors.values()].map((r) => ({ campaign_id: r.campaignId, processor_id: r.processorId, first_ms: r.ms })),
    `ON CONFLICT (campaign_id, processor_id) DO UPDATE SET first_ms = LEAST(reg_campaign_processors.first_ms, excluded.first_ms)`,
  );
}

/**
 * The processing register's dated facts (see schema.ts): the organisation's profile, campaign and
 * processor streams, data shares, which contacts and processors each campaign reached and when first,
 * each contact's source and the categories captured on it, and the recordings and notes of calls.
 * An erasure removes nothing here, as the register replayed from the events counts erased contacts
 * too: these rows hold no personal data, and a register as of a date before the erasure must show
 * what was processed then.
 */
export function registerProjection(): Projection {
  return {
    name: REGISTER_PROJECTION,
    version: 2,
    migrations: registerMigrations,
    tables: REGISTER_TABLES,
    async apply(tx, events) {
      const rows = new RegisterRows();
      for (const event of events) rows.add(event);
      await applyRows(tx, rows);
    },
  };
}
