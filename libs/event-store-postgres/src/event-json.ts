import type { RecordedEvent } from '@calltrail/event-store';

/**
 * The canonical JSON of an event is `{"data":…,"eventId":…,"metadata":…,"streamId":…,
 * "streamVersion":…,"type":…}` (keys sorted). Everything but the version is known when an append
 * is queued: this is the text before and after the version, and the canonical data and metadata
 * (made by the port's checks), which are also the text the events table stores (jsonb does not
 * keep key order anyway).
 */
export interface EventJson {
  data: string;
  metadata: string;
  beforeVersion: string;
  afterVersion: string;
}

/** The event's JSON texts; `streamIdJson` is `JSON.stringify(streamId)`, made once per append. */
export function eventJson(event: RecordedEvent, streamIdJson: string): EventJson {
  const data = event.dataJson;
  const metadata = event.storedMetadataJson;
  return {
    data,
    metadata,
    beforeVersion: `{"data":${data},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadata},"streamId":${streamIdJson},"streamVersion":`,
    afterVersion: `,"type":${JSON.stringify(event.type)}}`,
  };
}
