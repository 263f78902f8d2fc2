import { isEventType, isSealed, listPersonalValues, mapPersonalFields } from '@calltrail/domain';
import type { StoredEvent } from '@calltrail/event-store';
import type { PiiVault } from '@calltrail/pii-vault';

/**
 * The event's data with every personal field opened with the vault: the plaintext, or null once
 * the contact's key is destroyed. Only for the contact's own dossier; nothing opened is stored.
 */
export async function openPersonalFields(vault: PiiVault, event: StoredEvent): Promise<Record<string, unknown>> {
  if (!isEventType(event.type)) return event.data;
  const opened: unknown[] = [];
  for (const { value } of listPersonalValues(event.type, event.data)) {
    opened.push(isSealed(value) ? await vault.open(value) : null);
  }
  let next = 0;
  return mapPersonalFields(event.type, event.data, () => opened[next++]);
}
