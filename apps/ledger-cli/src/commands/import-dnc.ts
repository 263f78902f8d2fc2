import { existsSync } from 'node:fs';
import { DNC_REGISTRIES, type DncRegistry } from '@calltrail/domain';
import { importDncSnapshot, InputValidationError, type DncSnapshotImport } from '@calltrail/api';
import { withCommandSession } from '../import/ledger-session';
import { countLines, readLines } from '../import/lines';
import { fileProgress } from '../import/progress';
import type { CliCommand, CliContext } from '../cli-command';

interface ImportDncOptions {
  version: string;
  takenAt?: string;
  column?: string;
  key?: string;
}

function checkArguments(registry: string, path: string, options: ImportDncOptions): { registry: DncRegistry; takenAt: string } {
  if (!(DNC_REGISTRIES as readonly string[]).includes(registry)) {
    throw new InputValidationError(`registry must be one of ${DNC_REGISTRIES.join(', ')}`, 'registry', {});
  }
  if (!existsSync(path)) throw new InputValidationError(`no file ${path}`, 'file', {});
  const takenAt = options.takenAt ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(takenAt))) throw new InputValidationError('--taken-at must be an ISO-8601 date and time', 'takenAt', {});
  return { registry: registry as DncRegistry, takenAt: new Date(takenAt).toISOString() };
}

async function importDnc(registryArgument: string, path: string, options: ImportDncOptions, context: CliContext): Promise<void> {
  const { registry, takenAt } = checkArguments(registryArgument, path, options);
  const total = await countLines(path);
  const imported = await withCommandSession(context, options.key, async (session) => {
    const ports = { database: session.ledger.database, store: session.ledger.store, vault: session.ledger.vault, execute: session.pipeline.execute.bind(session.pipeline) };
    const reading = fileProgress('read', total, 'lines', context.err);
    let writing: ReturnType<typeof fileProgress> | null = null;
    try {
      const request = { registry, version: options.version, takenAt, lines: readLines(path), column: options.column ?? null };
      return await importDncSnapshot(ports, session.actor, request, {
        onLine: reading.update,
        onWrite: (written, hashes) => {
          writing ??= fileProgress('store', hashes, 'keyed hashes', context.err);
          writing.update(written);
        },
      });
    } finally {
      reading.stop();
      (writing as ReturnType<typeof fileProgress> | null)?.stop();
    }
  });
  printImport(context, imported);
}

function printImport(context: CliContext, imported: DncSnapshotImport): void {
  const event = imported.result.events[0];
  const what = imported.alreadyImported ? 'already imported; nothing new stored' : `recorded as ${event?.type} at position ${event?.globalPosition}`;
  context.out(`${imported.registry} ${imported.version}: ${imported.count} numbers stored as keyed hashes, ${what}.`);
  context.out(`  digest ${imported.digest}`);
  context.out(`  ${imported.linesRead} lines read, ${imported.unreadLines.length} could not be read${imported.unreadLines.length > 0 ? ':' : '.'}`);
  for (const unread of imported.unreadLines.slice(0, 50)) context.out(`  line ${unread.line}: ${unread.reason}`);
  if (imported.unreadLines.length > 50) context.out(`  … and ${imported.unreadLines.length - 50} more`);
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('import-dnc')
      .argument('<registry>', DNC_REGISTRIES.join(' | '))
      .argument('<file>', 'the do-not-call list: one number a line, or CSV with a header and a number column')
      .description(
        'Import a national do-not-call list snapshot. Numbers are normalised to E.164 (national numbers in the registry\'s country) and stored only as keyed hashes; DncSnapshotImported records the count and a digest. Unreadable lines are reported by line number, never by content. The same file again stores nothing new.',
      )
      .requiredOption('--version <version>', 'the registry\'s version of the snapshot (one import per version)')
      .option('--taken-at <instant>', 'when the registry produced the snapshot (ISO-8601; default now)')
      .option('--column <name>', 'the CSV column holding the number, when it is not called number, phone, telephone, msisdn, numero or nummer')
      .option('--key <key>', 'act as this API key (default: CALLTRAIL_KEY, or the local compliance actor on the embedded store)')
      .action((registry: string, file: string, options: ImportDncOptions) => importDnc(registry, file, options, context));
  },
};
export default command;
