import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { forEachStoredEvent } from '../audit/report-query';

/**
 * The events that pass `keep`, in global order, read from the store itself (not a read model), so
 * that a report is complete whether or not a projection has caught up.
 */
export async function collectEvents(
  store: Pick<EventStore, 'readAll' | 'headPosition'>,
  keep: (event: StoredEvent) => boolean,
): Promise<StoredEvent[]> {
  const kept: StoredEvent[] = [];
  await forEachStoredEvent(store, (event) => {
    if (keep(event)) kept.push(event);
  });
  return kept;
}

/** An event's `data` field as a string, or null. */
export function dataField(event: StoredEvent, field: string): string | null {
  const value = event.data[field];
  return typeof value === 'string' ? value : null;
}

/** True when the event happened (occurredAt) at or before `asOf`; always true without one. */
export function occurredBy(event: StoredEvent, asOf: Date | null): boolean {
  return asOf === null || Date.parse(event.metadata.occurredAt) <= asOf.getTime();
}
