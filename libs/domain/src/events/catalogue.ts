import {
  callStreamId,
  campaignStreamId,
  contactStreamId,
  ORGANISATION_STREAM_ID,
  processorStreamId,
  registryStreamId,
  type StreamKind,
} from '../streams';
import type { CallEvent } from './call.events';
import type { CampaignEvent } from './campaign.events';
import type { ContactEvent } from './contact.events';
import type { OrganisationEvent } from './organisation.events';
import type { ProcessorEvent } from './processor.events';
import type { RegistryEvent } from './registry.events';

/** Every event of the ledger: `{ type, data }` with a stable type string. Metadata is the store's. */
export type DomainEvent =
  | ContactEvent
  | CallEvent
  | CampaignEvent
  | ProcessorEvent
  | RegistryEvent
  | OrganisationEvent;

export type EventType = DomainEvent['type'];
export type EventOfType<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type EventData<T extends EventType> = EventOfType<T>['data'];

/** What a decider returns: the event, and when it happened in the world if the command said so. */
export type DecidedEvent<E extends DomainEvent = DomainEvent> = E & { occurredAt?: string };

/** The stream kind each event type is appended to. Its keys are the catalogue. */
export const EVENT_STREAM_KIND = {
  ContactRegistered: 'contact',
  ContactDetailsRectified: 'contact',
  ConsentGiven: 'contact',
  ConsentWithdrawn: 'contact',
  PurchaseRecorded: 'contact',
  ObjectionRaised: 'contact',
  ComplaintReceived: 'contact',
  AccessRequested: 'contact',
  AccessFulfilled: 'contact',
  ErasureRequested: 'contact',
  ErasureCompleted: 'contact',
  ProcessorErasureConfirmed: 'contact',
  CallAttempted: 'call',
  PrivacyNoticeGiven: 'call',
  RecordingNoticeGiven: 'call',
  RecordingStarted: 'call',
  CallOutcomeRecorded: 'call',
  CallNoteRecorded: 'call',
  EmailSent: 'call',
  CampaignDefined: 'campaign',
  CampaignAmended: 'campaign',
  BalancingTestRecorded: 'campaign',
  DpiaRecorded: 'campaign',
  CampaignStarted: 'campaign',
  CampaignEnded: 'campaign',
  DncScrubPerformed: 'campaign',
  ProcessorRegistered: 'processor',
  ProcessorAgreementSigned: 'processor',
  ProcessorAgreementEnded: 'processor',
  TransferSafeguardRecorded: 'processor',
  DataSharedWithProcessor: 'processor',
  AgentTrainingRecorded: 'processor',
  DncSnapshotImported: 'registry',
  OrganisationProfileSet: 'organisation',
  BreachDetected: 'organisation',
  BreachNotified: 'organisation',
} as const satisfies Record<EventType, StreamKind>;

/** Every event type string. */
export const EVENT_TYPES = Object.keys(EVENT_STREAM_KIND) as EventType[];

/** The current schema version of each event type (`schemas/events/<Type>.v<N>.json`). */
export const EVENT_SCHEMA_VERSION: Record<EventType, number> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, 1]),
) as Record<EventType, number>;

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_STREAM_KIND, value);
}

/**
 * The personal fields of each event type, as paths into `data`: `name`, `phones[].number`
 * (the `number` of every element), `emails[]` (every element). These are sealed with the
 * contact's key before the event is stored and opened when it is read; nothing else may hold
 * personal data. A field that is absent or null is left as is.
 */
export const PERSONAL_FIELDS: Record<EventType, readonly string[]> = {
  ContactRegistered: ['name', 'phones[].number', 'emails[]', 'company', 'jobTitle'],
  ContactDetailsRectified: ['name', 'phones[].number', 'emails[]', 'company', 'jobTitle'],
  ConsentGiven: [],
  ConsentWithdrawn: [],
  PurchaseRecorded: [],
  ObjectionRaised: ['text'],
  ComplaintReceived: ['text'],
  AccessRequested: [],
  AccessFulfilled: [],
  ErasureRequested: [],
  ErasureCompleted: [],
  ProcessorErasureConfirmed: [],
  CallAttempted: [],
  PrivacyNoticeGiven: [],
  RecordingNoticeGiven: [],
  RecordingStarted: [],
  CallOutcomeRecorded: [],
  CallNoteRecorded: ['text'],
  EmailSent: ['recipient'],
  CampaignDefined: [],
  CampaignAmended: [],
  BalancingTestRecorded: [],
  DpiaRecorded: [],
  CampaignStarted: [],
  CampaignEnded: [],
  DncScrubPerformed: [],
  ProcessorRegistered: [],
  ProcessorAgreementSigned: [],
  ProcessorAgreementEnded: [],
  TransferSafeguardRecorded: [],
  DataSharedWithProcessor: [],
  AgentTrainingRecorded: [],
  DncSnapshotImported: [],
  OrganisationProfileSet: [],
  BreachDetected: [],
  BreachNotified: [],
};

/**
 * The field of `data` naming the contact whose personal data (and key) an event concerns,
 * or null when the event is about no single contact. Every event with personal fields has one.
 */
export const PERSONAL_DATA_SUBJECT_FIELD: Record<EventType, 'contactId' | null> = Object.fromEntries(
  EVENT_TYPES.map((type) => [
    type,
    EVENT_STREAM_KIND[type] === 'contact' || EVENT_STREAM_KIND[type] === 'call' ? 'contactId' : null,
  ]),
) as Record<EventType, 'contactId' | null>;

/** The contact an event's personal data belongs to, or null. */
export function personalDataSubject(event: DomainEvent): string | null {
  const field = PERSONAL_DATA_SUBJECT_FIELD[event.type];
  if (field === null) return null;
  return (event.data as Record<string, unknown>)[field] as string;
}

/** The stream an event belongs in, read from its own data. */
export function streamIdOf(event: DomainEvent): string {
  const data = event.data as Record<string, unknown>;
  switch (EVENT_STREAM_KIND[event.type]) {
    case 'contact':
      return contactStreamId(data['contactId'] as string);
    case 'call':
      return callStreamId(data['callId'] as string);
    case 'campaign':
      return campaignStreamId(data['campaignId'] as string);
    case 'processor':
      return processorStreamId(data['processorId'] as string);
    case 'registry':
      return registryStreamId((event as RegistryEvent).data.registry);
    case 'organisation':
      return ORGANISATION_STREAM_ID;
  }
}
