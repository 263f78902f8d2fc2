import type { StoredEvent } from '@calltrail/event-store';
import type { Migration, SqlQueryable } from '@calltrail/sql';
import type { ProjectionMemory } from './projection-memory';

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
  /**
   * `memory` is what the projection may keep between batches instead of reading it back from its
   * tables: the runner empties it whenever it may no longer match them (see ProjectionMemory).
   * Without it (a direct call), everything is read from the tables.
   */
  apply(tx: SqlQueryable, events: readonly StoredEvent[], memory?: ProjectionMemory): Promise<void>;
}

export function migrationModule(projection: Pick<Projection, 'name'>): string {
  return `projection:${projection.name}`;
}
