import type { StoredEvent } from '@calltrail/event-store';
import type { Migration, SqlQueryable } from '@calltrail/sql';

/**
 * A projection: read models kept up to date from the store's global order. `apply` receives a batch
 * of events in order, inside the transaction that also moves the checkpoint, so the read models
 * and the checkpoint always move together.
 */
export interface Projection {
  /** Stable name: the checkpoint's key and the migrations' module (`projection:<name>`). */
  readonly name: string;
  /** Bump it when `apply` changes meaning: a runner that finds an older version rebuilds. */
  readonly version: number;
  readonly migrations: readonly Migration[];
  /** The tables a rebuild empties before replaying from zero. */
  readonly tables: readonly string[];
  apply(tx: SqlQueryable, events: readonly StoredEvent[]): Promise<void>;
}

export function migrationModule(projection: Pick<Projection, 'name'>): string {
  return `projection:${projection.name}`;
}
