import { printSortedSchema } from '@calltrail/api';
import { loadConfig } from './config';
import { openLedger } from './open-ledger';
import { createApp } from './server';

/** The API's schema (sorted SDL), from a throwaway in-memory ledger. */
export async function printApiSchema(): Promise<string> {
  const ledger = await openLedger(loadConfig({}), { inMemory: true });
  try {
    const app = await createApp(ledger);
    await app.init();
    try {
      return printSortedSchema(app);
    } finally {
      await app.close();
    }
  } finally {
    await ledger.close();
  }
}
