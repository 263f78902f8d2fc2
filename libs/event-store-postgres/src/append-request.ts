import {
  completeMetadata,
  eventHasher,
  prepareAppend as checkAppend,
  type EventMetadata,
  type ExpectedVersion,
  type PreparedEvent,
} from '@calltrail/event-store';

/**
 * A checked event (see the port's `prepareAppend`) with its canonical JSON made before it is
 * queued, so a group commit only splices in versions and hashes.
 */
export interface HashReadyEvent extends PreparedEvent {
  /** The metadata as stored: the caller's, completed with the store's defaults and `recordedAt`. */
  storedMetadata: EventMetadata;
  hashAt: (prevHash: string, streamVersion: number) => string;
}

export interface AppendRequest {
  streamId: string;
  events: HashReadyEvent[];
  expectedVersion: ExpectedVersion;
}

/**
 * Checks an append before it is queued (bad input fails alone, with the field and the rule) and
 * prepares its hashing. `recordedAt` is when the store accepted the append; the queue keeps that order.
 */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  expectedVersion: unknown,
  recordedAt = new Date(),
): AppendRequest {
  const checked = checkAppend(streamId, events, expectedVersion);
  return {
    ...checked,
    events: checked.events.map((event) => {
      const storedMetadata = completeMetadata(event, recordedAt);
      const hashAt = eventHasher({ ...event, metadata: storedMetadata, streamId: checked.streamId });
      return { ...event, storedMetadata, hashAt };
    }),
  };
}
