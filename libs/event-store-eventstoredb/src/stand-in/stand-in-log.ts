/**
 * The in-memory transaction log of the EventStoreDB stand-in: what the server keeps, in the
 * server's own terms (0-based stream revisions, byte-like log positions, event ids per stream).
 *
 * Append semantics follow the server's commit check:
 * - the expected revision is `-1` for "no stream", a revision, `any` or `stream_exists`;
 * - when the proposed events are already the events right after the expected revision (same ids,
 *   same order), the append is idempotent: nothing is written and the original revisions are
 *   returned without a log position, as the server does;
 * - for `any` / `stream_exists` a retry is recognised by finding the first proposed id in the
 *   stream followed by the other ids;
 * - a partial match is a wrong expected version.
 * The server compares ids only, never content; so does the stand-in.
 */

export type ExpectedRevision = bigint | 'no_stream' | 'any' | 'stream_exists';

export interface ProposedRecord {
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LogRecord extends ProposedRecord {
  streamId: string;
  revision: bigint;
  /** Commit and prepare position: every record is written self-committed, so both are the same. */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  createdTicks: bigint;
}

export type AppendOutcome =
  | { kind: 'written'; lastRevision: bigint; lastPosition: bigint }
  | { kind: 'idempotent'; lastRevision: bigint }
  | { kind: 'wrong_expected_version'; currentRevision: bigint | null };

/** Log record header size: the positions are byte offsets, as on the server. */
const RECORD_OVERHEAD = 96n;

export class StandInLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly listeners = new Set<(record: LogRecord) => void>();
  private nextPosition = 0n;

  /** The last record of a stream, or null when it has none. */
  currentRevision(streamId: string): bigint | null {
    const stream = this.streams.get(streamId);
    return stream?.length ? stream[stream.length - 1]!.revision : null;
  }

  streamRecords(streamId: string): readonly LogRecord[] | undefined {
    return this.streams.get(streamId);
  }

  allRecords(): readonly LogRecord[] {
    return this.records;
  }

  append(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedRecord[]): AppendOutcome {
    const current = this.currentRevision(streamId);
    const decision = this.checkCommit(streamId, current, expected, proposed);
    if (decision.kind !== 'write') return decision.outcome;
    if (proposed.length === 0) {
      return { kind: 'written', lastRevision: current ?? -1n, lastPosition: this.nextPosition };
    }
    let revision = current ?? -1n;
    let lastPosition = 0n;
    const createdTicks = BigInt(Date.now()) * 10_000n;
    for (const event of proposed) {
      revision += 1n;
      lastPosition = this.write({ ...event, streamId, revision, position: this.nextPosition, createdTicks });
    }
    return { kind: 'written', lastRevision: revision, lastPosition };
  }

  /** Calls `listener` for every record written from now on, in log order. Returns an unsubscribe. */
  onRecord(listener: (record: LogRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(record: LogRecord): bigint {
    this.records.push(record);
    const stream = this.streams.get(record.streamId) ?? [];
    stream.push(record);
    this.streams.set(record.streamId, stream);
    this.nextPosition += RECORD_OVERHEAD + BigInt(record.data.length + record.customMetadata.length);
    for (const listener of this.listeners) listener(record);
    return record.position;
  }

  private checkCommit(
    streamId: string,
    current: bigint | null,
    expected: ExpectedRevision,
    proposed: readonly ProposedRecord[],
  ): { kind: 'write' } | { kind: 'done'; outcome: AppendOutcome } {
    const wrong = { kind: 'done', outcome: { kind: 'wrong_expected_version', currentRevision: current } } as const;
    if (expected === 'stream_exists' && current === null) return wrong;
    if (expected === 'any' || expected === 'stream_exists') {
      const retried = this.findRetry(streamId, proposed);
      if (retried === 'partial') return wrong;
      return retried === null ? { kind: 'write' } : { kind: 'done', outcome: { kind: 'idempotent', lastRevision: retried } };
    }
    const expectedRevision = expected === 'no_stream' ? -1n : expected;
    const currentRevision = current ?? -1n;
    if (expectedRevision === currentRevision) return { kind: 'write' };
    if (expectedRevision > currentRevision) return wrong;
    const match = this.matchAt(streamId, expectedRevision + 1n, proposed);
    return match === 'all' && proposed.length > 0
      ? { kind: 'done', outcome: { kind: 'idempotent', lastRevision: expectedRevision + BigInt(proposed.length) } }
      : wrong;
  }

  /** For `any`: the last revision of an earlier identical append, 'partial', or null (a new append). */
  private findRetry(streamId: string, proposed: readonly ProposedRecord[]): bigint | 'partial' | null {
    const first = proposed[0];
    const stream = this.streams.get(streamId);
    if (!first || !stream) return null;
    const at = stream.find((record) => record.eventId === first.eventId);
    if (!at) return null;
    return this.matchAt(streamId, at.revision, proposed) === 'all' ? at.revision + BigInt(proposed.length) - 1n : 'partial';
  }

  private matchAt(streamId: string, fromRevision: bigint, proposed: readonly ProposedRecord[]): 'all' | 'partial' {
    const stream = this.streams.get(streamId) ?? [];
    const matches = proposed.every((event, i) => stream[Number(fromRevision) + i]?.eventId === event.eventId);
    return matches ? 'all' : 'partial';
  }
}
