import { fileURLToPath } from 'node:url';
import { projectConfig } from '../vitest.shared';

// End-to-end tests only; the benchmarks in bench/ run with their own commands.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['e2e/**/*.spec.ts'],
  passWithNoTests: true,
});
