import { getHeapStatistics } from 'node:v8';

/**
 * What a projection keeps in memory between batches, so that it need not read back what it wrote.
 *
 * It is only ever as true as the committed read models: the runner keeps one per projection while it
 * holds the projection's lock (one active runner per projection), and empties it when a batch's
 * transaction fails, when the tables are emptied, or when the checkpoint is not the one the memory
 * followed. So a kill, a failed batch or another runner can at worst cost a read, never a wrong fold.
 */
export class ProjectionMemory {
  private readonly slots = new Map<string, unknown>();
  private followedFromZero = false;
  /** The checkpoint the memory reflects; undefined when it reflects nothing yet. */
  position: number | undefined;

  /**
   * True when the memory has followed every batch since the read models were empty: then what it
   * does not hold is not in the tables either, and a projection need not look for it there.
   */
  get complete(): boolean {
    return this.followedFromZero;
  }

  /** The slot `key`, created by `create` when absent. */
  slot<T>(key: string, create: () => T): T {
    if (!this.slots.has(key)) this.slots.set(key, create());
    return this.slots.get(key) as T;
  }

  /** Forgets everything; the tables are the truth again (a projection may call it to bound its memory). */
  clear(): void {
    this.slots.clear();
    this.followedFromZero = false;
  }

  /**
   * Called by the runner before a catch-up from `checkpoint`: keeps the memory only if it followed
   * up to exactly that checkpoint; at 0 (empty read models) it starts complete.
   */
  beginAt(checkpoint: number): void {
    if (this.position === checkpoint && checkpoint !== 0) return;
    this.clear();
    this.followedFromZero = checkpoint === 0;
    this.position = checkpoint;
  }

  /** Called by the runner when a batch's transaction did not commit: what the batch changed in memory is void. */
  discard(): void {
    this.clear();
    this.position = undefined;
  }
}

/**
 * Rows a projection remembers in its ProjectionMemory, at most `budget` of them by weight (e.g. the
 * events they hold): the least recently used are forgotten first, and their keys kept, so that a
 * complete memory still tells a row it never saw (not stored) from one it forgot (read the tables).
 */
export class RecentRows<V> {
  private readonly rows = new Map<string, { value: V; weight: number }>();
  private readonly forgotten = new Set<string>();
  private weight = 0;

  constructor(
    private readonly memory: ProjectionMemory,
    private readonly budget: number,
  ) {}

  /** The row remembered; `null` when it is surely not stored; `undefined` when only the tables know. */
  get(key: string): V | null | undefined {
    const row = this.rows.get(key);
    if (row) {
      // Most recently used last: Map keeps insertion order.
      this.rows.delete(key);
      this.rows.set(key, row);
      return row.value;
    }
    return this.memory.complete && !this.forgotten.has(key) ? null : undefined;
  }

  set(key: string, value: V, weight: number): void {
    this.remove(key);
    this.forgotten.delete(key);
    this.rows.set(key, { value, weight });
    this.weight += weight;
    if (this.weight > this.budget) this.forgetOldest();
  }

  /** Down to the budget, oldest first (only when over it: walking a Map from its start is not free). */
  private forgetOldest(): void {
    for (const [oldest, row] of this.rows) {
      if (this.weight <= this.budget) break;
      this.rows.delete(oldest);
      this.weight -= row.weight;
      this.forgotten.add(oldest);
    }
  }

  /** The row is no longer stored (e.g. erased). */
  delete(key: string): void {
    this.remove(key);
    this.forgotten.delete(key);
  }

  private remove(key: string): void {
    const row = this.rows.get(key);
    if (!row) return;
    this.rows.delete(key);
    this.weight -= row.weight;
  }
}

/** The heap this process may grow to: V8's limit, from `--max-old-space-size` or what Node.js chose for the machine. */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/** What a projection's RecentRows may hold: at most `cap` rows of about `bytesEach`, in at most `heapShare` of the heap. */
export interface MemoryBudget {
  cap: number;
  heapShare: number;
  bytesEach: number;
}

/**
 * The rows a budget allows in this process. So a rebuild fits the heap it runs in: with a small heap
 * (a container of 1 GB) a projection remembers less and reads more back from its tables, instead of
 * running out of memory; with a large one the cap keeps the memory to what a rebuild was measured to need.
 */
export function rowsWithinHeap({ cap, heapShare, bytesEach }: MemoryBudget, heapLimit = heapLimitBytes()): number {
  return Math.max(0, Math.min(cap, Math.floor((heapLimit * heapShare) / bytesEach)));
}
