import { generateDemo, type GeneratedDemo } from '../demo/generate-demo';
import { runDemo, type DemoRun } from '../demo/run-demo';
import { fileProgress } from '../import/progress';
import { withCommandSession } from '../import/ledger-session';
import type { CliCommand, CliContext } from '../cli-command';

interface DemoCommandOptions {
  seed: string;
  contacts: string;
  key?: string;
}

class DemoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function positiveInteger(value: string, field: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new DemoError('INVALID_INPUT', `--${field} must be a whole number, 1 or more`, field);
  return number;
}

async function demo(options: DemoCommandOptions, context: CliContext): Promise<void> {
  const seed = positiveInteger(options.seed, 'seed');
  const contacts = positiveInteger(options.contacts, 'contacts');
  await withCommandSession(context, options.key, async (session) => {
    const head = await session.ledger.store.headPosition();
    if (head > 0) {
      throw new DemoError('LEDGER_NOT_EMPTY', `the ledger already holds ${head} events; run the demo on a new data folder (CALLTRAIL_DATA_DIR)`);
    }
    const generated = generateDemo({ seed, contacts, now: new Date() });
    const started = Date.now();
    const progress = fileProgress('demo', generated.steps.length, 'commands', context.err);
    const run = await runDemo(session, generated.steps, progress.update).finally(() => progress.stop());
    printSummary(context, generated, run, (Date.now() - started) / 1000);
  });
}

function printSummary(context: CliContext, demo: GeneratedDemo, run: DemoRun, seconds: number): void {
  const { world, contacts, incidents } = demo;
  const out = context.out;
  const bySource = countBy(contacts.map((contact) => contact.sourceKind));
  out(`Demo data set, ${demo.from.toISOString().slice(0, 10)} to ${demo.to.toISOString().slice(0, 10)}: ${run.commands} commands and ${run.snapshots} DNC snapshots, ${run.events} events, in ${seconds.toFixed(0)} s.`);
  out(`  contacts:    ${contacts.length} (${[...bySource].map(([kind, n]) => `${n} ${kind}`).join(', ')})`);
  out(`  processor:   ${world.callCentreBe.name} (BE) ${world.callCentreBe.processorId}`);
  out(`  processor:   ${world.callCentreMa.name} (MA, no SCC, from ${new Date(world.callCentreMa.since).toISOString().slice(0, 10)}) ${world.callCentreMa.processorId}`);
  out(`  processor:   ${world.broker.name} (list broker, NL) ${world.broker.processorId}`);
  for (const campaign of Object.values(world.campaigns)) {
    out(`  campaign:    ${campaign.name} (${campaign.country}, ${campaign.productCategory}) ${campaign.campaignId}`);
  }
  out(`  on purpose:  ${incidents.lateObjections} objections recorded late, ${incidents.callsAfterObjection} call after an objection, ${incidents.dncListedCalls} call to a DNC-listed number,`);
  out(`               ${incidents.erasures} erasure not confirmed by every processor, ${incidents.accessRequests} access requests (one overdue), ${incidents.breaches} breach notified late,`);
  out('               calls with nine rings, by a machine, with the caller id withheld, and a recording without notice');
  if (incidents.erasedContactId) out(`  erased:      contact ${incidents.erasedContactId}`);
  if (incidents.openAccessRequest) {
    out(`  open access request ${incidents.openAccessRequest.requestId} of contact ${incidents.openAccessRequest.contactId}`);
  }
  const refused = [...run.refusals].map(([code, n]) => `${n} ${code}`).join(', ');
  out(`  refused:     ${refused || 'nothing'} (the ledger refuses notes with health data or insults; nothing was stored for them)`);
  out('Next: calltrail audit, register, evidence, report ctm (see the README, "Try it: the demo").');
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('demo')
      .description(
        'Fill a new data folder with a realistic, seeded data set: contacts from own customers, web forms and bought or rented lists; campaigns in BE, NL and FR with balancing tests, DPIAs and DNC scrubs; a Belgian and an offshore (Moroccan) call centre; two years of calls; late objections, an erasure, a late breach notification. Every command goes through the ledger\'s rules.',
      )
      .option('--seed <n>', 'the seed: the same seed on the same day gives the same data set', '42')
      .option('--contacts <n>', 'how many contacts (calls grow with them; 200 take about a minute on the embedded store)', '200')
      .option('--key <key>', 'act as this API key (default: CALLTRAIL_KEY, or the local compliance actor on the embedded store)')
      .action((options: DemoCommandOptions) => demo(options, context));
  },
};
export default command;
