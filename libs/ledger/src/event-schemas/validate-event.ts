import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { EVENT_SCHEMA_FILES, SHARED_SCHEMAS } from './schema-files';

/** One broken rule: where in `data` (e.g. `phones[0].number`), which rule, and what it wants. */
export interface EventSchemaViolation {
  path: string;
  rule: string;
  message: string;
}

export interface EventValidationResult {
  valid: boolean;
  errors: EventSchemaViolation[];
}

/**
 * Thrown by `assertValidEvent`: the event breaks its schema and must not be stored. Shaped like
 * the other coded errors: `code`, `field` (the first broken field), `details.violations` (all).
 */
export class EventSchemaError extends Error {
  override readonly name = 'EventSchemaError';
  readonly code = 'EVENT_SCHEMA_VIOLATION';
  readonly field: string | undefined;
  readonly details: { eventType: string; schemaVersion: number; violations: EventSchemaViolation[] };

  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly violations: EventSchemaViolation[],
  ) {
    super(
      `${eventType} v${schemaVersion} breaks its schema: ` +
        violations.map((v) => `${v.path || '(data)'}: ${v.message} [${v.rule}]`).join('; '),
    );
    this.field = violations[0]?.path || undefined;
    this.details = { eventType, schemaVersion, violations };
  }
}

// ajv-formats is CommonJS; depending on the loader its default export is the plugin or a namespace holding it.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;

export const schemaFileName = (type: string, schemaVersion: number): string => `${type}.v${schemaVersion}.json`;

function compileAll(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  for (const shared of SHARED_SCHEMAS) ajv.addSchema(shared);
  const compiled = new Map<string, ValidateFunction>();
  for (const [file, schema] of Object.entries(EVENT_SCHEMA_FILES)) compiled.set(file, ajv.compile(schema));
  return compiled;
}

let validators: Map<string, ValidateFunction> | null = null;

function validatorFor(type: string, schemaVersion: number): ValidateFunction | undefined {
  validators ??= compileAll();
  return validators.get(schemaFileName(type, schemaVersion));
}

/** The (type, version) pairs that have a schema. */
export function eventSchemaVersions(): { type: string; schemaVersion: number }[] {
  return Object.keys(EVENT_SCHEMA_FILES).map((file) => {
    const [, type, version] = /^(.+)\.v(\d+)\.json$/.exec(file)!;
    return { type: type!, schemaVersion: Number(version) };
  });
}

/** Checks an event's stored `data` (personal fields sealed) against `schemas/events/<type>.v<version>.json`. */
export function validateEvent(type: string, schemaVersion: number, data: unknown): EventValidationResult {
  const validate = validatorFor(type, schemaVersion);
  if (!validate) {
    return {
      valid: false,
      errors: [{ path: '', rule: 'schema', message: `no schema for event type ${type} version ${schemaVersion}` }],
    };
  }
  if (validate(data)) return { valid: true, errors: [] };
  return { valid: false, errors: describeErrors(validate.errors ?? []) };
}

export function assertValidEvent(type: string, schemaVersion: number, data: unknown): void {
  const result = validateEvent(type, schemaVersion, data);
  if (!result.valid) throw new EventSchemaError(type, schemaVersion, result.errors);
}

/**
 * Turns ajv's errors into one line per broken rule. For a field that may take one of several
 * shapes (`anyOf`, e.g. a sealed value or null): when the value went wrong inside (a sealed
 * object without its tag), the inner errors are kept; otherwise one error names the shapes accepted.
 */
function describeErrors(errors: ErrorObject[]): EventSchemaViolation[] {
  const kept: ErrorObject[] = [];
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const owner = alternatives.find((alt) => alt !== error && error.instancePath.startsWith(alt.instancePath));
    if (!owner) {
      kept.push(error);
      continue;
    }
    const deeper = error.instancePath.length > owner.instancePath.length;
    const ownerHasDeeperErrors = errors.some(
      (e) => e.instancePath.startsWith(owner.instancePath) && e.instancePath.length > owner.instancePath.length,
    );
    if (deeper && ownerHasDeeperErrors) kept.push(error);
  }
  const collapsed = kept.filter(
    (e) =>
      !((e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
        kept.some((k) => k.instancePath.startsWith(e.instancePath) && k.instancePath.length > e.instancePath.length)),
  );
  return dedupe(collapsed.map((e) => toViolation(e, errors)));
}

function toViolation(error: ErrorObject, all: ErrorObject[]): EventSchemaViolation {
  const base = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: join(base, String(params['missingProperty'])), rule: 'required', message: 'is required' };
    case 'additionalProperties':
      return {
        path: join(base, String(params['additionalProperty'])),
        rule: 'additionalProperties',
        message: 'is not a field of this event',
      };
    case 'anyOf':
    case 'oneOf':
      return { path: base, rule: error.keyword, message: describeAlternatives(error, all) };
    case 'enum':
      return {
        path: base,
        rule: 'enum',
        message: `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: base, rule: error.keyword, message: error.message ?? 'is invalid' };
  }
}

function describeAlternatives(alternative: ErrorObject, all: ErrorObject[]): string {
  const branchTypes = all
    .filter((e) => e !== alternative && e.instancePath === alternative.instancePath)
    .map((e) => (e.keyword === 'type' ? String((e.params as { type: string }).type) : null))
    .filter((t): t is string => t !== null);
  const wanted = [...new Set(branchTypes)];
  return wanted.length > 0
    ? `must be ${wanted.join(' or ')}`
    : 'must match one of the allowed shapes';
}

function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : join(path, segment)), '');
}

const join = (base: string, field: string): string => (base === '' ? field : `${base}.${field}`);

function dedupe(violations: EventSchemaViolation[]): EventSchemaViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.path}|${v.rule}|${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
