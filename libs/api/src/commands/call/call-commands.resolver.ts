import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import { COMMAND_PERMISSION, commandFromInput, type CommandResult } from '@calltrail/ledger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandResultModel } from '../command-result.model';
import { CommandIdArg, CommandTraceInput, LedgerAdminResolver, TraceArg } from '../ledger-admin-mutation';
import {
  RecordCallAttemptInput,
  GivePrivacyNoticeInput,
  GiveRecordingNoticeInput,
  StartRecordingInput,
  RecordCallOutcomeInput,
  RecordCallNoteInput,
  RecordEmailSentInput,
} from './call-commands.inputs';

/**
 * The call stream `call-<uuid>`: one call (or e-mail) and what happened on it. A processor key
 * records only its own processor's calls; for a notice, recording, outcome or note, the ledger reads
 * the call's processor from the call itself.
 */
@Resolver()
export class CallCommandsResolver extends LedgerAdminResolver {
  @Mutation(() => CommandResultModel, { description: 'Records a call placed, with the line dialled as a keyed hash (CallAttempted).' })
  @RequirePermission(COMMAND_PERMISSION.RecordCallAttempt)
  recordCallAttempt(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordCallAttemptInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RecordCallAttempt', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records the privacy notice given on an answered call (PrivacyNoticeGiven).' })
  @RequirePermission(COMMAND_PERMISSION.GivePrivacyNotice)
  givePrivacyNotice(
    @CurrentActor() actor: Actor,
    @Args('input') input: GivePrivacyNoticeInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('GivePrivacyNotice', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records the recording notice given on an answered call (RecordingNoticeGiven).' })
  @RequirePermission(COMMAND_PERMISSION.GiveRecordingNotice)
  giveRecordingNotice(
    @CurrentActor() actor: Actor,
    @Args('input') input: GiveRecordingNoticeInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('GiveRecordingNotice', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records that a recording started (RecordingStarted).' })
  @RequirePermission(COMMAND_PERMISSION.StartRecording)
  startRecording(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartRecordingInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('StartRecording', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records how an answered call ended (CallOutcomeRecorded).' })
  @RequirePermission(COMMAND_PERMISSION.RecordCallOutcome)
  recordCallOutcome(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordCallOutcomeInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RecordCallOutcome', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a note on a call, screened for special-category data and insults (CallNoteRecorded).' })
  @RequirePermission(COMMAND_PERMISSION.RecordCallNote)
  recordCallNote(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordCallNoteInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RecordCallNote', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a marketing e-mail sent (EmailSent).' })
  @RequirePermission(COMMAND_PERMISSION.RecordEmailSent)
  recordEmailSent(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordEmailSentInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RecordEmailSent', input), actor, commandId, trace);
  }
}
