import type { Actor } from '@calltrail/event-store';
import { CommandPipeline } from '@calltrail/ledger';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import type { CliContext } from '../cli-command';

/**
 * Who acts when no key is given, on the embedded store only: whoever can open the data folder
 * already holds everything in it. Events record this key id, so the ledger shows what came from the CLI.
 */
export const LOCAL_COMPLIANCE_ACTOR: Actor = { keyId: 'local-cli', role: 'compliance', processorId: null };

export interface CommandSession {
  ledger: Ledger;
  pipeline: CommandPipeline;
  actor: Actor;
}

export class CliActorError extends Error {
  readonly code = 'KEY_REQUIRED';
  readonly field = 'key';
}

/** The actor of a CLI command: the key given (`--key` or CALLTRAIL_KEY), or the local compliance actor on the embedded store. */
export async function cliActor(ledger: Ledger, key: string | undefined): Promise<Actor> {
  if (key) return ledger.apiKeys.authenticate(key);
  if (ledger.config.store === 'pglite') return LOCAL_COMPLIANCE_ACTOR;
  throw new CliActorError(`on ${ledger.config.store}, give an API key with --key or CALLTRAIL_KEY (compliance, or processor for its own facts)`);
}

/**
 * Opens the ledger and the command pipeline, runs the work, then brings the read models up to
 * date (so eligibility answers from what was just written) and closes.
 */
export async function withCommandSession<T>(context: CliContext, key: string | undefined, work: (session: CommandSession) => Promise<T>): Promise<T> {
  const ledger = await openLedger(loadConfig(context.env), { warn: context.err });
  try {
    const actor = await cliActor(ledger, key ?? context.env['CALLTRAIL_KEY']);
    const pipeline = await CommandPipeline.open({ store: ledger.store, db: ledger.database, vault: ledger.vault });
    const result = await work({ ledger, pipeline, actor });
    await new ProjectionRunner(ledger.database, ledger.store, allProjections()).catchUp();
    return result;
  } finally {
    await ledger.close();
  }
}
