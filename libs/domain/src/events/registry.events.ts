import type { DncRegistry, Instant } from '../values';

/**
 * Events of the registry stream `registry-<BE_DNCM|FR_BLOCTEL|UK_TPS>`. The numbers of a snapshot
 * are stored as keyed hashes in a table, never in the event; the digest ties the table to the event.
 */
export interface DncSnapshotImported {
  type: 'DncSnapshotImported';
  data: {
    registry: DncRegistry;
    version: string;
    takenAt: Instant;
    /** How many numbers the snapshot holds. */
    count: number;
    /** SHA-256 (hex) over the sorted keyed hashes of the snapshot. */
    digest: string;
  };
}

export type RegistryEvent = DncSnapshotImported;
