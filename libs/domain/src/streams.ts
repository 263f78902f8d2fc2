import { DNC_REGISTRIES, type DncRegistry } from './values';

/** The kinds of stream, and how their ids are written. */
export const STREAM_KINDS = ['contact', 'call', 'campaign', 'processor', 'registry', 'organisation'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export const ORGANISATION_STREAM_ID = 'organisation';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

function uuidStream(kind: 'contact' | 'call' | 'campaign' | 'processor', id: string): string {
  if (!isUuid(id)) throw new RangeError(`${kind} id must be a UUID`);
  return `${kind}-${id.toLowerCase()}`;
}

export const contactStreamId = (contactId: string): string => uuidStream('contact', contactId);
export const callStreamId = (callId: string): string => uuidStream('call', callId);
export const campaignStreamId = (campaignId: string): string => uuidStream('campaign', campaignId);
export const processorStreamId = (processorId: string): string => uuidStream('processor', processorId);

export function registryStreamId(registry: DncRegistry): string {
  if (!DNC_REGISTRIES.includes(registry)) throw new RangeError(`unknown registry ${String(registry)}`);
  return `registry-${registry}`;
}

export interface ParsedStreamId {
  kind: StreamKind;
  /** The UUID, the registry code, or null for the organisation stream. */
  id: string | null;
}

/** Reads a stream id back into its kind and id; null when it is not one of ours. */
export function parseStreamId(streamId: string): ParsedStreamId | null {
  if (streamId === ORGANISATION_STREAM_ID) return { kind: 'organisation', id: null };
  const dash = streamId.indexOf('-');
  if (dash < 0) return null;
  const kind = streamId.slice(0, dash);
  const id = streamId.slice(dash + 1);
  if (kind === 'registry') {
    return (DNC_REGISTRIES as readonly string[]).includes(id) ? { kind, id } : null;
  }
  if (kind === 'contact' || kind === 'call' || kind === 'campaign' || kind === 'processor') {
    return isUuid(id) ? { kind, id } : null;
  }
  return null;
}
