import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printApiSchema } from './schema';

const SCHEMA_FILE = fileURLToPath(new URL('../../../schemas/graphql/schema.graphql', import.meta.url));

describe('schemas/graphql/schema.graphql', () => {
  it('is the schema the code generates (regenerate: CALLTRAIL_WRITE_SCHEMA=1 npx nx test server)', async () => {
    const generated = await printApiSchema();
    if (process.env['CALLTRAIL_WRITE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
