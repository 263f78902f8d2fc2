import type { AppendResult } from '@calltrail/event-store';
import type { Database } from '@calltrail/sql';
import { writeAppendBatch } from './append-batch';
import type { AppendRequest } from './append-request';
import { StreamHeadCache } from './stream-heads';

export interface GroupCommitLimits {
  /** Most appends one transaction takes. */
  maxAppends: number;
  /** Most events one transaction takes (a single larger append still goes alone). */
  maxEvents: number;
}

/** Counters to see group commit at work (tests, benchmarks, monitoring). */
export interface GroupCommitStats {
  /** Transactions that committed appends. */
  transactions: number;
  /** Appends settled (appended, retried or refused) by those transactions. */
  appends: number;
  /** Most appends that shared one transaction. */
  largestBatch: number;
}

interface Pending {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

/**
 * Queues concurrent appends and writes them together: while one transaction runs, new appends
 * wait in the queue; when it ends, everything queued (up to the limits) goes in the next one.
 * No timer: a lone append is written at once.
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  private readonly counters: GroupCommitStats = { transactions: 0, appends: 0, largestBatch: 0 };
  private readonly heads = new StreamHeadCache();

  constructor(
    private readonly db: Database,
    private readonly limits: GroupCommitLimits,
    private readonly onCommitted: () => void,
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.startDraining();
    });
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Resolves when every append submitted so far is settled. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private startDraining(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.queue.length > 0) this.startDraining();
    });
  }

  private async drain(): Promise<void> {
    // One microtask turn lets appends started in the same tick (Promise.all) join the first batch.
    await Promise.resolve();
    while (this.queue.length > 0) await this.flush(this.takeBatch());
  }

  private takeBatch(): Pending[] {
    let events = 0;
    let count = 0;
    for (const pending of this.queue) {
      if (count > 0 && (count >= this.limits.maxAppends || events + pending.request.events.length > this.limits.maxEvents)) break;
      events += pending.request.events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async flush(batch: Pending[]): Promise<void> {
    let outcomes;
    try {
      outcomes = await writeAppendBatch(
        this.db,
        batch.map((pending) => pending.request),
        this.heads,
      );
    } catch (error) {
      // Not a conflict (those are per append) but a database error: find whose append it is by
      // writing each one alone, so it fails only its own caller.
      if (batch.length === 1) return batch[0]!.reject(error as Error);
      for (const pending of batch) await this.flush([pending]);
      return;
    }
    this.counters.transactions += 1;
    this.counters.appends += batch.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    this.onCommitted();
    outcomes.forEach((outcome, index) => {
      const pending = batch[index]!;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }
}
