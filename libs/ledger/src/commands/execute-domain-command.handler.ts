import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import type { PiiVault } from '@calltrail/pii-vault';
import type { Database } from '@calltrail/sql';
import { DATABASE, EVENT_STORE, PII_VAULT } from '../tokens';
import { CommandPipeline } from './command-pipeline';
import { ExecuteDomainCommand, type CommandResult } from './execute-domain-command';

@CommandHandler(ExecuteDomainCommand)
export class ExecuteDomainCommandHandler implements ICommandHandler<ExecuteDomainCommand, CommandResult> {
  constructor(@Inject(CommandPipeline) private readonly pipeline: CommandPipeline) {}

  execute({ command, actor, options }: ExecuteDomainCommand): Promise<CommandResult> {
    return this.pipeline.execute(command, actor, options);
  }
}

/** The pipeline over the ports the app wired, and the handler over it. */
export const COMMAND_PIPELINE_PROVIDERS = [
  {
    provide: CommandPipeline,
    useFactory: (store: EventStore, db: Database, vault: PiiVault) => CommandPipeline.open({ store, db, vault }),
    inject: [EVENT_STORE, DATABASE, PII_VAULT],
  },
  ExecuteDomainCommandHandler,
];
