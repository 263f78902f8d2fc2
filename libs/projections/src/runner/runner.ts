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

  /** Applies everything up to the store's current head, for the named projections (default all). */
  async catchUp(names?: readonly string[], options: CatchUpOptions = {}): Promise<void> {
    await this.prepare();
    for (const projection of this.select(names)) {
      await this.locked(projection, options, async (session, memory) => {
        await this.catchUpLocked(session, projection, memory, options);
      });
    }
  }

  /** Empties the projections' tables and replays every event from zero. */
  async rebuild(names?: readonly string[], options: CatchUpOptions = {}): Promise<void> {
    await this.prepare();
    for (const projection of this.select(names)) {
      await this.locked(projection, options, async (session, memory) => {
        await session.transaction(async (tx) => {
          for (const table of projection.tables) await tx.exec(`TRUNCATE ${table}`);
          await resetCheckpoint(tx, projection.name, projection.version);
        });
        await this.catchUpLocked(session, projection, memory, options);
      });
    }
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
          while (!options.signal.aborted) {
            const applied = await this.catchUpLocked(session, projection, memory, options);
            if (applied === 0) await sleep(this.pollIntervalMs, options.signal);
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

  /** Catches one projection up to the head seen at the start; returns how many events it applied. */
  private async catchUpLocked(
    session: SqlSession,
    projection: Projection,
    memory: ProjectionMemory,
    options: CatchUpOptions,
  ): Promise<number> {
    let checkpoint = await loadCheckpoint(session, projection.name, projection.version);
    if (checkpoint.version !== projection.version) {
      // The projection changed meaning since these read models were built: start again from zero.
      await session.transaction(async (tx) => {
        for (const table of projection.tables) await tx.exec(`TRUNCATE ${table}`);
        await resetCheckpoint(tx, projection.name, projection.version);
      });
      checkpoint = { ...checkpoint, version: projection.version, position: 0 };
    }
    memory.beginAt(checkpoint.position);
    const head = await this.store.headPosition();
    const started = Date.now();
    let position = checkpoint.position;
    let applied = 0;
    let next = this.read(position);
    try {
      while (position < head && !options.signal?.aborted) {
        const events = await next;
        if (events.length === 0) break;
        const last = events.at(-1)!.globalPosition;
        // Read the next batch while this one is applied.
        next = last < head ? this.read(last) : Promise.resolve([]);
        const from = position;
        await this.applyBatch(session, projection, memory, events, from, last);
        position = last;
        applied += events.length;
        options.onProgress?.({ projection: projection.name, position, head, applied, elapsedMs: Date.now() - started });
      }
    } finally {
      // A read ahead that is no longer wanted must not surface as an unhandled rejection.
      await next.catch(() => undefined);
    }
    return applied;
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
