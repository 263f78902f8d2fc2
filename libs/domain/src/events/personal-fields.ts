import { PERSONAL_FIELDS, type EventType } from './catalogue';

/**
 * Applies `transform` to every personal value of an event's data (per `PERSONAL_FIELDS`) and
 * returns a copy; everything else is left untouched. Used to seal before an append and to open
 * after a read. Absent and null values are not passed to `transform`.
 */
export function mapPersonalFields(
  type: EventType,
  data: Record<string, unknown>,
  transform: (value: unknown, path: string) => unknown,
): Record<string, unknown> {
  let result = data;
  for (const path of PERSONAL_FIELDS[type]) {
    result = mapPath(result, path.split('.'), path, transform) as Record<string, unknown>;
  }
  return result;
}

function mapPath(
  node: unknown,
  segments: string[],
  path: string,
  transform: (value: unknown, path: string) => unknown,
): unknown {
  if (node === null || node === undefined) return node;
  const [head, ...rest] = segments;
  if (head === undefined) return transform(node, path);
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  const record = node as Record<string, unknown>;
  if (!(key in record) || record[key] === null || record[key] === undefined) return node;
  const value = record[key];
  const mapped = isArray
    ? Array.isArray(value)
      ? value.map((element) => mapPath(element, rest, path, transform))
      : value
    : mapPath(value, rest, path, transform);
  return { ...record, [key]: mapped };
}

/** Every personal value in an event's data, with its path (e.g. to check nothing is left unsealed). */
export function listPersonalValues(type: EventType, data: Record<string, unknown>): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  mapPersonalFields(type, data, (value, path) => {
    found.push({ path, value });
    return value;
  });
  return found;
}
