import type { StoredEvent } from '@calltrail/event-store';
import { mapPersonalFields, isEventType, type RecordedEvent } from '@calltrail/domain';

/** The contact events the contact fold reads; the others (complaints, access requests…) do not bear on eligibility. */
export const CONTACT_FOLD_TYPES = new Set([
  'ContactRegistered',
  'ContactDetailsRectified',
  'ConsentGiven',
  'ConsentWithdrawn',
  'PurchaseRecorded',
  'ObjectionRaised',
  'ErasureRequested',
  'ErasureCompleted',
]);

/** The call events the contact fold reads (pacing, refusals, callbacks). */
export const CALL_FOLD_TYPES = new Set(['CallAttempted', 'CallOutcomeRecorded']);

/** Processor events kept in the processor's document; data shares go to their own table. */
export const PROCESSOR_FOLD_TYPES = new Set([
  'ProcessorRegistered',
  'ProcessorAgreementSigned',
  'ProcessorAgreementEnded',
  'TransferSafeguardRecorded',
]);

/**
 * An event as a fold reads it: id, type, data and its two moments — every personal field removed
 * (not sealed: removed), so a read model never holds personal data, not even encrypted.
 */
export function toFoldInput(event: StoredEvent): RecordedEvent {
  const data = isEventType(event.type) ? mapPersonalFields(event.type, event.data, () => null) : event.data;
  return {
    eventId: event.eventId,
    type: event.type,
    data,
    metadata: { occurredAt: event.metadata.occurredAt, recordedAt: event.metadata.recordedAt },
  } as unknown as RecordedEvent;
}
