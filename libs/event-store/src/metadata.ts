import type { EventMetadata, NewEvent, StoredEvent } from './port';

/** The members the store always records: the caller's, or the port's defaults, and the store's `recordedAt`. */
export function metadataDefaults(given: Record<string, unknown>, recordedAt: string) {
  return {
    occurredAt: given['occurredAt'] ?? recordedAt,
    recordedAt,
    actor: given['actor'] ?? null,
    correlationId: given['correlationId'] ?? null,
    causationId: given['causationId'] ?? null,
    schemaVersion: given['schemaVersion'] ?? 1,
  };
}

/** Completes a caller's metadata with the ledger's clock (a Date or its ISO text) and the defaults of the port. */
export function completeMetadata(event: NewEvent, recordedAt: Date | string): EventMetadata {
  const given = event.metadata ?? {};
  const recordedAtText = typeof recordedAt === 'string' ? recordedAt : recordedAt.toISOString();
  return { ...given, ...metadataDefaults(given, recordedAtText) } as EventMetadata;
}

/** Reads a stream and returns [] instead of throwing when it has no events. */
export async function readStreamOrEmpty(
  store: { readStream: (id: string) => Promise<StoredEvent[]> },
  streamId: string,
): Promise<StoredEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof Error && (error as { code?: string }).code === 'STREAM_NOT_FOUND') return [];
    throw error;
  }
}
