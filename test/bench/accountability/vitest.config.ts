import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../../vitest.shared';

// `npm run bench:accountability`: a benchmark, not a test; kept out of the normal test include.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['accountability.bench.ts'],
  testTimeout: 60 * 60_000,
  hookTimeout: 90 * 60_000,
});
