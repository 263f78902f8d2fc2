import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../../vitest.shared';

// `npm run bench:eligibility`: a benchmark, not a test; kept out of the normal test include.
export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), {
  include: ['eligibility.bench.ts'],
  testTimeout: 30 * 60_000,
  hookTimeout: 90 * 60_000,
  // The server measured is the one `calltrail serve` runs: as production (apps/ledger-cli/src/main.ts).
  // graphql-js picks its development checks when it loads, Apollo and Nest their defaults when the
  // server starts, all from NODE_ENV, which vitest sets to `test`; this is set in the worker first.
  env: { NODE_ENV: 'production' },
});
