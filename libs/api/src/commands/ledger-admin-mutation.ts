import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID } from '@nestjs/graphql';
import type { DomainCommand } from '@calltrail/domain';
import type { Actor } from '@calltrail/event-store';
import { ExecuteDomainCommand, type CommandResult } from '@calltrail/ledger';

/** The optional `commandId` argument of every mutation: the same id sent twice is applied once. */
export const CommandIdArg = (): ParameterDecorator =>
  Args('commandId', {
    type: () => ID,
    nullable: true,
    description: 'Your id for this command: sent again, it is applied once and answered the same.',
  });

/** What the campaign, processor and organisation resolvers share: sending a domain command. */
@Injectable()
export abstract class LedgerAdminResolver {
  constructor(private readonly commandBus: CommandBus) {}

  protected send(command: DomainCommand, actor: Actor, commandId: string | null | undefined): Promise<CommandResult> {
    return this.commandBus.execute(new ExecuteDomainCommand(command, actor, { commandId: commandId ?? null }));
  }
}
