import 'reflect-metadata';
import { processStopSignal } from '@calltrail/server';
import { runCli } from './program';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  stopSignal: processStopSignal,
});
process.exit(code);
