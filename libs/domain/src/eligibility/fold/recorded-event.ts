import type { DomainEvent } from '../../events/catalogue';

/** A domain event as the store hands it back: its id and its two moments (see domain.md, Time). */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & {
  eventId: string;
  metadata: { occurredAt: string; recordedAt: string };
};

/**
 * LEGAL: what had occurred in the world by T (the controller is liable for what its processors knew).
 * KNOWN: what the ledger had recorded by T (what it could have told the dialer).
 */
export type TimeBasis = 'LEGAL' | 'KNOWN';

export const TIME_BASES: readonly TimeBasis[] = ['LEGAL', 'KNOWN'];

function momentOf(event: RecordedEvent, basis: TimeBasis): number {
  const iso = basis === 'LEGAL' ? event.metadata.occurredAt : event.metadata.recordedAt;
  const moment = Date.parse(iso);
  if (Number.isNaN(moment)) {
    throw new RangeError(`event ${event.eventId}: metadata.${basis === 'LEGAL' ? 'occurredAt' : 'recordedAt'} is not an instant`);
  }
  return moment;
}

/**
 * The events that count at `at` on a basis, in the order to fold them: by `occurredAt` for LEGAL, by
 * `recordedAt` for KNOWN (events of the same moment keep the order given).
 */
export function cutOff<E extends RecordedEvent>(events: readonly E[], at: Date, basis: TimeBasis): E[] {
  if (!TIME_BASES.includes(basis)) throw new RangeError(`basis: must be LEGAL or KNOWN, got ${String(basis)}`);
  const atMs = at.getTime();
  if (Number.isNaN(atMs)) throw new RangeError('at: must be a valid Date');
  return events
    .map((event, index) => ({ event, index, moment: momentOf(event, basis) }))
    .filter(({ moment }) => moment <= atMs)
    .sort((a, b) => a.moment - b.moment || a.index - b.index)
    .map(({ event }) => event);
}

/** A calendar date (`YYYY-MM-DD`) of an event as an instant: its start, in UTC. */
export function startOfDate(date: string): string {
  return `${date}T00:00:00.000Z`;
}
