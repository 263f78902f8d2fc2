import type { StoredEvent } from '@calltrail/event-store';

/**
 * The store's events after `start` up to `head`, read once for several projections that each follow
 * at their own pace. Batch k is read right after batch k − 1, ahead of the fastest follower; a batch is
 * let go once every follower has passed it; a follower `window` batches ahead of the slowest waits.
 */
export class SharedRead {
  private readonly batches = new Map<number, Promise<StoredEvent[]>>();
  /** Reads not finished yet, let go or not. */
  private readonly reading = new Set<Promise<unknown>>();
  /** The next batch each follower still in it wants. */
  private readonly next = new Map<object, number>();
  private waiting: (() => void)[] = [];

  constructor(
    private readonly read: (after: number) => Promise<StoredEvent[]>,
    private readonly start: number,
    private readonly head: number,
    followers: readonly object[],
    private readonly window = 3,
  ) {
    for (const follower of followers) this.next.set(follower, 0);
  }

  /** Batch `index` (empty past the head), and the next one asked for ahead. */
  async batch(index: number): Promise<StoredEvent[]> {
    while (index > this.slowest() + this.window) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const events = await this.request(index);
    if (events.length > 0) void this.request(index + 1);
    return events;
  }

  /** The follower is done with batch `index`. */
  passed(follower: object, index: number): void {
    this.next.set(follower, index + 1);
    this.release();
  }

  /** The follower stops (done, aborted or failed): nobody waits for it any more. */
  leave(follower: object): void {
    this.next.delete(follower);
    this.release();
  }

  /** Waits for the reads still under way, so that none outlives the catch-up. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.reading]);
  }

  private request(index: number): Promise<StoredEvent[]> {
    let batch = this.batches.get(index);
    if (!batch) {
      const after = index === 0 ? Promise.resolve(this.start) : this.request(index - 1).then((events) => events.at(-1)?.globalPosition ?? null);
      batch = after.then((position) => (position === null || position >= this.head ? [] : this.read(position)));
      // Whoever awaits it gets the failure; a batch read ahead and never awaited must not be an unhandled rejection.
      const settled = batch.catch(() => undefined).finally(() => this.reading.delete(settled));
      this.reading.add(settled);
      this.batches.set(index, batch);
    }
    return batch;
  }

  private slowest(): number {
    return Math.min(...this.next.values());
  }

  private release(): void {
    const slowest = this.slowest();
    // The batch before the slowest's is kept: the next read starts after its last event.
    for (const index of this.batches.keys()) if (index < slowest - 1) this.batches.delete(index);
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}
