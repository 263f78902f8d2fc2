import type { EventStore } from '@calltrail/event-store';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import type { Database } from '@calltrail/sql';

/**
 * Brings one projection's read models up to the store's head before a report reads them (the command
 * line, where no runner may be following the store), unless another runner holds the projection
 * (`calltrail serve` keeps it current): then it does not wait, and the report states the checkpoint
 * it reflects.
 */
export async function catchUpReadModel(db: Database, store: EventStore, projection: string): Promise<void> {
  const heldElsewhere = new AbortController();
  // A runner of this projection alone: it prepares (migrates) only the tables the report reads.
  const only = allProjections().filter((each) => each.name === projection);
  await new ProjectionRunner(db, store, only).catchUp(undefined, {
    signal: heldElsewhere.signal,
    onWait: () => heldElsewhere.abort(),
  });
}
