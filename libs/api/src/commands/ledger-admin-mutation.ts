import { applyDecorators, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Actor } from '@calltrail/event-store';
import { ExecuteDomainCommand, type CommandInput, type CommandResult, type ExecuteOptions } from '@calltrail/ledger';

const MAX_TRACE_ID = 200;
/** Printable, no spaces: an id from a tracing or workflow system, never a sentence (or a person's data). */
const TRACE_ID = /^[\x21-\x7e]+$/;

function TraceIdField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, { nullable: true, description }),
    IsOptional(),
    IsString({ message: '$property must be text' }),
    MaxLength(MAX_TRACE_ID, { message: `$property may be at most ${MAX_TRACE_ID} characters` }),
    Matches(TRACE_ID, { message: '$property must be printable ASCII without spaces' }),
  );
}

/** The optional `commandId` argument of every mutation: the same id sent twice is applied once. */
export const CommandIdArg = (): ParameterDecorator =>
  Args('commandId', {
    type: () => ID,
    nullable: true,
    description: 'Your id for this command: sent again, it is applied once and answered the same.',
  });

/** Tracing ids stored in the metadata of each event a command stores, so that an auditor can follow a chain of commands across systems. */
@InputType('CommandTraceInput')
export class CommandTraceInput {
  @TraceIdField('The id of the business transaction this command belongs to (metadata.correlationId). No personal data.')
  correlationId?: string | null;

  @TraceIdField('The id of what caused this command, e.g. the event or message it answers (metadata.causationId). No personal data.')
  causationId?: string | null;
}

/**
 * The optional `trace` argument of every mutation. Declare the parameter as `trace?: CommandTraceInput`,
 * not `| null`: with a union, TypeScript records its type as Object and the validation pipe skips it.
 */
export const TraceArg = (): ParameterDecorator =>
  Args('trace', { type: () => CommandTraceInput, nullable: true, description: 'Correlation and causation ids for the events stored.' });

/** The arguments as the command pipeline takes them (absent: null). */
function executeOptions(commandId: string | null | undefined, trace: CommandTraceInput | null | undefined): ExecuteOptions {
  return {
    commandId: commandId ?? null,
    correlationId: trace?.correlationId ?? null,
    causationId: trace?.causationId ?? null,
  };
}

/** What every command resolver shares: sending a command, with its commandId and trace ids. */
@Injectable()
export abstract class LedgerAdminResolver {
  constructor(private readonly commandBus: CommandBus) {}

  protected send(
    command: CommandInput,
    actor: Actor,
    commandId: string | null | undefined,
    trace: CommandTraceInput | null | undefined,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ExecuteDomainCommand(command, actor, executeOptions(commandId, trace)));
  }
}
