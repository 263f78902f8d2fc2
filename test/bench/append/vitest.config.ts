import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../../vitest.shared';

// `npm run bench:append`: a benchmark, not a test; kept out of the normal test include.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['append.bench.ts'],
  testTimeout: 30 * 60_000,
  hookTimeout: 5 * 60_000,
});
