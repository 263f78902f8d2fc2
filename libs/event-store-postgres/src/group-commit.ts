import type { AppendResult } from '@calltrail/event-store';
import type { Database } from '@calltrail/sql';
import {
  headsAfter,
  planAppendBatch,
  writeAppendBatch,
  type BatchPlan,
  type HeadSource,
  type Predecessor,
} from './append-batch';
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
   * split doubles the commits: it pays when the two halves are in the database at once
   * (`maxInFlight` 2), or when a commit's flush is quicker than planning the whole queue in Node.js.
   */
  minEventsToSplit: number;
  /**
   * Batches in the database at once, each on its own connection (an integer ≥ 1): the next is
   * sent while the others run. They insert and commit concurrently, except on a stream they share,
   * where a later batch waits for the earlier. Only with a split does a closed loop of writers
   * fill them all. PGlite, a single connection in this thread, gains nothing from more than 1.
   */
  maxInFlight: number;
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

interface InFlight {
  plan: BatchPlan;
  settled: Promise<void>;
}

/**
 * Queues concurrent appends and writes them together. While batches are in the database, the
 * appends queued meanwhile are planned (against the heads those batches leave). With `maxInFlight`
 * 1 they are sent once the batch before has committed; with more they are sent at once, on another
 * connection (see `writeAppendBatch`). A large queue can be split between the free places
 * (`minEventsToSplit`), so that a closed loop of writers keeps them busy. No timer: a lone append
 * is written at once.
 *
 * Each stream keeps the order of the queue: a batch writes to a stream only after the batch before
 * it, if that one also writes to it, has committed (or, when that one failed, after its fallback).
 * Batches on different streams may commit in either order, and callers are answered in queue
 * order. A plan made ahead is used only if the heads it assumed are still the believed ones
 * (otherwise it is planned again; `append_events_in_flight` checks it anyway).
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
    const inFlight: InFlight[] = [];
    for (;;) {
      // Planned against the heads the batches in flight leave: what writeAppendBatch checks the plan against.
      const predecessor = inFlight.length > 0 ? predecessorOf(inFlight) : undefined;
      const heads = predecessor ? headsAfter(predecessor, this.heads) : this.heads;
      const batch = this.takeBatch(this.partsToSplitInto(inFlight.length), heads);
      if (!batch) {
        if (inFlight.length === 0) return;
        await inFlight.shift()!.settled;
        continue;
      }
      inFlight.push({ plan: batch.plan, settled: this.flush(batch.pending, batch.plan, predecessor) });
      if (inFlight.length >= this.limits.maxInFlight) await inFlight.shift()!.settled;
      // Let the callers answered by the batch before queue their next appends, then plan them.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A large queue is split between the free places in the database (in two when none is free). */
  private partsToSplitInto(batchesInFlight: number): number {
    return batchesInFlight === 0 ? Math.max(2, this.limits.maxInFlight) : this.limits.maxInFlight - batchesInFlight;
  }

  /** The next batch from the queue, up to the limits (one of `parts` when it is large), planned. */
  private takeBatch(parts: number, heads: HeadSource): Batch | null {
    let events = 0;
    let count = 0;
    for (const pending of this.queue) {
      if (count > 0 && (count >= this.limits.maxAppends || events + pending.request.events.length > this.limits.maxEvents)) break;
      events += pending.request.events.length;
      count += 1;
    }
    if (count === 0) return null;
    if (parts > 1 && count > 1 && events >= this.limits.minEventsToSplit) count = Math.ceil(count / parts);
    const pending = this.queue.splice(0, count);
    return { pending, plan: planAppendBatch(pending.map((each) => each.request), heads) };
  }

  private async flush(batch: Pending[], plan?: BatchPlan, predecessor?: Predecessor): Promise<void> {
    let outcomes;
    try {
      outcomes = await writeAppendBatch(
        this.db,
        batch.map((pending) => pending.request),
        this.heads,
        plan,
        predecessor,
      );
    } catch (error) {
      // Not a conflict (those are per append) but a database error: find whose append it is by
      // writing each one alone (after the batch before has settled), so it fails only its own caller.
      await predecessor?.settled;
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

/** The batches in flight as one predecessor: the heads they leave, settled when the last has. */
function predecessorOf(inFlight: readonly InFlight[]): Predecessor {
  const after = new Map(inFlight.flatMap((batch) => [...batch.plan.after]));
  return { after, settled: inFlight[inFlight.length - 1]!.settled };
}
