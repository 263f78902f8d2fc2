import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../../vitest.shared';

// Generates (or finds) the benchmark data set ahead of a benchmark: a tool, not a test.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['generate.bench.ts'],
  testTimeout: 90 * 60_000,
  hookTimeout: 5 * 60_000,
});
