import { markdownTable as plainTable } from '../audit/table-format';

/** Markdown for the evidence packs and the CTM report: tables of any values, empty cells as a dash. */

function cellText(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return plainTable(headers, rows.map((row) => row.map(cellText)));
}

/** A table, or a line saying there is nothing to show. */
export function markdownTableOrNone(headers: readonly string[], rows: readonly (readonly unknown[])[], none: string): string {
  return rows.length === 0 ? `_${none}_` : markdownTable(headers, rows);
}

/** `2026-03-01T09:30:00.000Z` → `2026-03-01 09:30 UTC`; null stays a dash. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '—';
  return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
