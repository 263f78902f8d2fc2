import { ProjectionRunner, allProjections, heapLimitBytes, progressBar } from '@calltrail/projections';
import { loadConfig, openLedger } from '@calltrail/server';
import type { CliCommand, CliContext } from '../cli-command';

async function rebuild(names: string[], context: CliContext): Promise<void> {
  const ledger = await openLedger(loadConfig(context.env), { warn: context.err });
  const heapMb = Math.round(heapLimitBytes() / 2 ** 20).toLocaleString('en');
  context.err(
    `calltrail: heap limit ${heapMb} MB; the projections remember less between batches in a smaller heap ` +
      '(NODE_OPTIONS=--max-old-space-size=<MB> changes it; docs/scaling.md)',
  );
  const bar = progressBar();
  try {
    const runner = new ProjectionRunner(ledger.database, ledger.store, allProjections());
    const started = Date.now();
    await runner.rebuild(names, {
      onProgress: bar.onProgress,
      onWait: (name) => context.err(`calltrail: projection ${name} is held by another runner; waiting for it`),
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    for (const lag of await runner.lag()) {
      context.out(`${lag.projection}: rebuilt to position ${lag.checkpoint} (head ${lag.head}) in ${seconds.toFixed(1)} s`);
    }
  } finally {
    bar.stop();
    await ledger.close();
  }
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('rebuild')
      .argument('[projection...]', 'the projections to rebuild (default: all)')
      .description('Empty the read models of the projections and replay every event from zero, with progress and events/s.')
      .action((names: string[]) => rebuild(names, context));
  },
};
export default command;
