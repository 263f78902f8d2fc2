// `calltrail serve` itself (see main.ts): same configuration, same wiring (@calltrail/server).
import 'reflect-metadata';
import { processStopSignal, serveLedger } from '@calltrail/server';

try {
  await serveLedger({
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    stopSignal: processStopSignal,
  });
  process.exit(0);
} catch (error) {
  console.error(`calltrail: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
