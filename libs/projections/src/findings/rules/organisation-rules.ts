import type { RecordedEvent } from '@calltrail/domain';
import { finding, HOUR_MS, ofType, plus, type FindingDraft } from './finding';

/** GDPR Art. 33: notify the supervisory authority within 72 hours of becoming aware (002). */
export const BREACH_NOTIFICATION_HOURS = 72;

/** BREACH_NOTIFICATION_LATE: notified after 72 hours (resolved when notified), or not at all yet. */
export function organisationFindings(events: readonly RecordedEvent[]): FindingDraft[] {
  return ofType(events, 'BreachDetected').flatMap((breach) => {
    const { breachId, detectedAt, processorId } = breach.data;
    const dueAt = plus(detectedAt, BREACH_NOTIFICATION_HOURS * HOUR_MS);
    const notice = ofType(events, 'BreachNotified')
      .filter((notified) => notified.data.breachId === breachId)
      .sort((a, b) => Date.parse(a.data.notifiedAt) - Date.parse(b.data.notifiedAt))[0];
    if (notice && Date.parse(notice.data.notifiedAt) <= Date.parse(dueAt)) return [];
    const lateHours = notice ? Math.round((Date.parse(notice.data.notifiedAt) - Date.parse(detectedAt)) / HOUR_MS) : null;
    return [
      finding({
        findingId: `BREACH_NOTIFICATION_LATE:${breachId}`,
        code: 'BREACH_NOTIFICATION_LATE',
        occurredAt: new Date(detectedAt).toISOString(),
        dueAt,
        resolvedAt: notice ? new Date(notice.data.notifiedAt).toISOString() : null,
        resolvedBy: notice?.eventId ?? null,
        eventIds: notice ? [breach.eventId, notice.eventId] : [breach.eventId],
        processorId,
        message: notice
          ? `The breach was notified to ${notice.data.authority} ${lateHours} hours after it was detected.`
          : 'The breach has not been notified to the supervisory authority.',
        details: { breachId, authority: notice?.data.authority ?? null, hoursToNotify: lateHours },
      }),
    ];
  });
}
