import { Command } from 'commander';
import { CALLTRAIL_VERSION } from '@calltrail/server';
import type { CliCommand, CliContext } from './cli-command';

// Every command file, found at build time (vite) and in tests (vitest).
const commandFiles = import.meta.glob<{ default: CliCommand }>('./commands/*.ts', { eager: true });

export function createProgram(context: CliContext): Command {
  const program = new Command('calltrail')
    .description('An event-sourced audit ledger for outbound calling under the GDPR (BE, NL, FR).')
    .version(CALLTRAIL_VERSION)
    // Options before the command are the program's: `import-dnc … --version <v>` is the snapshot's version.
    .enablePositionalOptions()
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => context.out(text.trimEnd()), writeErr: (text) => context.err(text.trimEnd()) });
  for (const [path, file] of Object.entries(commandFiles).sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith('.spec.ts')) continue;
    file.default.register(program, context);
  }
  return program;
}

/** Runs the CLI; returns the exit code. A known error prints its message only, never a stack. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  let exitCode = 0;
  const program = createProgram({ ...context, setExitCode: (code) => (exitCode = code) }).exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const commanderCode = (error as { code?: string }).code;
    if (commanderCode?.startsWith('commander.')) return (error as { exitCode: number }).exitCode;
    context.err(`calltrail: ${describeError(error)}`);
    return 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
