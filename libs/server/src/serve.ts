import { ProjectionRunner, allProjections, runInBackground } from '@calltrail/projections';
import { loadConfig } from './config';
import { openLedger, type Ledger } from './open-ledger';
import { startServer } from './server';

export interface ServeIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the server should stop (e.g. on SIGINT/SIGTERM). */
  stopSignal: () => Promise<string>;
}

/**
 * `calltrail serve`: opens the configured store, applies migrations, says where the data lives,
 * prints a first admin key on a new ledger (once), and serves GraphQL until stopped.
 */
export async function serveLedger(io: ServeIo): Promise<void> {
  const ledger = await openLedger(loadConfig(io.env), { warn: io.err });
  try {
    describeLedger(ledger, io);
    const firstAdmin = await ledger.apiKeys.createFirstAdminKey();
    if (firstAdmin) {
      io.out('');
      io.out('New ledger: an admin key was created. It is shown this once; store it now:');
      io.out(`  ${firstAdmin.key}`);
      io.out('Use it to create the other keys (the createApiKey mutation, or `calltrail keys create` while stopped).');
      io.out('');
    }
    const projections = runInBackground(new ProjectionRunner(ledger.database, ledger.store, allProjections()), (error) =>
      io.err(`calltrail: projections: ${error instanceof Error ? error.message : String(error)}; retrying`),
    );
    const server = await startServer(ledger);
    io.out(`GraphQL on ${server.url}`);
    const signal = await io.stopSignal();
    io.out(`calltrail: ${signal}, stopping`);
    await server.close();
    await projections.stop();
  } finally {
    await ledger.close();
  }
}

function describeLedger(ledger: Ledger, io: ServeIo): void {
  io.out(`calltrail ${ledger.info.version}`);
  io.out(`  event store: ${ledger.info.storeKind}`);
  io.out(`  data:        ${ledger.info.dataLocation}`);
  const key = ledger.masterKey;
  io.out(`  master key:  ${key.source === 'env' ? 'CALLTRAIL_MASTER_KEY' : key.path} (id ${key.id})`);
}

/** Resolves on the first SIGINT or SIGTERM. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}
