import { Command } from '@nestjs/cqrs';
import type { Actor } from '@calltrail/event-store';
import type { CommandInput } from './command-input';

/** One event a command stored (or had stored before, for a repeated commandId). */
export interface StoredEventRef {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
}

/** The answer to a domain command: the events it stored, and whether it was a repeat. */
export interface CommandResult {
  commandId: string | null;
  streamId: string;
  events: StoredEventRef[];
  /** True when the same commandId was applied before: nothing new was stored. */
  replayed: boolean;
}

export interface ExecuteOptions {
  /** The client's id for this command: the same id sent twice is applied once, answered the same. */
  commandId?: string | null;
  correlationId?: string | null;
  causationId?: string | null;
}

/**
 * The one way a domain command reaches the ledger, from GraphQL and from `calltrail import`:
 * authorise, normalise phones, decide on the stream, seal personal fields, validate, append.
 * Personal fields are plaintext here and never leave this command unsealed.
 */
export class ExecuteDomainCommand extends Command<CommandResult> {
  constructor(
    /** A `DomainCommand`; phone numbers may come as typed, without their keyed hash. */
    readonly command: CommandInput,
    readonly actor: Actor,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}
