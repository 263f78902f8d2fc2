import { migrate, type Database, type SqlQueryable } from '@calltrail/sql';

export const CHECKPOINTS_MODULE = 'projections';

const migrations = [
  {
    version: 1,
    name: 'projection checkpoints',
    sql: `CREATE TABLE projection_checkpoints (
      name text PRIMARY KEY,
      version integer NOT NULL,
      position bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export interface Checkpoint {
  name: string;
  version: number;
  position: number;
}

/** Another runner moved the checkpoint under us: our batch must not count. */
export class CheckpointMovedError extends Error {
  readonly code = 'CHECKPOINT_MOVED';
  constructor(name: string, expected: number) {
    super(`projection ${name}: the checkpoint is no longer at ${expected}; another runner applied these events`);
  }
}

export async function migrateCheckpoints(db: Database): Promise<void> {
  await migrate(db, CHECKPOINTS_MODULE, migrations);
}

/** The stored checkpoint, created at position 0 with the given version when absent. */
export async function loadCheckpoint(db: SqlQueryable, name: string, version: number): Promise<Checkpoint> {
  await db.query(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, 0) ON CONFLICT (name) DO NOTHING`,
    [name, version],
  );
  const { rows } = await db.query<Checkpoint>(
    'SELECT name, version, position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0]!;
}

export async function readCheckpoints(db: SqlQueryable): Promise<Checkpoint[]> {
  const { rows } = await db.query<Checkpoint>('SELECT name, version, position FROM projection_checkpoints ORDER BY name');
  return rows;
}

/** Moves the checkpoint from `from` to `to`, inside the caller's transaction; throws when it was not at `from`. */
export async function advanceCheckpoint(tx: SqlQueryable, name: string, from: number, to: number): Promise<void> {
  const { rowCount } = await tx.query(
    'UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE name = $1 AND position = $2',
    [name, from, to],
  );
  if (rowCount !== 1) throw new CheckpointMovedError(name, from);
}

export async function resetCheckpoint(tx: SqlQueryable, name: string, version: number): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, 0)
     ON CONFLICT (name) DO UPDATE SET version = $2, position = 0, updated_at = now()`,
    [name, version],
  );
}
