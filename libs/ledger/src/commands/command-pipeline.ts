import { createHmac } from 'node:crypto';
import {
  COMMAND_STREAM_KIND,
  DECIDERS,
  DomainError,
  EVENT_SCHEMA_VERSION,
  foldEvents,
  personalDataSubject,
  streamIdOfCommand,
  type CallDecideContext,
  type DecidedEvent,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type WordList,
} from '@calltrail/domain';
import {
  canonicalJson,
  DuplicateEventIdConflictError,
  readStreamOrEmpty,
  WrongExpectedVersionError,
  type Actor,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@calltrail/event-store';
import type { PiiVault } from '@calltrail/pii-vault';
import type { Database } from '@calltrail/sql';
import { assertValidEvent } from '../event-schemas';
import { CommandError } from './command-errors';
import { checkCommandId, eventIdOf } from './command-ids';
import type { CommandInput } from './command-input';
import { CommandLog } from './command-log';
import { authoriseCommand, authoriseOnCall, isCallFollowUp } from './command-permissions';
import type { CommandResult, ExecuteOptions, StoredEventRef } from './execute-domain-command';
import { withPhoneHashes } from './phones';
import { sealPersonalFields } from './seal-events';

export interface CommandPipelinePorts {
  store: EventStore;
  db: Database;
  vault: PiiVault;
  /** The ledger's clock: "now" for the deciders and the default occurredAt. */
  clock?: () => Date;
  /** Word lists for note screening (default: the domain's). */
  wordLists?: readonly WordList[];
}

/** How often a command is re-decided when another writer appended to its stream first. */
const MAX_ATTEMPTS = 5;

/**
 * The fingerprint key is derived from the vault's secret pepper (HMAC of a label no real number
 * normalises to), so a fingerprint of a command holding personal data cannot be checked against guesses.
 */
const FINGERPRINT_KEY_LABEL = '+100000000000000';

type AnyDecider = Decider<DomainCommand, unknown, DomainEvent, CallDecideContext>;

interface Applied {
  result: CommandResult;
  /** The contact whose personal data the command concerned, if any. */
  subjectId: string | null;
}

/**
 * The one way a domain command reaches the ledger (GraphQL and `calltrail import`): authorise,
 * normalise phones, read and fold the stream, decide, seal personal fields, validate against
 * schemas/events, append with the expected version. A refusal stores nothing.
 */
export class CommandPipeline {
  private readonly clock: () => Date;

  private constructor(
    private readonly ports: CommandPipelinePorts,
    private readonly log: CommandLog,
  ) {
    this.clock = ports.clock ?? (() => new Date());
  }

  /** Applies the command log's migrations (idempotent) and returns the pipeline. */
  static async open(ports: CommandPipelinePorts): Promise<CommandPipeline> {
    return new CommandPipeline(ports, await CommandLog.open(ports.db));
  }

  async execute(command: CommandInput, actor: Actor, options: ExecuteOptions = {}): Promise<CommandResult> {
    authoriseCommand(actor, command);
    const streamId = streamOf(command);
    if (options.commandId === undefined || options.commandId === null) {
      return this.afterErasure(command, await this.apply(command, actor, streamId, null, options), null);
    }
    const commandId = checkCommandId(options.commandId);
    const earlier = await this.log.claim({ commandId, fingerprint: this.fingerprint(command), commandType: command.type, streamId });
    if (earlier) {
      if (isCallFollowUp(command)) await this.readState(command, actor, streamId);
      return earlier;
    }
    try {
      const applied = await this.apply(command, actor, streamId, commandId, options);
      await this.log.complete(commandId, applied.result, applied.subjectId);
      return await this.afterErasure(command, applied, commandId);
    } catch (error) {
      await this.log.release(commandId);
      throw error;
    }
  }

  /** Once a contact is erased, the fingerprints of the commands about them go too (but the erasure's own). */
  private async afterErasure(command: CommandInput, applied: Applied, commandId: string | null): Promise<CommandResult> {
    if (command.type === 'CompleteErasure' && applied.subjectId) await this.log.forgetSubject(applied.subjectId, commandId);
    return applied.result;
  }

  private async apply(
    command: CommandInput,
    actor: Actor,
    streamId: string,
    commandId: string | null,
    options: ExecuteOptions,
  ): Promise<Applied> {
    for (let attempt = 1; ; attempt++) {
      const { stored, state } = await this.readState(command, actor, streamId);
      const earlier = commandId === null ? null : appliedBefore(stored, commandId, command, streamId);
      if (earlier) return earlier;
      const decided = await this.decide(command, stored, state);
      const events = await Promise.all(decided.map((event, index) => this.toNewEvent(event, index, command.type, actor, commandId, options)));
      try {
        const appended = await this.ports.store.appendToStream(streamId, events, { expectedVersion: expectedVersionOf(stored) });
        return { result: resultOf(appended, events, commandId), subjectId: subjectOf(decided) };
      } catch (error) {
        if (commandId !== null && error instanceof DuplicateEventIdConflictError) {
          const again = await readStreamOrEmpty(this.ports.store, streamId);
          const replay = appliedBefore(again, commandId, command, streamId);
          if (replay) return replay;
          throw reusedId(commandId, 'another stream');
        }
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new CommandError('CONCURRENT_WRITES', `${streamId} changed ${MAX_ATTEMPTS} times while the command was decided; send it again`);
        }
      }
    }
  }

  /** Reads and folds the stream; for a call follow-up, the key must act for the call's processor. */
  private async readState(command: CommandInput, actor: Actor, streamId: string): Promise<{ stored: StoredEvent[]; state: unknown }> {
    const stored = await readStreamOrEmpty(this.ports.store, streamId);
    const state = foldEvents(deciderOf(command), stored.map(toDomainEvent));
    if (COMMAND_STREAM_KIND[command.type] === 'call') {
      authoriseOnCall(actor, command, (state as { processorId: string | null }).processorId);
    }
    return { stored, state };
  }

  private async decide(command: CommandInput, stored: StoredEvent[], state: unknown): Promise<DecidedEvent[]> {
    const { vault, wordLists } = this.ports;
    const domainCommand = withPhoneHashes(command, vault, countryOnRecord(stored));
    const context: CallDecideContext = { now: this.clock(), ...(wordLists && { wordLists }) };
    const decider = deciderOf(command);
    if (domainCommand.type !== 'CompleteErasure') {
      const decided = decider.decide(domainCommand, state, context);
      if (domainCommand.type === 'RegisterContact') await vault.createContactKey(domainCommand.contactId.toLowerCase());
      return decided;
    }
    // The ledger, not the caller, names the destroyed key: decide once to check the request is
    // open, destroy the key, then record which key it was.
    decider.decide({ ...domainCommand, keyId: 'to-be-destroyed' }, state, context);
    const shredded = await vault.shred(domainCommand.contactId.toLowerCase());
    return decider.decide({ ...domainCommand, keyId: shredded.keyId ?? 'none' }, state, context);
  }

  private async toNewEvent(
    event: DecidedEvent,
    index: number,
    commandType: CommandInput['type'],
    actor: Actor,
    commandId: string | null,
    options: ExecuteOptions,
  ): Promise<NewEvent> {
    const schemaVersion = EVENT_SCHEMA_VERSION[event.type];
    const data = await sealPersonalFields(this.ports.vault, event);
    assertValidEvent(event.type, schemaVersion, data);
    return {
      ...(commandId !== null && { eventId: eventIdOf(commandId, index) }),
      type: event.type,
      data,
      metadata: {
        occurredAt: event.occurredAt ?? this.clock().toISOString(),
        actor: { keyId: actor.keyId, role: actor.role, processorId: actor.processorId ?? null },
        correlationId: options.correlationId ?? null,
        causationId: options.causationId ?? null,
        schemaVersion,
        commandId,
        commandType,
      },
    };
  }

  private fingerprint(command: CommandInput): string {
    const key = Buffer.from(this.ports.vault.phoneHash(FINGERPRINT_KEY_LABEL), 'hex');
    return createHmac('sha256', key).update(canonicalJson(command)).digest('hex');
  }
}

function deciderOf(command: CommandInput): AnyDecider {
  return DECIDERS[COMMAND_STREAM_KIND[command.type]] as unknown as AnyDecider;
}

const STREAM_ID_FIELD = {
  contact: 'contactId',
  call: 'callId',
  campaign: 'campaignId',
  processor: 'processorId',
  registry: 'registry',
  organisation: 'type',
} as const;

/** The command's stream; a malformed id is refused naming the field. */
function streamOf(command: CommandInput): string {
  try {
    return streamIdOfCommand(command as DomainCommand);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const field = STREAM_ID_FIELD[COMMAND_STREAM_KIND[command.type]];
    throw new DomainError('INVALID_FIELD', `${field}: ${error.message}`, field);
  }
}

function toDomainEvent(event: StoredEvent): DomainEvent {
  return { type: event.type, data: event.data } as DomainEvent;
}

function expectedVersionOf(stored: StoredEvent[]): 'no_stream' | number {
  return stored.length === 0 ? 'no_stream' : stored[stored.length - 1]!.streamVersion;
}

/** The contact's country on record (the latest registration or rectification that set one). */
function countryOnRecord(stored: StoredEvent[]): string | null {
  for (let index = stored.length - 1; index >= 0; index--) {
    const country = stored[index]!.data['country'];
    if (typeof country === 'string') return country;
  }
  return null;
}

/** The events this commandId already stored in the stream (a retry after a crash or a race), as its answer. */
function appliedBefore(stored: StoredEvent[], commandId: string, command: CommandInput, streamId: string): Applied | null {
  const applied = stored.filter((event) => event.metadata['commandId'] === commandId);
  if (applied.length === 0) return null;
  if (applied[0]!.metadata['commandType'] !== command.type) throw reusedId(commandId, `a ${String(applied[0]!.metadata['commandType'])} command`);
  return {
    result: { commandId, streamId, events: applied.map(refOf), replayed: true },
    subjectId: subjectOf(applied.map(toDomainEvent)),
  };
}

function reusedId(commandId: string, usedFor: string): CommandError {
  return new CommandError('COMMAND_ID_REUSED', `commandId ${commandId} was already used for ${usedFor}; use a new commandId`, 'commandId');
}

function refOf(event: StoredEvent): StoredEventRef {
  const { eventId, type, streamId, streamVersion, globalPosition } = event;
  return { eventId, type, streamId, streamVersion, globalPosition };
}

function resultOf(appended: AppendResult, events: NewEvent[], commandId: string | null): CommandResult {
  return {
    commandId,
    streamId: appended.streamId,
    events: appended.events.map((position, index) => ({
      eventId: position.eventId,
      type: events[index]!.type,
      streamId: appended.streamId,
      streamVersion: position.streamVersion,
      globalPosition: position.globalPosition,
    })),
    replayed: false,
  };
}

function subjectOf(events: readonly DomainEvent[]): string | null {
  for (const event of events) {
    const subject = personalDataSubject(event);
    if (subject) return subject;
  }
  return null;
}
