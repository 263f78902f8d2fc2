import type { EventMetadata, StoredEvent } from '@calltrail/event-store';

/** The columns every read selects, in the shape `toStoredEvent` expects. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, data, metadata, prev_hash, hash';

export interface EventRow {
  global_position: number | string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  prev_hash: string;
  hash: string;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
