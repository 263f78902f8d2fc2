import { Option } from 'commander';
import { REGISTER_PROJECTION } from '@calltrail/projections';
import { REPORT_FORMATS, catchUpReadModel, formatRegister, processingRegister, type ReportFormat } from '@calltrail/reports';
import type { CliCommand, CliContext } from '../cli-command';
import { withLedger } from '../with-ledger';

interface RegisterOptions {
  asOf?: string;
  format: ReportFormat;
}

/** `calltrail register`: the processing register (GDPR Art. 30(1)) as of a date, from its read models brought up to date. */
async function register(context: CliContext, options: RegisterOptions): Promise<void> {
  await withLedger(context, async (ledger) => {
    await catchUpReadModel(ledger.database, ledger.store, REGISTER_PROJECTION);
    const report = await processingRegister(ledger.database, options.asOf ?? new Date());
    context.out(formatRegister(report, options.format).trimEnd());
  });
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('register')
      .description(
        'Print the processing register (GDPR Art. 30(1)) as of a date, built from the events: one entry per campaign, ' +
          'every cell with the ids of the events behind it, and every gap (a transfer without safeguard…) shown.',
      )
      .option('--as-of <date>', 'the date of the register (ISO-8601 date or instant); default: now')
      .addOption(new Option('--format <format>', 'md (a table per activity), csv (a line per activity) or json').choices(REPORT_FORMATS).default('md'))
      .action((options: RegisterOptions) => register(context, options));
  },
};
export default command;
