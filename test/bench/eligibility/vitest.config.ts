import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../../vitest.shared';

// `npm run bench:eligibility`: a benchmark, not a test; kept out of the normal test include.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['eligibility.bench.ts'],
  testTimeout: 30 * 60_000,
  hookTimeout: 90 * 60_000,
});
