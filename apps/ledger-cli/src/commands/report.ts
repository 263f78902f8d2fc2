import { Option } from 'commander';
import { CTM_PROJECTION } from '@calltrail/projections';
import { CTM_FORMATS, catchUpReadModel, ctmReport, formatCtmReport, type CtmFormat } from '@calltrail/reports';
import type { CliCommand, CliContext } from '../cli-command';
import { withLedger } from '../with-ledger';

interface CtmOptions {
  product?: string;
  campaign?: string;
  bucketMonths: string;
  from: string;
  to: string;
  format: CtmFormat;
}

/** `calltrail report ctm`: the CTM balancing-test report (seed 003) as a table, CSV, an SVG chart or JSON. */
async function ctm(context: CliContext, options: CtmOptions): Promise<void> {
  await withLedger(context, async (ledger) => {
    await catchUpReadModel(ledger.database, ledger.store, CTM_PROJECTION);
    const report = await ctmReport(
      { db: ledger.database },
      {
        productCategory: options.product ?? null,
        campaignId: options.campaign ?? null,
        bucketMonths: Number(options.bucketMonths),
        from: options.from,
        to: options.to,
      },
    );
    context.out(formatCtmReport(report, options.format).trimEnd());
  });
}

const command: CliCommand = {
  register(program, context) {
    const report = program.command('report').description('Reports for analysts, without personal data.');
    report
      .command('ctm')
      .description(
        'The CTM balancing-test report (Code Telemarketing, seed 003): per bucket of months since the person\'s last purchase in the ' +
          'product category, at the time of the call — people called, calls, answered, conversions, objections, complaints, and ' +
          'conversions, objections and complaints per answered call. Give --product or --campaign.',
      )
      .option('--product <category>', 'the product category (every campaign selling it)')
      .option('--campaign <campaignId>', 'one campaign (its product category)')
      .option('--bucket-months <n>', 'width of a bucket, in months (1 to 120)', '6')
      .requiredOption('--from <date>', 'calls from this moment (ISO-8601 date or instant, inclusive)')
      .requiredOption('--to <date>', 'calls before this moment (exclusive)')
      .addOption(
        new Option('--format <format>', 'md (a table), csv (a line per bucket), svg (a chart of the three rates) or json').choices(CTM_FORMATS).default('md'),
      )
      .action((options: CtmOptions) => ctm(context, options));
  },
};
export default command;
