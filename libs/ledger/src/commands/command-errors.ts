export type CommandErrorCode = 'INVALID_COMMAND_ID' | 'COMMAND_ID_REUSED' | 'CONCURRENT_WRITES';

/** The meaning of each pipeline refusal, for the docs and the API. */
export const COMMAND_ERROR_CODES: Record<CommandErrorCode, string> = {
  INVALID_COMMAND_ID: 'The commandId is empty, too long or holds characters other than letters, digits and . _ : -.',
  COMMAND_ID_REUSED: 'The commandId was already used for a different command: nothing was stored.',
  CONCURRENT_WRITES: 'The stream kept changing under the command (many writers at once); nothing was stored, send it again.',
};

/** A refusal by the command pipeline itself (not the domain): nothing is stored. */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
