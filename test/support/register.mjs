// Runs the TypeScript sources directly under Node (child processes in tests, benchmarks):
// `node --import ./test/support/register.mjs script.ts`. SWC compiles, as in vitest.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
