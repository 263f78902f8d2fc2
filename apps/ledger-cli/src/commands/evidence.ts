import { Option, type Command } from 'commander';
import { RECEIPT_CHANNELS, type ReceiptChannel } from '@calltrail/domain';
import {
  answerContactDossier,
  campaignEvidence,
  campaignEvidenceMarkdown,
  contactDossierMarkdown,
  erasureCertificate,
  erasureCertificateMarkdown,
  readContactDossier,
} from '@calltrail/reports';
import type { CliCommand, CliContext } from '../cli-command';
import { withLedger } from '../with-ledger';
import { cliActor, withCommandSession } from '../import/ledger-session';

const EVIDENCE_FORMATS = ['md', 'json'] as const;
type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

interface FormatOption {
  format: EvidenceFormat;
}

interface DossierOptions extends FormatOption {
  answer?: string;
  deliveredVia: ReceiptChannel;
  key?: string;
}

function print<T>(context: CliContext, format: EvidenceFormat, document: T, markdown: (document: T) => string): void {
  context.out(format === 'json' ? JSON.stringify(document, null, 2) : markdown(document).trimEnd());
}

/** The dossier; with --answer, the answer to that access request (AccessFulfilled is recorded). */
async function dossier(context: CliContext, contactId: string, options: DossierOptions): Promise<void> {
  const key = options.key ?? context.env['CALLTRAIL_KEY'];
  if (!options.answer) {
    return withLedger(context, async (ledger) => {
      const found = await readContactDossier(ledger, await cliActor(ledger, key), contactId);
      print(context, options.format, found, contactDossierMarkdown);
    });
  }
  const request = { requestId: options.answer, deliveredVia: options.deliveredVia };
  const answer = await withCommandSession(context, key, ({ ledger, pipeline, actor }) =>
    answerContactDossier({ store: ledger.store, vault: ledger.vault, execute: (command) => pipeline.execute(command, actor) }, actor, contactId, request),
  );
  print(context, options.format, answer.dossier, contactDossierMarkdown);
  context.err(`AccessFulfilled recorded for request ${request.requestId} (event ${answer.answered.fulfilment.events[0]!.eventId}, dossier ${answer.answered.dossierRef}).`);
}

const formatOption = () =>
  new Option('--format <format>', 'md (a document to read or send) or json (everything, with event ids)').choices(EVIDENCE_FORMATS).default('md');

function registerSubcommands(evidence: Command, context: CliContext): void {
  evidence
    .command('dossier')
    .description(
      'Everything held on one person, decrypted: identity, contact details, source, consents, purchases, objections, complaints, ' +
        'calls with notes, who received the data, erasure. Compliance only: a compliance --key, or the local actor on the embedded store.',
    )
    .argument('<contactId>', 'the contact (data subject)')
    .option('--answer <accessRequestId>', 'answer this access request: records AccessFulfilled naming the dossier by its digest')
    .addOption(new Option('--delivered-via <channel>', 'how the answer is delivered').choices(RECEIPT_CHANNELS).default('email'))
    .option('--key <key>', 'act as this API key (default: CALLTRAIL_KEY, or the local compliance actor on the embedded store)')
    .addOption(formatOption())
    .action((contactId: string, options: DossierOptions) => dossier(context, contactId, options));

  evidence
    .command('campaign')
    .description(
      'A campaign\'s accountability pack: balancing tests, DPIA, DNC scrubs with snapshot versions, processors with agreements, ' +
        'safeguards and training of the agents who called, the call audit, objections received and honoured. No personal data.',
    )
    .argument('<campaignId>', 'the campaign')
    .option('--as-of <date>', 'the pack as of this moment (ISO-8601), from what had occurred by then; default now')
    .addOption(formatOption())
    .action((campaignId: string, options: FormatOption & { asOf?: string }) =>
      withLedger(context, async (ledger) => {
        const asOf = options.asOf ? new Date(options.asOf) : null;
        print(context, options.format, await campaignEvidence({ store: ledger.store, db: ledger.database }, campaignId, asOf), campaignEvidenceMarkdown);
      }),
    );

  evidence
    .command('erasure')
    .description(
      'The erasure certificate of a contact: requested when, key destroyed when, each processor\'s confirmation with its date, ' +
        'within 30 days or not. No personal data.',
    )
    .argument('<contactId>', 'the contact whose erasure was requested')
    .addOption(formatOption())
    .action((contactId: string, options: FormatOption) =>
      withLedger(context, async (ledger) => print(context, options.format, await erasureCertificate(ledger, contactId), erasureCertificateMarkdown)),
    );
}

const command: CliCommand = {
  register(program, context) {
    const evidence = program
      .command('evidence')
      .description('Evidence packs: a person\'s dossier (access request), a campaign\'s accountability pack, an erasure certificate.');
    registerSubcommands(evidence, context);
  },
};
export default command;
