import { ProjectionRunner, allProjections, progressBar } from '@calltrail/projections';
import { loadConfig, openLedger } from '@calltrail/server';
import type { CliCommand, CliContext } from '../cli-command';

/** `calltrail project`: the projection runner alone (no API), until SIGINT/SIGTERM. */
async function project(context: CliContext): Promise<void> {
  const ledger = await openLedger(loadConfig(context.env), { warn: context.err });
  const bar = progressBar();
  const controller = new AbortController();
  try {
    const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections());
    void context.stopSignal().then((signal) => {
      context.err(`calltrail: ${signal}, stopping after the batch in flight`);
      controller.abort();
    });
    await runner.run({
      signal: controller.signal,
      onProgress: bar.onProgress,
      onWait: (name) => context.err(`calltrail: projection ${name} is held by another runner; waiting for it`),
    });
  } finally {
    bar.stop();
    await ledger.close();
  }
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('project')
      .description('Run the projections alone: catch up from each checkpoint, then follow the store until stopped.')
      .action(() => project(context));
  },
};
export default command;
