import { parseStreamId, type DataCategory, type RecordedEvent } from '@calltrail/domain';
import type { StoredEvent } from '@calltrail/event-store';

/** A data share, as the register reads it. */
export interface ShareFact {
  processorId: string;
  campaignId: string | null;
  contactIds: string[];
  destinationCountry: string;
  eventId: string;
}

export interface ContactFact {
  audience: string;
  country: string;
  source: { kind: string; provider?: string | null; collectionMethod?: string | null };
  registeredEventId: string;
  categories: Map<DataCategory, string[]>;
}

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The categories a registration or rectification captured: which fields hold a (sealed) value, never the value. */
function capturedFields(data: Record<string, unknown>): DataCategory[] {
  const profession = data['profession'] as { role?: string | null; sector?: string | null } | undefined;
  const fields: [DataCategory, boolean][] = [
    ['name', present(data['name'])],
    ['phone', present(data['phones'])],
    ['email', present(data['emails'])],
    ['company', present(data['company'])],
    ['job_title', present(data['jobTitle'])],
    ['profession', !!(profession?.role || profession?.sector)],
  ];
  return fields.filter(([, captured]) => captured).map(([category]) => category);
}

function addCategory(categories: Map<DataCategory, string[]>, category: DataCategory, eventId: string): void {
  const ids = categories.get(category);
  if (ids) ids.push(eventId);
  else categories.set(category, [eventId]);
}

/** The only event types `add` reads on contact and call streams (on campaign and processor streams: all). */
const CONTACT_TYPES = new Set(['ContactRegistered', 'ContactDetailsRectified', 'PurchaseRecorded', 'ConsentGiven']);
const CALL_TYPES = new Set(['CallAttempted', 'EmailSent', 'RecordingStarted', 'CallNoteRecorded']);

/**
 * What the register is built from, replayed by occurredAt up to the moment asked: the organisation's
 * profile, each campaign and processor stream, the data shares, each contact's source and the
 * categories captured, and which contacts and processors each campaign reached.
 */
export class RegisterHistory {
  organisation: RecordedEvent | null = null;
  readonly campaigns = new Map<string, RecordedEvent[]>();
  readonly processors = new Map<string, RecordedEvent[]>();
  readonly shares: ShareFact[] = [];
  readonly contacts = new Map<string, ContactFact>();
  readonly campaignContacts = new Map<string, Set<string>>();
  readonly campaignProcessors = new Map<string, Set<string>>();
  /** Notes and recordings, by the campaign of their call. */
  readonly campaignCategories = new Map<string, Map<DataCategory, string[]>>();
  private readonly callCampaign = new Map<string, string>();
  private readonly callCategories: { callId: string; category: DataCategory; eventId: string }[] = [];

  /**
   * Whether `add` would read the event: the rest (notices, outcomes, registries…) need not be kept and
   * sorted by occurredAt (about 4 events in 10 of the benchmark data set).
   */
  static reads(event: StoredEvent): boolean {
    const kind = parseStreamId(event.streamId)?.kind;
    if (kind === 'campaign' || kind === 'processor') return true;
    if (kind === 'organisation') return event.type === 'OrganisationProfileSet';
    if (kind === 'contact') return CONTACT_TYPES.has(event.type);
    return kind === 'call' && CALL_TYPES.has(event.type);
  }

  /** Events in occurredAt order (see `cutOff`); the raw data, read for its shape only. */
  add(event: StoredEvent): void {
    const stream = parseStreamId(event.streamId);
    if (!stream) return;
    const data = event.data as Record<string, unknown>;
    if (stream.kind === 'organisation' && event.type === 'OrganisationProfileSet') this.organisation = event as unknown as RecordedEvent;
    else if (stream.kind === 'campaign') push(this.campaigns, stream.id!, event as unknown as RecordedEvent);
    else if (stream.kind === 'processor') this.addProcessorEvent(stream.id!, event);
    else if (stream.kind === 'contact') this.addContactEvent(stream.id!, event);
    else if (stream.kind === 'call') this.addCallEvent(event.type, data, event.eventId);
  }

  /** Attributes notes and recordings to the campaign of their call, once every call is known. */
  finish(): this {
    for (const { callId, category, eventId } of this.callCategories) {
      const campaignId = this.callCampaign.get(callId);
      if (!campaignId) continue;
      const categories = this.campaignCategories.get(campaignId) ?? new Map<DataCategory, string[]>();
      addCategory(categories, category, eventId);
      this.campaignCategories.set(campaignId, categories);
    }
    return this;
  }

  private addProcessorEvent(processorId: string, event: StoredEvent): void {
    if (event.type !== 'DataSharedWithProcessor') return push(this.processors, processorId, event as unknown as RecordedEvent);
    const data = event.data as { campaignId: string | null; contactIds: string[]; destinationCountry: string };
    const campaignId = data.campaignId?.toLowerCase() ?? null;
    const contactIds = data.contactIds.map((id) => id.toLowerCase());
    this.shares.push({ processorId, campaignId, contactIds, destinationCountry: data.destinationCountry, eventId: event.eventId });
    if (campaignId) this.reach(campaignId, processorId, contactIds);
  }

  private addContactEvent(contactId: string, event: StoredEvent): void {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'ContactRegistered') {
      const contact: ContactFact = {
        audience: String(data['audience']),
        country: String(data['country']),
        source: data['source'] as ContactFact['source'],
        registeredEventId: event.eventId,
        categories: new Map(),
      };
      for (const category of capturedFields(data)) addCategory(contact.categories, category, event.eventId);
      this.contacts.set(contactId, contact);
      return;
    }
    const contact = this.contacts.get(contactId);
    if (!contact) return;
    const categories =
      event.type === 'ContactDetailsRectified' ? capturedFields(data)
      : event.type === 'PurchaseRecorded' ? (['purchase_history'] as const)
      : event.type === 'ConsentGiven' ? (['consents'] as const)
      : [];
    for (const category of categories) addCategory(contact.categories, category, event.eventId);
  }

  private addCallEvent(type: string, data: Record<string, unknown>, eventId: string): void {
    const callId = String(data['callId']);
    if (type === 'CallAttempted' || type === 'EmailSent') {
      const campaignId = String(data['campaignId']).toLowerCase();
      this.callCampaign.set(callId, campaignId);
      this.reach(campaignId, String(data['processorId']).toLowerCase(), [String(data['contactId']).toLowerCase()]);
    } else if (type === 'RecordingStarted') {
      this.callCategories.push({ callId, category: 'call_recordings', eventId });
    } else if (type === 'CallNoteRecorded') {
      this.callCategories.push({ callId, category: 'call_notes', eventId });
    }
  }

  private reach(campaignId: string, processorId: string, contactIds: string[]): void {
    const contacts = this.campaignContacts.get(campaignId) ?? new Set<string>();
    for (const contactId of contactIds) contacts.add(contactId);
    this.campaignContacts.set(campaignId, contacts);
    const processors = this.campaignProcessors.get(campaignId) ?? new Set<string>();
    processors.add(processorId);
    this.campaignProcessors.set(campaignId, processors);
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
