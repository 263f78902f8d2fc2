import type { AppendResult } from '@calltrail/event-store';
import type { Database } from '@calltrail/sql';
import { headsAfter, planAppendBatch, writeAppendBatch, type BatchPlan, type HeadSource } from './append-batch';
import type { AppendRequest } from './append-request';
import { StreamHeadCache } from './stream-heads';

export interface GroupCommitLimits {
  /** Most appends one transaction takes. */
  maxAppends: number;
  /** Most events one transaction takes (a single larger append still goes alone). */
  maxEvents: number;
  /**
   * When nothing is in the database, a queue of at least this many events is split in two, so the
   * second half is planned while the first is written (`Infinity`, the default: never split). A
   * split doubles the commits: it pays only when a commit's flush is quicker than planning the
   * whole queue in Node.js (docs/benchmarks.md).
   */
  minEventsToSplit: number;
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

interface Batch {
  pending: Pending[];
  /** Planned when taken from the queue: against the heads the batch before it leaves, if any. */
  plan: BatchPlan;
}

/**
 * Queues concurrent appends and writes them together, one transaction at a time: while one runs,
 * the appends queued meanwhile are planned (against the heads that transaction leaves), and they
 * go in the next one as soon as it has committed. So Node.js plans batch N+1 while the database
 * writes batch N. When nothing is in the database, a large queue can be split in two, so that the
 * second half is planned while the first is written (`minEventsToSplit`). No timer: a lone append
 * is written at once.
 *
 * A batch is sent only after the one before has settled, its fallback included: commits keep the
 * order of the queue, and a plan made ahead is used only if the heads it assumed are the ones
 * committed (otherwise it is planned again; `append_events` checks it under the lock anyway).
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
    let batch = this.takeBatch(true, this.heads);
    while (batch) {
      const writing = this.flush(batch.pending, batch.plan);
      // Let the callers answered by the batch before queue their next appends, then plan them.
      await new Promise((resolve) => setImmediate(resolve));
      const following = this.takeBatch(false, headsAfter(batch.plan, this.heads));
      await writing;
      batch = following ?? this.takeBatch(true, this.heads);
    }
  }

  /** The next batch from the queue, up to the limits (half of it when `split` and it is large), planned. */
  private takeBatch(split: boolean, heads: HeadSource): Batch | null {
    let events = 0;
    let count = 0;
    for (const pending of this.queue) {
      if (count > 0 && (count >= this.limits.maxAppends || events + pending.request.events.length > this.limits.maxEvents)) break;
      events += pending.request.events.length;
      count += 1;
    }
    if (count === 0) return null;
    if (split && count > 1 && events >= this.limits.minEventsToSplit) count = Math.ceil(count / 2);
    const pending = this.queue.splice(0, count);
    return { pending, plan: planAppendBatch(pending.map((each) => each.request), heads) };
  }

  private async flush(batch: Pending[], plan?: BatchPlan): Promise<void> {
    let outcomes;
    try {
      outcomes = await writeAppendBatch(
        this.db,
        batch.map((pending) => pending.request),
        this.heads,
        plan,
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
