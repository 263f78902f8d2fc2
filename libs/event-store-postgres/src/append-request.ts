import { createHash } from 'node:crypto';
import {
  completeMetadata,
  prepareAppend as checkAppend,
  type EventMetadata,
  type ExpectedVersion,
  type PreparedEvent,
} from '@calltrail/event-store';
import { eventJson, type EventJson } from './event-json';

/**
 * A checked event (see the port's `prepareAppend`) serialised once, before it is queued: its
 * canonical JSON is both what the hash covers and what the events table stores, so a group
 * commit only splices in versions and hashes.
 */
export interface HashReadyEvent extends PreparedEvent {
  /** The metadata as stored: the caller's, completed with the store's defaults and `recordedAt`. */
  storedMetadata: EventMetadata;
  json: EventJson;
}

export interface AppendRequest {
  streamId: string;
  events: HashReadyEvent[];
  expectedVersion: ExpectedVersion;
}

/**
 * Checks an append before it is queued (bad input fails alone, with the field and the rule) and
 * serialises its events. `recordedAt` is when the store accepted the append; the queue keeps that order.
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
      const json = eventJson({ ...event, metadata: storedMetadata, streamId: checked.streamId });
      return { ...event, storedMetadata, json };
    }),
  };
}

/** The port's `computeEventHash` of the event at a version after `prevHash`, from its prepared JSON. */
export function hashAt(event: HashReadyEvent, prevHash: string, streamVersion: number): string {
  const { beforeVersion, afterVersion } = event.json;
  return createHash('sha256').update(prevHash + beforeVersion + streamVersion + afterVersion).digest('hex');
}
