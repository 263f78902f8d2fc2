import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import type { CliContext } from './cli-command';

/** Opens the ledger the environment configures, runs `work` on it, and closes it whatever happens. */
export async function withLedger<T>(context: CliContext, work: (ledger: Ledger) => Promise<T>): Promise<T> {
  const ledger = await openLedger(loadConfig(context.env), { warn: context.err });
  try {
    return await work(ledger);
  } finally {
    await ledger.close();
  }
}
