import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { COMMAND_INPUT_CLASSES, inputValidationPipe, type CommandInputClass } from '@calltrail/api';
import type { CommandType } from '@calltrail/domain';
import type { CommandSession } from './ledger-session';
import { readLines } from './lines';
import { LineError, refusalOf } from './refusals';

/** A line the ledger did not apply: its number, the code and the field, never its content. */
export interface RefusedLine {
  line: number;
  code: string;
  field: string | null;
  message: string;
}

export interface ImportReport {
  /** Lines holding a command (blank lines are skipped). */
  commands: number;
  applied: number;
  /** Lines whose command had been applied before (a re-run): nothing new stored. */
  replayed: number;
  events: number;
  refused: RefusedLine[];
}

const validation = inputValidationPipe();

/**
 * Applies an NDJSON file, one command a line (`{"type": "RegisterContact", "commandId": "…", …}`):
 * each line is validated by the mutation's own input class and sent through the command pipeline.
 * Every line has a commandId (its own, or one derived from the file name, the line number and its
 * text), so running the file again, after a crash or not, stores each event once.
 */
export async function importNdjson(
  session: CommandSession,
  path: string,
  onLine: (lineNumber: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { commands: 0, applied: 0, replayed: 0, events: 0, refused: [] };
  let lineNumber = 0;
  for await (const text of readLines(path)) {
    lineNumber += 1;
    if (text.trim() !== '') await applyLine(session, report, basename(path), lineNumber, text);
    onLine(lineNumber);
  }
  return report;
}

async function applyLine(session: CommandSession, report: ImportReport, file: string, line: number, text: string): Promise<void> {
  report.commands += 1;
  try {
    const { type, commandId, fields } = parseLine(text);
    const command = await validatedCommand(COMMAND_INPUT_CLASSES[type]!, fields);
    const result = await session.pipeline.execute(command, session.actor, { commandId: commandId ?? derivedCommandId(file, line, text) });
    if (result.replayed) {
      report.replayed += 1;
      return;
    }
    report.applied += 1;
    report.events += result.events.length;
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    report.refused.push({ line, ...refusal });
  }
}

function parseLine(text: string): { type: CommandType; commandId: string | null; fields: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LineError('INVALID_JSON', 'the line is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new LineError('INVALID_JSON', 'the line is not a JSON object');
  const { type, commandId, ...fields } = parsed as Record<string, unknown>;
  if (typeof type !== 'string' || !(type in COMMAND_INPUT_CLASSES)) {
    const hint = type === 'ImportDncSnapshot' ? '; import DNC lists with calltrail import-dnc' : '';
    throw new LineError('UNKNOWN_COMMAND_TYPE', `type must name a command, e.g. RegisterContact${hint}`, 'type');
  }
  if (commandId !== undefined && commandId !== null && typeof commandId !== 'string') {
    throw new LineError('INVALID_COMMAND_ID', 'commandId must be text', 'commandId');
  }
  return { type: type as CommandType, commandId: commandId ?? null, fields };
}

/** The mutation's validation: the input class with class-validator, unknown fields refused, then its conversion. */
async function validatedCommand(inputClass: CommandInputClass, fields: Record<string, unknown>) {
  const withDates = reviveDates(plainToInstance(inputClass.input, fields));
  const input = (await validation.transform(withDates, { type: 'body', metatype: inputClass.input })) as object;
  return inputClass.toCommand(input);
}

/**
 * GraphQL hands a resolver its DateTime fields as Dates; JSON has strings. Turns the strings of
 * every field an input class validates as a date (nested inputs included) into Dates; a string
 * that is no date becomes an invalid Date, which the validation then refuses, naming the field.
 */
function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => reviveDates(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const dateFields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(value.constructor, '', true, false)
      .filter((meta) => meta.name === 'isDate')
      .map((meta) => meta.propertyName),
  );
  for (const [key, field] of Object.entries(value)) {
    (value as Record<string, unknown>)[key] = dateFields.has(key) && typeof field === 'string' ? new Date(field) : reviveDates(field);
  }
  return value;
}

/**
 * A line without a commandId gets one from the file name, its line number and its text: a re-run
 * of the same file repeats it (applied once), a new file or an edited line does not.
 */
function derivedCommandId(file: string, line: number, text: string): string {
  return `import:${createHash('sha256').update(`${file}\n${line}\n${text.trim()}`).digest('hex').slice(0, 40)}`;
}
