import * as crypto from 'node:crypto';
import { prepareRecordedAppend, type ExpectedVersion, type RecordedEvent } from '@calltrail/event-store';
import { eventJson, type EventJson } from './event-json';

/**
 * A checked event (see the port's `prepareRecordedAppend`) serialised once, before it is queued:
 * its canonical JSON is both what the hash covers and what the events table stores, so a group
 * commit only splices in versions and hashes.
 */
export interface HashReadyEvent extends RecordedEvent {
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
  const checked = prepareRecordedAppend(streamId, events, expectedVersion, recordedAt);
  const streamIdJson = JSON.stringify(checked.streamId);
  for (const event of checked.events) (event as HashReadyEvent).json = eventJson(event, streamIdJson);
  return checked as AppendRequest;
}

/** The port's `computeEventHash` of the event at a version after `prevHash`, from its prepared JSON. */
export function hashAt(event: HashReadyEvent, prevHash: string, streamVersion: number): string {
  const { beforeVersion, afterVersion } = event.json;
  return sha256Hex(prevHash + beforeVersion + streamVersion + afterVersion);
}

/** `crypto.hash` (Node.js 20.12 and later) hashes a short text in one call, a third quicker than `createHash`. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
