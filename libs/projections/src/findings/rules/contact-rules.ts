import { LIST_SOURCE_KINDS, type RecordedEvent } from '@calltrail/domain';
import { DAY_MS, finding, ofType, plus, type FindingDraft } from './finding';

/** GDPR Art. 12(3) and 17: one month, counted as 30 days (001). */
export const REQUEST_DEADLINE_DAYS = 30;

/**
 * FIRST_CONTACT_WITHOUT_NOTICE: the first answered call to a contact from a bought or rented list
 * must give the privacy notice and name the source (Art. 14; 004).
 */
function firstContactWithoutNotice(events: readonly RecordedEvent[]): FindingDraft[] {
  const registered = ofType(events, 'ContactRegistered')[0];
  if (!registered || !LIST_SOURCE_KINDS.includes(registered.data.source.kind)) return [];
  const first = ofType(events, 'CallAttempted')
    .filter((attempt) => attempt.data.result === 'answered')
    .sort((a, b) => Date.parse(a.metadata.occurredAt) - Date.parse(b.metadata.occurredAt))[0];
  if (!first) return [];
  const notices = ofType(events, 'PrivacyNoticeGiven').filter((notice) => notice.data.callId === first.data.callId);
  if (notices.some((notice) => notice.data.dataSourceDisclosed)) return [];
  const { callId, contactId, campaignId, processorId } = first.data;
  return [
    finding({
      findingId: `FIRST_CONTACT_WITHOUT_NOTICE:${contactId}`,
      code: 'FIRST_CONTACT_WITHOUT_NOTICE',
      occurredAt: first.metadata.occurredAt,
      eventIds: [registered.eventId, first.eventId, ...notices.map((notice) => notice.eventId)],
      callId,
      contactId,
      campaignId,
      processorId,
      message:
        notices.length === 0
          ? `The first answered call to a contact from a ${registered.data.source.kind.replace('_', ' ')} gave no privacy notice.`
          : 'The privacy notice on the first answered call did not name the source of the data.',
      details: { sourceKind: registered.data.source.kind, provider: registered.data.source.provider ?? null },
    }),
  ];
}

/** The first of each processor's receipts of the contact's data. */
function recipients(events: readonly RecordedEvent[]): Map<string, string> {
  const byProcessor = new Map<string, string>();
  for (const share of ofType(events, 'DataSharedWithProcessor')) {
    if (!byProcessor.has(share.data.processorId)) byProcessor.set(share.data.processorId, share.eventId);
  }
  return byProcessor;
}

type Step = Extract<RecordedEvent, { type: 'ErasureCompleted' | 'ProcessorErasureConfirmed' }>;

/**
 * ERASURE_OVERDUE: within 30 days the ledger's own erasure (ErasureCompleted) and a confirmation from
 * every processor that received the data (001). Met late, it stays a finding, resolved when met.
 */
function erasureOverdue(events: readonly RecordedEvent[]): FindingDraft[] {
  const shares = recipients(events);
  return ofType(events, 'ErasureRequested').flatMap((request) => {
    const { requestId, contactId } = request.data;
    const dueAt = plus(request.metadata.occurredAt, REQUEST_DEADLINE_DAYS * DAY_MS);
    const completed = ofType(events, 'ErasureCompleted').find((done) => done.data.requestId === requestId);
    const confirmedBy = new Map<string, Step>();
    for (const confirmed of ofType(events, 'ProcessorErasureConfirmed')) {
      if (confirmed.data.requestId === requestId && !confirmedBy.has(confirmed.data.processorId)) confirmedBy.set(confirmed.data.processorId, confirmed);
    }
    const awaiting = [...shares.keys()].filter((processorId) => !confirmedBy.has(processorId));
    const steps: Step[] = [...(completed ? [completed] : []), ...[...shares.keys()].flatMap((processorId) => confirmedBy.get(processorId) ?? [])];
    const last = completed && awaiting.length === 0 ? latest(steps) : null;
    if (last && atOrBefore(last.metadata.occurredAt, dueAt)) return [];
    const missing = [!completed && 'not completed by the ledger', awaiting.length > 0 && `not confirmed by ${awaiting.length} processor(s) that received the data`];
    return [
      finding({
        findingId: `ERASURE_OVERDUE:${requestId}`,
        code: 'ERASURE_OVERDUE',
        occurredAt: request.metadata.occurredAt,
        dueAt,
        resolvedAt: last?.metadata.occurredAt ?? null,
        resolvedBy: last?.eventId ?? null,
        eventIds: [request.eventId, ...steps.map((step) => step.eventId), ...awaiting.map((processorId) => shares.get(processorId)!)],
        contactId,
        message: last
          ? 'The erasure was completed and confirmed by every processor, but after 30 days.'
          : `Erasure requested on ${request.metadata.occurredAt}: ${missing.filter(Boolean).join('; ')}.`,
        details: { requestId, erasureCompleted: completed !== undefined, awaitingProcessors: awaiting },
      }),
    ];
  });
}

function latest<E extends RecordedEvent>(events: readonly E[]): E {
  return [...events].sort((a, b) => Date.parse(a.metadata.occurredAt) - Date.parse(b.metadata.occurredAt)).at(-1)!;
}

function atOrBefore(a: string, b: string): boolean {
  return Date.parse(a) <= Date.parse(b);
}

/** ACCESS_REQUEST_OVERDUE: an access request answered (AccessFulfilled) after 30 days, or not yet. */
function accessRequestOverdue(events: readonly RecordedEvent[]): FindingDraft[] {
  return ofType(events, 'AccessRequested').flatMap((request) => {
    const { requestId, contactId } = request.data;
    const dueAt = plus(request.metadata.occurredAt, REQUEST_DEADLINE_DAYS * DAY_MS);
    const answer = ofType(events, 'AccessFulfilled').find((fulfilled) => fulfilled.data.requestId === requestId);
    if (answer && atOrBefore(answer.metadata.occurredAt, dueAt)) return [];
    return [
      finding({
        findingId: `ACCESS_REQUEST_OVERDUE:${requestId}`,
        code: 'ACCESS_REQUEST_OVERDUE',
        occurredAt: request.metadata.occurredAt,
        dueAt,
        resolvedAt: answer?.metadata.occurredAt ?? null,
        resolvedBy: answer?.eventId ?? null,
        eventIds: answer ? [request.eventId, answer.eventId] : [request.eventId],
        contactId,
        message: answer ? 'The access request was answered after 30 days.' : `The access request of ${request.metadata.occurredAt} is not answered.`,
        details: { requestId },
      }),
    ];
  });
}

/** The findings of one contact: its stream, the calls to it, and the shares of its data. */
export function contactFindings(events: readonly RecordedEvent[]): FindingDraft[] {
  return [...firstContactWithoutNotice(events), ...erasureOverdue(events), ...accessRequestOverdue(events)];
}
