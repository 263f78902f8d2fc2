import type { CliCommand, CliContext } from '../cli-command';
import { withLedger } from '../with-ledger';

async function verify(context: CliContext): Promise<void> {
  await withLedger(context, async (ledger) => {
    const report = await ledger.store.verify();
    context.out(`Checked ${report.eventsChecked} events in ${report.streamsChecked} streams.`);
    if (report.ok) {
      context.out('Every hash chain holds.');
      return;
    }
    const broken = report.firstBroken!;
    context.out(`BROKEN: stream ${broken.streamId}, version ${broken.streamVersion}: ${broken.reason}`);
    context.out(`  expected ${broken.expected}`);
    context.out(`  actual   ${broken.actual}`);
    context.setExitCode?.(1);
  });
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('verify')
      .description('Recompute every stream\'s hash chain; print the first broken link and exit 1 if there is one.')
      .action(() => verify(context));
  },
};
export default command;
