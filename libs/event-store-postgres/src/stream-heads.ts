import { GENESIS_HASH } from '@calltrail/event-store';

export interface StreamHead {
  version: number;
  lastHash: string;
}

export const EMPTY_HEAD: StreamHead = { version: 0, lastHash: GENESIS_HASH };

/**
 * What this process believes the last version and hash of recently used streams are. A belief
 * is only a starting point: the append statement checks it against the stream's head row, and a stale
 * one (another process appended) is corrected from the database's answer. Bounded: the oldest
 * entries are forgotten first.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 100_000) {}

  get(streamId: string): StreamHead {
    return this.heads.get(streamId) ?? EMPTY_HEAD;
  }

  set(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }
}
