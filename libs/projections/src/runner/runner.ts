import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { migrate, type Database, type SqlQueryable, type SqlSession } from '@calltrail/sql';
import {
  advanceCheckpoint,
  loadCheckpoint,
  migrateCheckpoints,
  readCheckpoints,
  resetCheckpoint,
} from './checkpoints';
import { migrationModule, type Projection } from './projection';
import { withProjectionLock } from './projection-lock';
import { ProjectionMemory } from './projection-memory';
import { SharedRead } from './shared-read';

export interface ProjectionProgress {
  projection: string;
  /** The checkpoint reached. */
  position: number;
  /** The store's head when this catch-up started. */
  head: number;
  /** Events applied since this catch-up started. */
  applied: number;
  elapsedMs: number;
}

export interface RunnerOptions {
  /** Events per read and per transaction (default 5,000; the store allows up to 10,000). */
  batchSize?: number;
  /** How long an idle runner waits before looking for new events (default 100 ms). */
  pollIntervalMs?: number;
  /** How often a runner waiting for another one's lock tries again (default 250 ms). */
  lockRetryMs?: number;
}

export interface CatchUpOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProjectionProgress) => void;
  /** Called when another runner holds the projection and this one waits for it. */
  onWait?: (projection: string) => void;
}

export interface ProjectionLag {
  projection: string;
  version: number;
  checkpoint: number;
  head: number;
  lag: number;
}

/** A projection followed under its lock: its connection, its memory and how far it got. */
interface Follower {
  projection: Projection;
  session: SqlSession;
  memory: ProjectionMemory;
  position: number;
  applied: number;
}

/** Waits for every one (no transaction is left running), then throws the first failure. */
async function settleAll(work: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Keeps projections up to date from the store's global order. Each batch is applied and its
 * checkpoint stored in one transaction, so a kill at any moment neither loses nor double-applies
 * an event. One runner per projection at a time (an advisory lock); the others wait.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lockRetryMs: number;
  private prepared: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    options: RunnerOptions = {},
  ) {
    const names = projections.map((projection) => projection.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new RangeError(`projections: "${duplicate}" is registered twice`);
    this.batchSize = options.batchSize ?? 5_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.lockRetryMs = options.lockRetryMs ?? 250;
  }

  /** Creates the checkpoint table and each projection's tables (idempotent). */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await migrateCheckpoints(this.db);
      for (const projection of this.projections) {
        await migrate(this.db, migrationModule(projection), projection.migrations);
      }
    })();
    return this.prepared;
  }

  /** Applies everything up to the store's current head, for the named projections (default all), reading each batch once for all. */
  async catchUp(names?: readonly string[], options: CatchUpOptions = {}): Promise<void> {
    await this.prepare();
    await this.lockedTogether(this.select(names), options, (followers) => this.catchUpTogether(followers, options));
  }

  /**
   * Empties the projections' tables and replays every event from zero. The projections are rebuilt
   * together: each batch is read once and applied to each of them side by side, each in its own
   * transaction with its own checkpoint (on its own connection), so a kill leaves each consistent.
   */
  async rebuild(names?: readonly string[], options: CatchUpOptions = {}): Promise<void> {
    await this.prepare();
    await this.lockedTogether(this.select(names), options, async (followers) => {
      for (const { session, projection } of followers) {
        await session.transaction(async (tx) => {
          for (const table of projection.tables) await tx.exec(`TRUNCATE ${table}`);
          await resetCheckpoint(tx, projection.name, projection.version);
        });
      }
      await this.catchUpTogether(followers, options);
    });
  }

  /**
   * Follows the store until `signal` aborts: each projection catches up, then keeps polling for
   * new events. Projections run side by side, each under its own lock.
   */
  async run(options: CatchUpOptions & { signal: AbortSignal }): Promise<void> {
    await this.prepare();
    await Promise.all(
      this.projections.map((projection) =>
        this.locked(projection, options, async (session, memory) => {
          const follower: Follower = { projection, session, memory, position: 0, applied: 0 };
          while (!options.signal.aborted) {
            await this.catchUpTogether([follower], options);
            if (follower.applied === 0) await sleep(this.pollIntervalMs, options.signal);
          }
        }),
      ),
    );
  }

  /** Head position minus checkpoint, per projection: what the `health` query shows. */
  async lag(): Promise<ProjectionLag[]> {
    await this.prepare();
    return projectionLag(this.db, this.store, this.projections);
  }

  private select(names?: readonly string[]): Projection[] {
    if (!names || names.length === 0) return [...this.projections];
    return names.map((name) => {
      const projection = this.projections.find((candidate) => candidate.name === name);
      if (!projection) {
        const known = this.projections.map((candidate) => candidate.name).join(', ');
        throw new RangeError(`projection: "${name}" is not one of ${known}`);
      }
      return projection;
    });
  }

  private async locked(
    projection: Projection,
    options: CatchUpOptions,
    work: (session: SqlSession, memory: ProjectionMemory) => Promise<void>,
  ): Promise<void> {
    // The memory lives as long as the lock: a runner that loses or leaves it starts from the tables.
    await withProjectionLock(this.db, projection.name, (session) => work(session, new ProjectionMemory()), {
      retryMs: this.lockRetryMs,
      signal: options.signal,
      onWait: () => options.onWait?.(projection.name),
    });
  }

  /**
   * Runs `work` for the projections together, under the locks of those that are free now (taken in
   * name order without waiting, so that no runner holds one while it waits for another); then for
   * each one another runner held, alone, once its lock is free (as `locked` waits).
   */
  private async lockedTogether(
    projections: readonly Projection[],
    options: CatchUpOptions,
    work: (followers: Follower[]) => Promise<void>,
  ): Promise<void> {
    const ordered = [...projections].sort((a, b) => a.name.localeCompare(b.name));
    const followers: Follower[] = [];
    const busy: Projection[] = [];
    const lockFrom = async (index: number): Promise<void> => {
      const projection = ordered[index];
      if (!projection) return followers.length > 0 ? work(followers) : undefined;
      const notNow = new AbortController();
      let held = false;
      await withProjectionLock(
        this.db,
        projection.name,
        async (session) => {
          held = true;
          followers.push({ projection, session, memory: new ProjectionMemory(), position: 0, applied: 0 });
          await lockFrom(index + 1);
        },
        { retryMs: 0, signal: notNow.signal, onWait: () => notNow.abort() },
      );
      if (!held) {
        busy.push(projection);
        await lockFrom(index + 1);
      }
    };
    if (!options.signal?.aborted) await lockFrom(0);
    for (const projection of busy) {
      await this.locked(projection, options, (session, memory) => work([{ projection, session, memory, position: 0, applied: 0 }]));
    }
  }

  /**
   * Catches the projections up to the head seen at the start, reading each batch once for all of
   * them; each applies it at its own pace (see SharedRead).
   */
  private async catchUpTogether(followers: Follower[], options: CatchUpOptions): Promise<void> {
    if (followers.length === 0) return;
    for (const follower of followers) {
      follower.position = await this.startingPoint(follower.session, follower.projection, follower.memory);
      follower.applied = 0;
    }
    const head = await this.store.headPosition();
    const start = Math.min(...followers.map((follower) => follower.position));
    const shared = new SharedRead((after) => this.read(after), start, head, followers);
    const started = Date.now();
    try {
      await settleAll(followers.map((follower) => this.follow(follower, shared, head, options, started)));
    } finally {
      await shared.settle();
    }
  }

  /** One projection's share of a catch-up: each batch it has not seen, with its checkpoint. */
  private async follow(follower: Follower, shared: SharedRead, head: number, options: CatchUpOptions, started: number): Promise<void> {
    try {
      for (let index = 0; !options.signal?.aborted; index++) {
        const events = await shared.batch(index);
        if (events.length === 0) return;
        const last = events.at(-1)!.globalPosition;
        const from = follower.position;
        if (from < last) {
          const unseen = from < events[0]!.globalPosition ? events : events.filter((event) => event.globalPosition > from);
          await this.applyBatch(follower.session, follower.projection, follower.memory, unseen, from, last);
          follower.position = last;
          follower.applied += unseen.length;
          const progress = { projection: follower.projection.name, position: last, head, applied: follower.applied };
          options.onProgress?.({ ...progress, elapsedMs: Date.now() - started });
        }
        shared.passed(follower, index);
        if (last >= head) return;
      }
    } finally {
      shared.leave(follower);
    }
  }

  /** The checkpoint to go on from (0 after emptying the tables when the projection's version changed). */
  private async startingPoint(session: SqlSession, projection: Projection, memory: ProjectionMemory): Promise<number> {
    const checkpoint = await loadCheckpoint(session, projection.name, projection.version);
    let position = checkpoint.position;
    if (checkpoint.version !== projection.version) {
      // The projection changed meaning since these read models were built: start again from zero.
      await session.transaction(async (tx) => {
        for (const table of projection.tables) await tx.exec(`TRUNCATE ${table}`);
        await resetCheckpoint(tx, projection.name, projection.version);
      });
      position = 0;
    }
    memory.beginAt(position);
    return position;
  }

  /** One batch and its checkpoint in one transaction; the memory follows only what committed. */
  private async applyBatch(
    session: SqlSession,
    projection: Projection,
    memory: ProjectionMemory,
    events: StoredEvent[],
    from: number,
    to: number,
  ): Promise<void> {
    try {
      await session.transaction(async (tx) => {
        // A projection's tables are derived from the store: should the PostgreSQL server crash, a batch
        // lost with its checkpoint is applied again, so its commit need not wait for the disk. Not on
        // PGlite, where the server is this process: a kill would then lose batches already reported.
        if (this.db.kind === 'postgres') await tx.exec('SET LOCAL synchronous_commit = off');
        await projection.apply(tx, events, memory);
        await advanceCheckpoint(tx, projection.name, from, to);
      });
    } catch (error) {
      memory.discard();
      throw error;
    }
    memory.position = to;
  }

  private read(after: number): Promise<StoredEvent[]> {
    return this.store.readAll({ after, limit: this.batchSize });
  }
}

/** Head position minus checkpoint, per projection (0 checkpoint when a projection never ran). */
export async function projectionLag(
  db: SqlQueryable,
  store: Pick<EventStore, 'headPosition'>,
  projections: readonly Pick<Projection, 'name' | 'version'>[],
): Promise<ProjectionLag[]> {
  const head = await store.headPosition();
  const stored = new Map((await readCheckpoints(db).catch(() => [])).map((checkpoint) => [checkpoint.name, checkpoint]));
  return projections.map((projection) => {
    const checkpoint = stored.get(projection.name)?.position ?? 0;
    return {
      projection: projection.name,
      version: stored.get(projection.name)?.version ?? projection.version,
      checkpoint,
      head,
      lag: Math.max(0, head - checkpoint),
    };
  });
}

export interface BackgroundRunner {
  runner: ProjectionRunner;
  /** Stops following the store and waits for the batch in flight to commit. */
  stop(): Promise<void>;
}

/**
 * Runs projections in the background (inside `calltrail serve`) until stopped. A failure is reported
 * and retried after a pause: the checkpoint did not move, so nothing is lost.
 */
export function runInBackground(
  runner: ProjectionRunner,
  report: (error: unknown) => void,
  retryMs = 5_000,
): BackgroundRunner {
  const controller = new AbortController();
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        await runner.run({ signal: controller.signal });
      } catch (error) {
        report(error);
        await sleep(retryMs, controller.signal);
      }
    }
  })();
  return {
    runner,
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
