import { parseStreamId, type DataCategory, type RecordedEvent } from '@calltrail/domain';
import type { StoredEvent } from '@calltrail/event-store';
import { capturedFields } from '@calltrail/projections';
import type { SourceEntry } from './processing-register';

/** A data share, as the register reads it. */
export interface ShareFact {
  processorId: string;
  campaignId: string | null;
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

/** Contacts a campaign reached with the same audience and country (`B2C contacts in BE`), and their registrations. */
export interface SubjectGroup {
  key: string;
  contacts: number;
  eventIds: string[];
}

/**
 * What the register says of the contacts a campaign reached, grouped as its cells need them: each
 * group in the order the campaign first reached one of its contacts, the event ids within a group in
 * that order too (and, for one contact, in occurredAt order).
 */
export interface ReachedGroups {
  subjects: SubjectGroup[];
  sources: SourceEntry[];
  /** The categories captured on those contacts, each with the events that captured it. */
  categories: Map<DataCategory, string[]>;
}

/** The groups of contacts given in the order a campaign reached them. */
export function groupReached(contacts: Iterable<ContactFact>): ReachedGroups {
  const subjects = new Map<string, SubjectGroup>();
  const sources = new Map<string, SourceEntry>();
  const categories = new Map<DataCategory, string[]>();
  for (const contact of contacts) {
    const key = `${contact.audience} contacts in ${contact.country}`;
    const subject = subjects.get(key) ?? { key, contacts: 0, eventIds: [] };
    subject.contacts += 1;
    subject.eventIds.push(contact.registeredEventId);
    subjects.set(key, subject);
    const { kind, provider = null, collectionMethod = null } = contact.source;
    const sourceKey = JSON.stringify([kind, provider, collectionMethod]);
    const source = sources.get(sourceKey) ?? { kind, provider: provider ?? null, collectionMethod: collectionMethod ?? null, contacts: 0, eventIds: [] };
    source.contacts += 1;
    source.eventIds.push(contact.registeredEventId);
    sources.set(sourceKey, source);
    for (const [category, ids] of contact.categories) for (const id of ids) addCategory(categories, category, id);
  }
  return { subjects: [...subjects.values()], sources: [...sources.values()], categories };
}

/**
 * What the register is built from, up to the moment asked: the organisation's profile, each campaign
 * and processor stream (events in occurredAt order), the data shares, which processors each campaign
 * reached, what it says of the contacts each campaign reached, and the notes and recordings by
 * campaign. Replayed from the store (RegisterHistory) or read from the register's read models.
 */
export interface RegisterFacts {
  readonly organisation: RecordedEvent | null;
  readonly campaigns: ReadonlyMap<string, RecordedEvent[]>;
  readonly processors: ReadonlyMap<string, RecordedEvent[]>;
  readonly shares: readonly ShareFact[];
  readonly campaignProcessors: ReadonlyMap<string, Iterable<string>>;
  readonly campaignCategories: ReadonlyMap<string, Map<DataCategory, string[]>>;
  reached(campaignId: string): ReachedGroups;
}

export function addCategory(categories: Map<DataCategory, string[]>, category: DataCategory, eventId: string): void {
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
export class RegisterHistory implements RegisterFacts {
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

  reached(campaignId: string): ReachedGroups {
    const reached = [...(this.campaignContacts.get(campaignId) ?? [])].flatMap((id) => {
      const contact = this.contacts.get(id);
      return contact ? [contact] : [];
    });
    return groupReached(reached);
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
    this.shares.push({ processorId, campaignId, destinationCountry: data.destinationCountry, eventId: event.eventId });
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
