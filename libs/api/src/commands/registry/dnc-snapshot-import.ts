import { createHash } from 'node:crypto';
import {
  foldEvents,
  registryDecider,
  registryStreamId,
  type DncRegistry,
  type DomainCommand,
  type ImportDncSnapshot,
  type RegistryEvent,
} from '@calltrail/domain';
import { readStreamOrEmpty, type Actor, type EventStore, type StoredEvent } from '@calltrail/event-store';
import { authorise, type CommandResult, type ExecuteOptions } from '@calltrail/ledger';
import { normalisePhone, type PiiVault } from '@calltrail/pii-vault';
import { discardDncSnapshotEntries, dncSnapshotDigest, writeDncSnapshotEntries } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import { InputValidationError } from '../../errors/input-validation';

/** The country whose national numbering plan a registry's numbers are written in. */
const REGISTRY_COUNTRY: Record<DncRegistry, string> = { BE_DNCM: 'BE', FR_BLOCTEL: 'FR', UK_TPS: 'GB' };

/** Column names taken as the number column of a CSV file, lower case. */
const NUMBER_COLUMNS = ['number', 'phone', 'phone_number', 'telephone', 'msisdn', 'numero', 'numéro', 'nummer', 'telefoon'];

/** A line that could not be read: its number in the file and why, never its content. */
export interface UnreadDncLine {
  line: number;
  reason: string;
}

export interface DncSnapshotRequest {
  registry: DncRegistry;
  version: string;
  /** When the registry produced the snapshot (ISO-8601). */
  takenAt: string;
  /** The file's lines: one number a line, or CSV with a header and a number column. */
  lines: AsyncIterable<string> | Iterable<string>;
  /** The CSV column holding the number, when its header is not one of the usual names. */
  column?: string | null;
  /** `numbers`: every line is one number as given (the API); `file` (default): detect a header or CSV. */
  layout?: 'file' | 'numbers';
  /** When the snapshot was received; absent: now. */
  occurredAt?: string | null;
  commandId?: string | null;
}

export interface DncSnapshotImport {
  registry: DncRegistry;
  version: string;
  /** Distinct numbers stored (as keyed hashes). */
  count: number;
  digest: string;
  linesRead: number;
  unreadLines: UnreadDncLine[];
  /** True when this exact snapshot had been imported before: nothing new was stored. */
  alreadyImported: boolean;
  result: CommandResult;
}

export type ExecuteDomainCommandFn = (command: DomainCommand, actor: Actor, options: ExecuteOptions) => Promise<CommandResult>;

export interface DncImportPorts {
  database: SqlQueryable;
  store: EventStore;
  vault: PiiVault;
  execute: ExecuteDomainCommandFn;
}

export interface DncImportProgress {
  /** After every line read. */
  onLine?: (linesRead: number) => void;
  /** While the keyed hashes are written. */
  onWrite?: (written: number, total: number) => void;
}

/**
 * Imports a do-not-call snapshot: reads each number, normalises it to E.164 (the registry's country
 * for national numbers), keeps only its keyed hash, stores the hashes and records
 * `DncSnapshotImported` with their count and digest through the command pipeline. Re-importing the
 * same snapshot stores nothing new; another file under a version already imported is refused
 * before anything is written.
 */
export async function importDncSnapshot(
  ports: DncImportPorts,
  actor: Actor,
  request: DncSnapshotRequest,
  progress: DncImportProgress = {},
): Promise<DncSnapshotImport> {
  // The rows are written before the event: the actor must be allowed to record the event at all.
  authorise(actor, 'ledger.administer');
  const { registry } = request;
  if (!(registry in REGISTRY_COUNTRY)) {
    throw new InputValidationError(`registry must be one of ${Object.keys(REGISTRY_COUNTRY).join(', ')}`, 'registry', {});
  }
  const layout = request.layout === 'numbers' ? NUMBER_PER_LINE : null;
  const read = await readDncNumbers(request.lines, REGISTRY_COUNTRY[registry], ports.vault, { column: request.column ?? null, layout }, progress.onLine);
  const command: ImportDncSnapshot = {
    type: 'ImportDncSnapshot',
    registry,
    version: request.version,
    takenAt: request.takenAt,
    count: read.phoneHashes.length,
    digest: dncSnapshotDigest(read.phoneHashes),
    occurredAt: request.occurredAt ?? null,
  };
  const stored = await readStreamOrEmpty(ports.store, registryStreamId(registry));
  const history = stored as unknown as RegistryEvent[];
  const onRecord = stored.find((_event, index) => isSameSnapshot(history[index]!, command));
  const result = onRecord
    ? replayedResult(onRecord, request.commandId ?? null)
    : await recordSnapshot(ports, actor, command, history, read.phoneHashes, request, progress);
  return {
    registry,
    version: command.version.trim(),
    count: command.count,
    digest: command.digest,
    linesRead: read.linesRead,
    unreadLines: read.unread,
    alreadyImported: onRecord !== undefined,
    result,
  };
}

async function recordSnapshot(
  ports: DncImportPorts,
  actor: Actor,
  command: ImportDncSnapshot,
  history: readonly RegistryEvent[],
  phoneHashes: readonly string[],
  request: DncSnapshotRequest,
  progress: DncImportProgress,
): Promise<CommandResult> {
  // Refuses a bad version or date, or a version on record with other numbers, before any row is written.
  registryDecider.decide(command, foldEvents(registryDecider, history), { now: new Date() });
  const snapshot = { registry: command.registry, version: command.version.trim() };
  // Rows of this version without its event are what an interrupted import left behind.
  await discardDncSnapshotEntries(ports.database, snapshot);
  await writeDncSnapshotEntries(ports.database, { ...snapshot, phoneHashes }, progress.onWrite);
  return ports.execute(command, actor, { commandId: request.commandId ?? snapshotCommandId(command) });
}

/** The same snapshot imported twice is one command: a re-run after a crash is answered, not refused. */
function snapshotCommandId(command: ImportDncSnapshot): string {
  const key = `${command.registry}\n${command.version.trim()}\n${command.digest}`;
  return `dnc-snapshot:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

function isSameSnapshot(event: RegistryEvent, command: ImportDncSnapshot): boolean {
  const version = typeof command.version === 'string' ? command.version.trim() : '';
  return event.type === 'DncSnapshotImported' && event.data.version === version && event.data.digest === command.digest;
}

/** The answer for a snapshot already on record: its event, nothing new stored. */
function replayedResult(event: StoredEvent, commandId: string | null): CommandResult {
  const { eventId, type, streamId, streamVersion, globalPosition } = event;
  return { commandId, streamId, events: [{ eventId, type, streamId, streamVersion, globalPosition }], replayed: true };
}

interface ReadNumbers {
  phoneHashes: string[];
  unread: UnreadDncLine[];
  linesRead: number;
}

/** Reads every line; a line that holds no valid number is reported by its line number only. */
export async function readDncNumbers(
  lines: AsyncIterable<string> | Iterable<string>,
  country: string,
  vault: Pick<PiiVault, 'phoneHash'>,
  options: { column: string | null; layout: LineLayout | null },
  onLine?: (linesRead: number) => void,
): Promise<ReadNumbers> {
  const hashes = new Set<string>();
  const unread: UnreadDncLine[] = [];
  let layout = options.layout;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    onLine?.(lineNumber);
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '' || text.startsWith('#')) continue;
    if (layout === null) {
      layout = detectLayout(text, options.column);
      if (layout.header) continue;
    }
    const value = layout.pick(text);
    if (value === null) {
      unread.push({ line: lineNumber, reason: `no value in column ${layout.columnName}` });
      continue;
    }
    try {
      hashes.add(vault.phoneHash(normalisePhone(value, country, 'number')));
    } catch {
      unread.push({ line: lineNumber, reason: `not a valid phone number (national number of ${country}, or + and a country code)` });
    }
  }
  return { phoneHashes: [...hashes], unread, linesRead: lineNumber };
}

interface LineLayout {
  /** True when the first line is a header, not a number. */
  header: boolean;
  columnName: string;
  pick(line: string): string | null;
}

const DELIMITERS = [',', ';', '\t'];

const NUMBER_PER_LINE: LineLayout = { header: false, columnName: 'number', pick: (line) => line || null };

/** One number a line (an optional header without digits is skipped), or CSV with a header naming the number column. */
function detectLayout(firstLine: string, column: string | null): LineLayout {
  const delimiter = DELIMITERS.find((candidate) => firstLine.includes(candidate));
  if (delimiter === undefined) {
    return { header: !/\d/.test(firstLine), columnName: 'number', pick: (line) => unquote(line) || null };
  }
  const names = splitCsv(firstLine, delimiter).map((name) => name.toLowerCase());
  const wanted = column?.toLowerCase() ?? null;
  const index = wanted !== null ? names.indexOf(wanted) : names.findIndex((name) => NUMBER_COLUMNS.includes(name));
  if (index < 0) {
    const rule = wanted !== null ? `has no column ${column}` : `names no number column (one of ${NUMBER_COLUMNS.join(', ')}); give --column`;
    throw new InputValidationError(`the CSV header ${rule}`, 'column', { columns: names });
  }
  return {
    header: true,
    columnName: names[index]!,
    pick: (line) => splitCsv(line, delimiter)[index] || null,
  };
}

/** Splits one CSV line; double quotes protect delimiters, "" is a quote. */
function splitCsv(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === '"' && quoted && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      fields.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current.trim());
  return fields;
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1').trim();
}
