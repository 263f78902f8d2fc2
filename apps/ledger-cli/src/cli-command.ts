import type { Command } from 'commander';

/** What every command gets besides its arguments: the environment and where to write. */
export interface CliContext {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the process should stop (SIGINT/SIGTERM for `serve`). */
  stopSignal: () => Promise<string>;
  /** The exit code once the command has run (default 0). */
  setExitCode?: (code: number) => void;
}

/**
 * One file in src/commands/ per command, exporting a `CliCommand` as default: it adds itself to
 * the program. main.ts finds every file there, so adding a command is adding one file.
 */
export interface CliCommand {
  register(program: Command, context: CliContext): void;
}
