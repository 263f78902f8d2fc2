import {
  listPersonalValues,
  mapPersonalFields,
  personalDataSubject,
  type DecidedEvent,
  type DomainEvent,
} from '@calltrail/domain';
import type { PiiVault } from '@calltrail/pii-vault';

/**
 * The event with every personal field (per PERSONAL_FIELDS) sealed under its contact's key.
 * Fails with CONTACT_KEY_SHREDDED for an erased contact: nothing personal is stored for them again.
 */
export async function sealPersonalFields(vault: PiiVault, event: DecidedEvent): Promise<Record<string, unknown>> {
  const data = event.data as Record<string, unknown>;
  const values = listPersonalValues(event.type, data);
  if (values.length === 0) return data;
  const subject = personalDataSubject(event as DomainEvent);
  if (subject === null) throw new Error(`${event.type} has personal fields but names no contact`);
  const sealed = await Promise.all(values.map(({ value }) => vault.seal(subject, String(value))));
  let next = 0;
  return mapPersonalFields(event.type, data, () => sealed[next++]);
}
