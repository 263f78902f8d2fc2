export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds of an ISO-8601 instant from a view; a malformed one is a bug upstream, named here. */
export function ms(iso: string, field: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new RangeError(`${field}: "${iso}" is not an ISO-8601 instant`);
  return value;
}

/**
 * Calendar months later, counted in UTC, the day clamped to the month's end (a term of 36 months
 * from 2023-07-01 ends on 2026-07-01; one month from 31 January ends on 28 or 29 February).
 */
export function plusMonths(atMs: number, months: number): number {
  const date = new Date(atMs);
  const target = new Date(atMs);
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}
