import type { CallEvent } from '../../events/call.events';
import type { ContactEvent, ContactPhone, ContactRegistered, ContactDetailsRectified } from '../../events/contact.events';
import type { RetentionPolicy } from '../../events/organisation.events';
import { plusMonths } from '../time';
import type { CallAttemptFact, ConsentFact, ContactEligibilityView, LineFact } from '../views';
import { type RecordedEvent, startOfDate } from './recorded-event';

export interface FoldContactOptions {
  /** The similar-product group of a campaign, to tag the contact's calls (seed 000 §3). */
  similarProductGroupOf?: (campaignId: string) => string | null;
  /** The organisation's retention policy in force, and the events that set it (000 §5). */
  retention?: { policy: Pick<RetentionPolicy, 'prospectMonths' | 'customerMonths'>; eventIds: readonly string[] };
}

type ContactOrCallEvent = RecordedEvent<ContactEvent> | RecordedEvent<CallEvent>;

interface Draft {
  view: ContactEligibilityView;
  consents: Map<string, ConsentFact>;
  attempts: Map<string, CallAttemptFact>;
  registeredAt: string;
}

function linesOf(phones: readonly ContactPhone[], eventId: string): LineFact[] {
  return phones.map((phone) => ({ phoneHash: phone.phoneHash, lineType: phone.lineType, eventIds: [eventId] }));
}

function register(event: RecordedEvent<ContactRegistered>): Draft {
  const { data, eventId } = event;
  return {
    view: {
      contactId: data.contactId,
      audience: data.audience,
      country: data.country,
      timeZone: data.timeZone,
      lines: linesOf(data.phones, eventId),
      profession: { ...data.profession, eventIds: [eventId] },
      consents: [],
      objections: [],
      erasure: null,
      purchases: [],
      attempts: [],
      retentionExpiresAt: null,
      registeredEventIds: [eventId],
    },
    consents: new Map(),
    attempts: new Map(),
    registeredAt: event.metadata.occurredAt,
  };
}

function rectify(draft: Draft, event: RecordedEvent<ContactDetailsRectified>): void {
  const { data, eventId } = event;
  const view = draft.view;
  if (data.phones) view.lines = linesOf(data.phones, eventId);
  if (data.profession) view.profession = { ...data.profession, eventIds: [eventId] };
  if (data.audience) view.audience = data.audience;
  if (data.country) view.country = data.country;
  if (data.timeZone) view.timeZone = data.timeZone;
  view.registeredEventIds = [...view.registeredEventIds, eventId];
}

function withdraw(draft: Draft, consentId: string | null, at: string, eventId: string): void {
  for (const [id, consent] of draft.consents) {
    if ((consentId === null || consentId === id) && consent.withdrawnAt === null) {
      draft.consents.set(id, { ...consent, withdrawnAt: at, eventIds: [...consent.eventIds, eventId] });
    }
  }
}

function applyContactEvent(draft: Draft, event: RecordedEvent<ContactEvent>): void {
  const { view } = draft;
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'ContactDetailsRectified':
      return rectify(draft, event);
    case 'ConsentGiven': {
      const { data } = event;
      draft.consents.set(data.consentId, {
        purpose: data.purpose,
        channels: data.channels,
        campaignId: data.campaignId,
        productCategory: data.productCategory,
        givenAt: data.evidence.givenAt,
        withdrawnAt: null,
        expiresAt: data.expiresAt,
        eventIds: [event.eventId],
      });
      return;
    }
    case 'ConsentWithdrawn':
      return withdraw(draft, event.data.consentId, at, event.eventId);
    case 'PurchaseRecorded': {
      const { data } = event;
      view.purchases = [
        ...view.purchases,
        {
          productCategory: data.productCategory,
          purchasedAt: startOfDate(data.purchasedOn),
          contractEndsAt: data.contractEndsOn ? startOfDate(data.contractEndsOn) : null,
          eventIds: [event.eventId],
        },
      ];
      return;
    }
    case 'ObjectionRaised':
      view.objections = [...view.objections, { at, receivedByProcessorId: event.data.receivedVia.processorId, eventIds: [event.eventId] }];
      return;
    case 'ErasureRequested':
      view.erasure = { requestedAt: view.erasure?.requestedAt ?? at, completedAt: null, eventIds: [...(view.erasure?.eventIds ?? []), event.eventId] };
      return;
    case 'ErasureCompleted':
      view.erasure = { requestedAt: view.erasure?.requestedAt ?? null, completedAt: at, eventIds: [...(view.erasure?.eventIds ?? []), event.eventId] };
      return;
    default:
      // Complaints, access requests and processors' erasure confirmations do not bear on eligibility.
      return;
  }
}

function applyCallEvent(draft: Draft, event: RecordedEvent<CallEvent>, options: FoldContactOptions): void {
  if (event.type === 'CallAttempted') {
    const { data } = event;
    draft.attempts.set(data.callId, {
      at: data.startedAt,
      processorId: data.processorId,
      campaignId: data.campaignId,
      similarProductGroup: options.similarProductGroupOf?.(data.campaignId) ?? null,
      result: data.result,
      callOutcome: null,
      callbackAt: null,
      eventIds: [event.eventId],
    });
  } else if (event.type === 'CallOutcomeRecorded') {
    const attempt = draft.attempts.get(event.data.callId);
    if (!attempt) return;
    draft.attempts.set(event.data.callId, {
      ...attempt,
      callOutcome: event.data.outcome,
      callbackAt: event.data.callbackAt,
      eventIds: [...attempt.eventIds, event.eventId],
    });
  }
}

const CALL_EVENT_TYPES = new Set(['CallAttempted', 'PrivacyNoticeGiven', 'RecordingNoticeGiven', 'RecordingStarted', 'CallOutcomeRecorded', 'CallNoteRecorded', 'EmailSent']);

function isCallEvent(event: ContactOrCallEvent): event is RecordedEvent<CallEvent> {
  return CALL_EVENT_TYPES.has(event.type);
}

/** When the data must be erased: customers after the last purchase, prospects after the last contact. */
function retentionExpiry(draft: Draft, retention: NonNullable<FoldContactOptions['retention']>): string {
  const { view } = draft;
  const latest = (moments: string[]) => Math.max(...moments.map((moment) => Date.parse(moment)));
  if (view.purchases.length > 0) {
    const lastPurchase = latest(view.purchases.map((purchase) => purchase.contractEndsAt ?? purchase.purchasedAt));
    return new Date(plusMonths(lastPurchase, retention.policy.customerMonths)).toISOString();
  }
  const lastContact = latest([draft.registeredAt, ...[...draft.attempts.values()].map((attempt) => attempt.at)]);
  return new Date(plusMonths(lastContact, retention.policy.prospectMonths)).toISOString();
}

/**
 * The contact's eligibility view, folded from its contact stream and the call streams about it, in
 * the order given (use `cutOff` first for a past moment). Null before the contact is registered.
 */
export function foldContactView(
  events: readonly ContactOrCallEvent[],
  options: FoldContactOptions = {},
): ContactEligibilityView | null {
  let draft: Draft | null = null;
  for (const event of events) {
    if (event.type === 'ContactRegistered') draft = register(event);
    else if (!draft) continue;
    else if (isCallEvent(event)) applyCallEvent(draft, event, options);
    else applyContactEvent(draft, event);
  }
  if (!draft) return null;
  return {
    ...draft.view,
    consents: [...draft.consents.values()],
    attempts: [...draft.attempts.values()],
    retentionExpiresAt: options.retention
      ? { at: retentionExpiry(draft, options.retention), eventIds: options.retention.eventIds }
      : null,
  };
}
