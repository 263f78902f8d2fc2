/**
 * Event ids are unique across the whole ledger, but EventStoreDB deduplicates ids only within a
 * stream, by position, and never compares content. So before appending an event whose id the caller
 * gave, the adapter claims the id: it appends one `$calltrail-event-id` event to the stream
 * `[streamPrefix]calltrail-event-id-<id>` with expected revision "no stream". The first claim wins; a later append
 * with the same id learns from the claim which stream holds (or was to hold) the original.
 *
 * A claim is written before the event; if the process dies in between, the claim remains without
 * an event. Such a claim only binds the id to its stream: the next append there finds no stored
 * event and writes it. The `$` type makes claims system events, skipped by readAll, subscriptions
 * and verify.
 */
import { randomUUID } from 'node:crypto';
import { ErrorType, jsonEvent, NO_STREAM, type EventStoreDBClient } from '@eventstore/db-client';

export const CLAIM_STREAM_PREFIX = 'calltrail-event-id-';
export const CLAIM_EVENT_TYPE = '$calltrail-event-id';

export interface EventIdClaim {
  eventId: string;
  streamId: string;
}

/** Claims each id for `streamId`; returns the claims that already existed (for any stream). */
export async function claimEventIds(
  client: EventStoreDBClient,
  streamPrefix: string,
  streamId: string,
  eventIds: readonly string[],
): Promise<EventIdClaim[]> {
  const claimStream = (eventId: string) => `${streamPrefix}${CLAIM_STREAM_PREFIX}${eventId}`;
  const outcomes = await Promise.all(eventIds.map((eventId) => claimOne(client, claimStream(eventId), streamId, eventId)));
  return outcomes.filter((claim): claim is EventIdClaim => claim !== null);
}

async function claimOne(
  client: EventStoreDBClient,
  claimStream: string,
  streamId: string,
  eventId: string,
): Promise<EventIdClaim | null> {
  const claim = jsonEvent({ id: randomUUID(), type: CLAIM_EVENT_TYPE, data: { eventId, streamId } });
  try {
    await client.appendToStream(claimStream, claim, { expectedRevision: NO_STREAM });
    return null;
  } catch (error) {
    if ((error as { type?: string }).type !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
    return { eventId, streamId: await claimedStream(client, claimStream) };
  }
}

async function claimedStream(client: EventStoreDBClient, claimStream: string): Promise<string> {
  // Read to the end: leaving a read early keeps its gRPC call open until the client is disposed.
  const claims = [];
  for await (const resolved of client.readStream(claimStream, { maxCount: 1 })) claims.push(resolved);
  const data = claims[0]?.event?.data as { streamId?: string } | undefined;
  if (!data?.streamId) throw new Error(`The claim ${claimStream} names no stream`);
  return data.streamId;
}
