import { DomainError, contactStreamId, isUuid, parseStreamId } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import type { PiiVault } from '@calltrail/pii-vault';
import type {
  ContactDossier,
  ContactStatus,
  DossierCall,
  DossierConsent,
  DossierErasure,
  DossierIdentity,
  DossierPhone,
} from './contact-dossier.types';
import { collectEvents, dataField } from './ledger-scan';
import { NAME_EVENT_TYPES, collectNames, describeReceipt, type LedgerNames } from './names';
import { openPersonalFields } from './open-personal-fields';

export interface DossierDeps {
  store: EventStore;
  vault: PiiVault;
  clock?: () => Date;
}

/** An event with its personal fields opened. */
interface OpenedEvent {
  event: StoredEvent;
  data: Record<string, unknown>;
}

export function requireContactId(contactId: unknown): string {
  if (typeof contactId !== 'string' || !isUuid(contactId)) {
    throw new DomainError('INVALID_FIELD', 'contactId: must be a UUID', 'contactId');
  }
  return contactId.toLowerCase();
}

/** Every event about the contact (its stream, its calls, the shares of its data) and the names of processors and campaigns. */
export async function eventsAboutContact(store: EventStore, contactId: string) {
  const streamId = contactStreamId(contactId);
  const events = await collectEvents(
    store,
    (event) =>
      event.streamId === streamId ||
      NAME_EVENT_TYPES.has(event.type) ||
      (parseStreamId(event.streamId)?.kind === 'call' && event.data['contactId'] === contactId) ||
      (event.type === 'DataSharedWithProcessor' && (event.data['contactIds'] as string[]).includes(contactId)),
  );
  const own = events.filter((event) => event.streamId === streamId);
  if (own.length === 0) throw new DomainError('CONTACT_NOT_FOUND', `contactId: no contact ${contactId} is recorded`, 'contactId');
  return {
    own,
    calls: events.filter((event) => parseStreamId(event.streamId)?.kind === 'call'),
    shares: events.filter((event) => event.type === 'DataSharedWithProcessor'),
    names: collectNames(events),
  };
}

export function erasureOf(own: readonly StoredEvent[]): DossierErasure | null {
  const requested = own.find((event) => event.type === 'ErasureRequested');
  if (!requested) return null;
  const completed = own.find((event) => event.type === 'ErasureCompleted');
  return {
    requestId: dataField(requested, 'requestId')!,
    requestedAt: requested.metadata.occurredAt,
    ground: dataField(requested, 'ground') ?? 'other',
    completedAt: completed?.metadata.occurredAt ?? null,
  };
}

function statusOf(erasure: DossierErasure | null): ContactStatus {
  if (!erasure) return 'active';
  return erasure.completedAt ? 'erased' : 'erasure_requested';
}

/**
 * The contact's dossier, decrypted: the answer to an access request. For an erased contact it says
 * so and holds no personal data (the key is destroyed; nothing could be opened anyway).
 */
export async function contactDossier(deps: DossierDeps, contactIdInput: string): Promise<ContactDossier> {
  const contactId = requireContactId(contactIdInput);
  const { own, calls, shares, names } = await eventsAboutContact(deps.store, contactId);
  const erasure = erasureOf(own);
  const status = statusOf(erasure);
  const generatedAt = (deps.clock?.() ?? new Date()).toISOString();
  const empty = {
    identity: null, phones: [], emails: [], source: null, rectifications: [], consents: [], purchases: [],
    objections: [], complaints: [], accessRequests: [], calls: [], recipients: [],
  };
  if (status === 'erased' || (await deps.vault.isShredded(contactId))) {
    return { contactId, generatedAt, status: 'erased', erasure, ...empty };
  }
  const opened = await openAll(deps.vault, own);
  const details = currentDetails(opened);
  return {
    contactId,
    generatedAt,
    status,
    erasure,
    ...empty,
    ...details,
    consents: consentsOf(opened, names),
    purchases: opened.filter(is('PurchaseRecorded')).map(({ event, data }) => ({
      purchaseId: data['purchaseId'] as string,
      productCategory: data['productCategory'] as string,
      purchasedOn: data['purchasedOn'] as string,
      contractEndsOn: (data['contractEndsOn'] as string | null) ?? null,
      eventId: event.eventId,
    })),
    objections: opened.filter(is('ObjectionRaised')).map(({ event, data }) => ({
      objectionId: data['objectionId'] as string,
      at: event.metadata.occurredAt,
      scope: data['scope'] as string,
      receivedVia: describeReceipt(data['receivedVia'], names),
      callId: (data['callId'] as string | null) ?? null,
      campaignId: (data['campaignId'] as string | null) ?? null,
      text: (data['text'] as string | null) ?? null,
      eventId: event.eventId,
    })),
    complaints: opened.filter(is('ComplaintReceived')).map(({ event, data }) => ({
      complaintId: data['complaintId'] as string,
      at: event.metadata.occurredAt,
      subject: data['subject'] as string,
      receivedVia: describeReceipt(data['receivedVia'], names),
      viaSupervisoryAuthority: data['viaSupervisoryAuthority'] === true,
      callId: (data['callId'] as string | null) ?? null,
      campaignId: (data['campaignId'] as string | null) ?? null,
      text: (data['text'] as string | null) ?? null,
      eventId: event.eventId,
    })),
    accessRequests: opened.filter(is('AccessRequested')).map(({ event, data }) => ({
      requestId: data['requestId'] as string,
      requestedAt: event.metadata.occurredAt,
      receivedVia: describeReceipt(data['receivedVia'], names),
      fulfilledAt:
        own.find((e) => e.type === 'AccessFulfilled' && e.data['requestId'] === data['requestId'])?.metadata.occurredAt ?? null,
    })),
    calls: callsOf(await openAll(deps.vault, calls), names),
    recipients: shares.map((event) => {
      const processorId = dataField(event, 'processorId')!;
      return {
        processorId,
        processorName: names.processors.get(processorId)?.name ?? null,
        country: dataField(event, 'destinationCountry'),
        sharedAt: event.metadata.occurredAt,
        dataCategories: event.data['dataCategories'] as string[],
        campaignId: dataField(event, 'campaignId'),
        eventId: event.eventId,
      };
    }),
  };
}

async function openAll(vault: PiiVault, events: readonly StoredEvent[]): Promise<OpenedEvent[]> {
  const opened: OpenedEvent[] = [];
  for (const event of events) opened.push({ event, data: await openPersonalFields(vault, event) });
  return opened;
}

const is = (type: string) => (opened: OpenedEvent) => opened.event.type === type;

const DETAIL_FIELDS = ['name', 'phones', 'emails', 'company', 'jobTitle', 'profession', 'audience', 'country', 'timeZone'] as const;

/** The details as registered, with every rectification applied in order, and the list of rectifications. */
function currentDetails(opened: readonly OpenedEvent[]) {
  const registered = opened.find(is('ContactRegistered'));
  if (!registered) throw new DomainError('CONTACT_NOT_FOUND', 'contactId: the contact was never registered', 'contactId');
  const current: Record<string, unknown> = { ...registered.data };
  const rectifications = opened.filter(is('ContactDetailsRectified')).map(({ event, data }) => {
    const fields = DETAIL_FIELDS.filter((field) => field in data);
    for (const field of fields) current[field] = data[field];
    return { at: event.metadata.occurredAt, fields: [...fields], requestedBySubject: data['requestedBySubject'] === true, eventId: event.eventId };
  });
  const identity: DossierIdentity = {
    name: (current['name'] as string | null) ?? null,
    company: (current['company'] as string | null) ?? null,
    jobTitle: (current['jobTitle'] as string | null) ?? null,
    audience: current['audience'] as string,
    country: current['country'] as string,
    timeZone: current['timeZone'] as string,
    profession: (current['profession'] as DossierIdentity['profession']) ?? { role: null, sector: null },
    registeredAt: registered.event.metadata.occurredAt,
  };
  const phones: DossierPhone[] = ((current['phones'] as { number: string | null; lineType: string }[]) ?? []).map(
    (phone) => ({ number: phone.number, lineType: phone.lineType }),
  );
  return {
    identity,
    phones,
    emails: (current['emails'] as (string | null)[]) ?? [],
    source: (registered.data['source'] as Record<string, unknown>) ?? null,
    rectifications,
  };
}

function consentsOf(opened: readonly OpenedEvent[], names: LedgerNames): DossierConsent[] {
  const consents = opened.filter(is('ConsentGiven')).map(({ event, data }): DossierConsent => ({
    consentId: data['consentId'] as string,
    purpose: data['purpose'] as string,
    channels: data['channels'] as string[],
    campaignId: (data['campaignId'] as string | null) ?? null,
    productCategory: (data['productCategory'] as string | null) ?? null,
    evidence: data['evidence'] as DossierConsent['evidence'],
    expiresAt: (data['expiresAt'] as string | null) ?? null,
    receivedVia: describeReceipt(data['receivedVia'], names),
    recordedAt: event.metadata.recordedAt,
    withdrawnAt: null,
    eventIds: [event.eventId],
  }));
  for (const { event, data } of opened.filter(is('ConsentWithdrawn'))) {
    for (const consent of consents) {
      const covered = data['consentId'] === null || data['consentId'] === consent.consentId;
      if (!covered || consent.withdrawnAt) continue;
      consent.withdrawnAt = event.metadata.occurredAt;
      consent.eventIds.push(event.eventId);
    }
  }
  return consents;
}

/** One entry per call or e-mail, with its outcome, notices, recordings and notes. */
function callsOf(opened: readonly OpenedEvent[], names: LedgerNames): DossierCall[] {
  const byCall = new Map<string, DossierCall>();
  for (const { event, data } of opened) {
    const callId = data['callId'] as string;
    if (event.type === 'CallAttempted' || event.type === 'EmailSent') {
      byCall.set(callId, newCall(event, data, names));
      continue;
    }
    const call = byCall.get(callId);
    if (!call) continue;
    call.eventIds.push(event.eventId);
    if (event.type === 'CallOutcomeRecorded') call.outcome = data['outcome'] as string;
    if (event.type === 'PrivacyNoticeGiven') call.privacyNoticeGiven = true;
    if (event.type === 'RecordingNoticeGiven') call.recordingNoticeGiven = true;
    if (event.type === 'RecordingStarted') call.recordingRefs.push(data['recordingRef'] as string);
    if (event.type === 'CallNoteRecorded') {
      call.notes.push({ at: event.metadata.occurredAt, text: (data['text'] as string | null) ?? null, agentId: (data['agentId'] as string | null) ?? null });
    }
  }
  return [...byCall.values()].sort((a, b) => a.at.localeCompare(b.at));
}

function newCall(event: StoredEvent, data: Record<string, unknown>, names: LedgerNames): DossierCall {
  const campaignId = data['campaignId'] as string;
  const processorId = data['processorId'] as string;
  const email = event.type === 'EmailSent';
  return {
    callId: data['callId'] as string,
    channel: email ? 'email' : 'phone',
    at: email ? event.metadata.occurredAt : (data['startedAt'] as string),
    campaignId,
    campaignName: names.campaigns.get(campaignId) ?? null,
    processorId,
    processorName: names.processors.get(processorId)?.name ?? null,
    result: email ? 'sent' : (data['result'] as string),
    durationSeconds: email ? null : ((data['durationSeconds'] as number | null) ?? null),
    outcome: null,
    privacyNoticeGiven: false,
    recordingNoticeGiven: false,
    recordingRefs: [],
    notes: [],
    recipient: email ? ((data['recipient'] as string | null) ?? null) : null,
    eventIds: [event.eventId],
  };
}
