import type { Database, SqlSession } from '@calltrail/sql';

/** Namespace of the two-key advisory locks that keep one runner per projection. */
const LOCK_NAMESPACE_SQL = `hashtext('calltrail.projection')`;
/** Keyed by schema too, so projections in different schemas of one database do not exclude each other. */
const LOCK_KEY_SQL = `hashtext(current_schema() || ':' || $1)`;

/**
 * PGlite is one connection, on which advisory locks are re-entrant: two runners of one process
 * would both "get" it. Within a process, a held-set per database does the excluding.
 */
const heldInProcess = new WeakMap<object, Set<string>>();

function held(db: Database): Set<string> {
  let names = heldInProcess.get(db);
  if (!names) heldInProcess.set(db, (names = new Set()));
  return names;
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

async function tryLock(session: SqlSession, name: string): Promise<boolean> {
  const { rows } = await session.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_lock(${LOCK_NAMESPACE_SQL}, ${LOCK_KEY_SQL}) AS locked`,
    [name],
  );
  return rows[0]!.locked;
}

async function unlock(session: SqlSession, name: string): Promise<void> {
  await session.query(`SELECT pg_advisory_unlock(${LOCK_NAMESPACE_SQL}, ${LOCK_KEY_SQL})`, [name]);
}

export interface LockOptions {
  /** How often a waiting runner tries again (default 250 ms). */
  retryMs?: number;
  signal?: AbortSignal;
  /** Called once when the lock is held by another runner and this one starts waiting. */
  onWait?: () => void;
}

/**
 * Runs `work` while holding the projection's lock, on a dedicated connection (the session lock
 * lives as long as that connection: a killed runner releases it). Waits while another runner holds
 * it; returns undefined when aborted before getting it.
 */
export async function withProjectionLock<T>(
  db: Database,
  name: string,
  work: (session: SqlSession) => Promise<T>,
  options: LockOptions = {},
): Promise<T | undefined> {
  const names = held(db);
  return db.session(async (session) => {
    let waiting = false;
    while (!(await claim(names, session, name))) {
      if (options.signal?.aborted) return undefined;
      if (!waiting) options.onWait?.();
      waiting = true;
      await sleep(options.retryMs ?? 250, options.signal);
    }
    try {
      return await work(session);
    } finally {
      names.delete(name);
      await unlock(session, name).catch(() => undefined);
    }
  });
}

/** Claims the name in this process first (synchronously, so two runners cannot both pass), then in the database. */
async function claim(names: Set<string>, session: SqlSession, name: string): Promise<boolean> {
  if (names.has(name)) return false;
  names.add(name);
  try {
    if (await tryLock(session, name)) return true;
  } catch (error) {
    names.delete(name);
    throw error;
  }
  names.delete(name);
  return false;
}
