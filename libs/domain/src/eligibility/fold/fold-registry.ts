import type { RegistryEvent } from '../../events/registry.events';
import type { DncRegistry } from '../../values';
import type { RegistryEligibilityView } from '../views';
import type { RecordedEvent } from './recorded-event';

export interface SnapshotInForce {
  registry: DncRegistry;
  version: string;
  takenAt: string;
  eventIds: string[];
}

/**
 * The snapshot of each registry in force after the events given (the one taken last); use `cutOff`
 * first for a past moment. The numbers of a snapshot are keyed hashes in a table, not in the event.
 */
export function snapshotsInForce(events: readonly RecordedEvent<RegistryEvent>[]): SnapshotInForce[] {
  const latest = new Map<DncRegistry, SnapshotInForce>();
  for (const { data, eventId } of events) {
    const current = latest.get(data.registry);
    if (!current || Date.parse(data.takenAt) >= Date.parse(current.takenAt)) {
      latest.set(data.registry, { registry: data.registry, version: data.version, takenAt: data.takenAt, eventIds: [eventId] });
    }
  }
  return [...latest.values()];
}

/**
 * The registry view of one number: for each snapshot in force, whether it lists the number, as told
 * by `isListed` (a lookup of the number's keyed hash in the snapshot's table).
 */
export function registryView(
  snapshots: readonly SnapshotInForce[],
  isListed: (registry: DncRegistry, snapshotVersion: string) => boolean,
): RegistryEligibilityView {
  return {
    listings: snapshots.map((snapshot) => ({
      registry: snapshot.registry,
      snapshotVersion: snapshot.version,
      listed: isListed(snapshot.registry, snapshot.version),
      eventIds: snapshot.eventIds,
    })),
  };
}
