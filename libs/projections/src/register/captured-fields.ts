import type { DataCategory } from '@calltrail/domain';

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The categories a registration or rectification captured: which fields hold a (sealed) value, never the value. */
export function capturedFields(data: Record<string, unknown>): DataCategory[] {
  const profession = data['profession'] as { role?: string | null; sector?: string | null } | undefined;
  const fields: [DataCategory, boolean][] = [
    ['name', present(data['name'])],
    ['phone', present(data['phones'])],
    ['email', present(data['emails'])],
    ['company', present(data['company'])],
    ['job_title', present(data['jobTitle'])],
    ['profession', !!(profession?.role || profession?.sector)],
  ];
  return fields.filter(([, captured]) => captured).map(([category]) => category);
}
