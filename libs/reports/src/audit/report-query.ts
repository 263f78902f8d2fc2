import { isUuid } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';

/** A report asked for with a bad argument: the message names the field and the rule. */
export class ReportQueryError extends Error {
  override readonly name = 'ReportQueryError';
  readonly code = 'INVALID_REPORT_QUERY';

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function checkInstant(value: unknown, field: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new ReportQueryError(`${field}: must be an ISO-8601 date or instant`, field);
  return date;
}

export function checkOptionalUuid(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isUuid(value)) throw new ReportQueryError(`${field}: must be a UUID`, field);
  return value.toLowerCase();
}

/** A period `[from, to)`: `from` must come before `to`. */
export function checkPeriod(from: unknown, to: unknown): { from: Date; to: Date } {
  const period = { from: checkInstant(from, 'from'), to: checkInstant(to, 'to') };
  if (period.from.getTime() >= period.to.getTime()) throw new ReportQueryError('to: must be after from', 'to');
  return period;
}

/**
 * Reads the store in global order up to its head at the start, a batch at a time (a report is a
 * replay); returns that head, the checkpoint the report reflects.
 */
export async function forEachStoredEvent(
  store: Pick<EventStore, 'readAll' | 'headPosition'>,
  visit: (event: StoredEvent) => void,
  batchSize = 5_000,
): Promise<number> {
  const head = await store.headPosition();
  let after = 0;
  while (after < head) {
    const events = await store.readAll({ after, limit: batchSize });
    for (const event of events) if (event.globalPosition <= head) visit(event);
    if (events.length < batchSize) break;
    after = events.at(-1)!.globalPosition;
  }
  return head;
}
