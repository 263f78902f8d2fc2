import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError, isDomainError } from './errors';

const decidersDir = fileURLToPath(new URL('./deciders', import.meta.url));

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : [],
  );
}

describe('domain error codes', () => {
  const source = filesUnder(decidersDir, '.ts').filter((f) => !f.endsWith('.spec.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
  const specs = filesUnder(decidersDir, '.spec.ts').map((f) => readFileSync(f, 'utf8')).join('\n');

  it.each(Object.keys(DOMAIN_ERROR_CODES))('%s is thrown by a decider and asserted by a decider test', (code) => {
    expect(source).toContain(`'${code}'`);
    expect(specs).toContain(`'${code}'`);
  });

  it('each have a one-line meaning', () => {
    for (const meaning of Object.values(DOMAIN_ERROR_CODES)) {
      expect(meaning).toMatch(/^[A-Z].*\.$/);
      expect(meaning).not.toContain('\n');
    }
  });

  it('carry code, field and details', () => {
    const error = new DomainError('NOTE_OFFENSIVE', 'the note holds insulting language: idiot', 'text', { terms: ['idiot'] });
    expect(isDomainError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect({ code: error.code, field: error.field, details: error.details, name: error.name }).toEqual({
      code: 'NOTE_OFFENSIVE',
      field: 'text',
      details: { terms: ['idiot'] },
      name: 'DomainError',
    });
  });
});
