import { existsSync } from 'node:fs';
import { importNdjson, type ImportReport } from '../import/ndjson-import';
import { countLines } from '../import/lines';
import { withCommandSession } from '../import/ledger-session';
import { fileProgress } from '../import/progress';
import type { CliCommand, CliContext } from '../cli-command';

class ImportFileError extends Error {
  readonly code = 'FILE_NOT_FOUND';
  readonly field = 'file';
}

async function importFile(path: string, options: { key?: string }, context: CliContext): Promise<void> {
  if (!existsSync(path)) throw new ImportFileError(`no file ${path}`);
  const total = await countLines(path);
  const report = await withCommandSession(context, options.key, async (session) => {
    context.err(`calltrail: importing ${path} as ${session.actor.keyId} (${session.actor.role})`);
    const progress = fileProgress('import', total, 'lines', context.err);
    try {
      return await importNdjson(session, path, progress.update);
    } finally {
      progress.stop();
    }
  });
  printReport(context, path, report);
  if (report.refused.length > 0) context.setExitCode?.(1);
}

function printReport(context: CliContext, path: string, report: ImportReport): void {
  context.out(
    `${path}: ${report.commands} commands, ${report.applied} applied (${report.events} events), ${report.replayed} applied before, ${report.refused.length} refused.`,
  );
  for (const refused of report.refused) {
    const field = refused.field ? ` [${refused.field}]` : '';
    context.out(`  line ${refused.line}: ${refused.code}${field} ${refused.message}`);
  }
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('import')
      .argument('<file>', 'an NDJSON file: one command a line, {"type": "RegisterContact", "commandId": "…", …its fields}')
      .description(
        'Apply a file of commands through the ledger\'s rules, each validated like its GraphQL mutation. Every refused line is reported with its line number and code (exit code 1). Safe to run again, after a crash too: a line\'s commandId (its own, or one made from the file name, line number and text) is applied once.',
      )
      .option('--key <key>', 'act as this API key (default: CALLTRAIL_KEY, or the local compliance actor on the embedded store)')
      .action((file: string, options: { key?: string }) => importFile(file, options, context));
  },
};
export default command;
