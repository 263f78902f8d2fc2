import { migrate, type Database, type Migration } from '@calltrail/sql';
import { CommandError } from './command-errors';
import type { CommandResult } from './execute-domain-command';

/**
 * One row per commandId a client sent: a keyed fingerprint of the command (never its content),
 * and once applied, the answer to give when it comes again. A row without a result is a command
 * in flight (or one whose process died before it finished: the next attempt completes it).
 */
export const COMMAND_LOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'command log for idempotent commands',
    sql: `
      CREATE TABLE command_log (
        command_id text PRIMARY KEY,
        fingerprint text NOT NULL,
        command_type text NOT NULL,
        stream_id text NOT NULL,
        subject_id text,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX command_log_subject ON command_log (subject_id) WHERE subject_id IS NOT NULL;
    `,
  },
];

export interface CommandClaim {
  commandId: string;
  fingerprint: string;
  commandType: string;
  streamId: string;
}

interface LogRow {
  fingerprint: string;
  command_type: string;
  result: Omit<CommandResult, 'replayed'> | null;
}

export class CommandLog {
  private constructor(private readonly db: Database) {}

  static async open(db: Database): Promise<CommandLog> {
    await migrate(db, 'commands', COMMAND_LOG_MIGRATIONS);
    return new CommandLog(db);
  }

  /**
   * Claims the commandId for this command. Returns the earlier answer when the same command was
   * applied before, null when it is to be applied now; refuses the id used for another command.
   */
  async claim(claim: CommandClaim): Promise<CommandResult | null> {
    await this.db.query(
      `INSERT INTO command_log (command_id, fingerprint, command_type, stream_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (command_id) DO NOTHING`,
      [claim.commandId, claim.fingerprint, claim.commandType, claim.streamId],
    );
    const { rows } = await this.db.query<LogRow>(
      'SELECT fingerprint, command_type, result FROM command_log WHERE command_id = $1',
      [claim.commandId],
    );
    const row = rows[0];
    if (!row) return null; // purged by an erasure meanwhile: the store's own record decides
    if (row.fingerprint !== claim.fingerprint) {
      throw new CommandError(
        'COMMAND_ID_REUSED',
        `commandId ${claim.commandId} was already used for a different ${row.command_type} command; use a new commandId`,
        'commandId',
      );
    }
    return row.result === null ? null : { ...parseResult(row.result), replayed: true };
  }

  async complete(commandId: string, result: CommandResult, subjectId: string | null): Promise<void> {
    const { replayed: _replayed, ...stored } = result;
    await this.db.query(
      `UPDATE command_log SET result = $2, subject_id = $3, completed_at = now()
       WHERE command_id = $1 AND result IS NULL`,
      [commandId, JSON.stringify(stored), subjectId],
    );
  }

  /** A refused command stores nothing, its claim included: the same id may then carry a corrected command. */
  async release(commandId: string): Promise<void> {
    await this.db.query('DELETE FROM command_log WHERE command_id = $1 AND result IS NULL', [commandId]);
  }

  /** On erasure: forget the fingerprints of the person's commands, but for the erasure's own. */
  async forgetSubject(subjectId: string, keep: string | null): Promise<void> {
    await this.db.query('DELETE FROM command_log WHERE subject_id = $1 AND command_id IS DISTINCT FROM $2', [subjectId, keep]);
  }
}

function parseResult(value: unknown): Omit<CommandResult, 'replayed'> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Omit<CommandResult, 'replayed'>;
}
