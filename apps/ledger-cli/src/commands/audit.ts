import { Option } from 'commander';
import { REPORT_FORMATS, auditCalls, formatCallAudit, type ReportFormat } from '@calltrail/reports';
import type { CliCommand, CliContext } from '../cli-command';
import { withLedger } from '../with-ledger';

interface AuditOptions {
  from: string;
  to: string;
  campaign?: string;
  processor?: string;
  format: ReportFormat;
}

/** `calltrail audit`: every call of a period replayed at its moment on LEGAL and KNOWN. */
async function audit(context: CliContext, options: AuditOptions): Promise<void> {
  await withLedger(context, async (ledger) => {
    const report = await auditCalls(
      { store: ledger.store, db: ledger.database },
      { from: options.from, to: options.to, campaignId: options.campaign ?? null, processorId: options.processor ?? null },
    );
    context.out(formatCallAudit(report, options.format).trimEnd());
  });
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('audit')
      .description(
        'Replay every call of a period at its moment, on what had occurred (LEGAL) and what the ledger had recorded (KNOWN): ' +
          'CALL_WHILE_INELIGIBLE and PROPAGATION_DELAY, with the reasons then in force and the events behind them.',
      )
      .requiredOption('--from <date>', 'the start of the period (ISO-8601 date or instant, inclusive)')
      .requiredOption('--to <date>', 'the end of the period (exclusive)')
      .option('--campaign <campaignId>', 'only the calls of this campaign')
      .option('--processor <processorId>', 'only the calls of this processor (call centre)')
      .addOption(new Option('--format <format>', 'md (a summary and a table), csv (a line per finding) or json').choices(REPORT_FORMATS).default('md'))
      .action((options: AuditOptions) => audit(context, options));
  },
};
export default command;
