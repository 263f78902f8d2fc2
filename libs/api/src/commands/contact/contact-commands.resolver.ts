import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import { COMMAND_PERMISSION, commandFromInput, type CommandResult } from '@calltrail/ledger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandResultModel } from '../command-result.model';
import { CommandIdArg, CommandTraceInput, LedgerAdminResolver, TraceArg } from '../ledger-admin-mutation';
import {
  RegisterContactInput,
  RectifyContactDetailsInput,
  GiveConsentInput,
  WithdrawConsentInput,
  RecordPurchaseInput,
  RaiseObjectionInput,
  ReceiveComplaintInput,
  RequestAccessInput,
  FulfilAccessInput,
  RequestErasureInput,
  CompleteErasureInput,
  ConfirmProcessorErasureInput,
} from './contact-commands.inputs';

/**
 * The contact stream `contact-<uuid>`. Compliance keys record everything; a processor key records
 * the objections and consent withdrawals it received itself.
 */
@Resolver()
export class ContactCommandsResolver extends LedgerAdminResolver {
  @Mutation(() => CommandResultModel, { description: 'Registers a contact with the source of its data (ContactRegistered) and creates its encryption key.' })
  @RequirePermission(COMMAND_PERMISSION.RegisterContact)
  registerContact(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterContactInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RegisterContact', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Corrects a contact\'s details (ContactDetailsRectified).' })
  @RequirePermission(COMMAND_PERMISSION.RectifyContactDetails)
  rectifyContactDetails(
    @CurrentActor() actor: Actor,
    @Args('input') input: RectifyContactDetailsInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RectifyContactDetails', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a consent with its evidence (ConsentGiven).' })
  @RequirePermission(COMMAND_PERMISSION.GiveConsent)
  giveConsent(
    @CurrentActor() actor: Actor,
    @Args('input') input: GiveConsentInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('GiveConsent', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a consent withdrawn (ConsentWithdrawn).' })
  @RequirePermission(COMMAND_PERMISSION.WithdrawConsent)
  withdrawConsent(
    @CurrentActor() actor: Actor,
    @Args('input') input: WithdrawConsentInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('WithdrawConsent', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a purchase (PurchaseRecorded).' })
  @RequirePermission(COMMAND_PERMISSION.RecordPurchase)
  recordPurchase(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordPurchaseInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RecordPurchase', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records an objection, binding on every processor at once (ObjectionRaised).' })
  @RequirePermission(COMMAND_PERMISSION.RaiseObjection)
  raiseObjection(
    @CurrentActor() actor: Actor,
    @Args('input') input: RaiseObjectionInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RaiseObjection', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a complaint (ComplaintReceived).' })
  @RequirePermission(COMMAND_PERMISSION.ReceiveComplaint)
  receiveComplaint(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReceiveComplaintInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('ReceiveComplaint', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records an access request (AccessRequested).' })
  @RequirePermission(COMMAND_PERMISSION.RequestAccess)
  requestAccess(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestAccessInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RequestAccess', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records that an access request was answered (AccessFulfilled).' })
  @RequirePermission(COMMAND_PERMISSION.FulfilAccess)
  fulfilAccess(
    @CurrentActor() actor: Actor,
    @Args('input') input: FulfilAccessInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('FulfilAccess', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records an erasure request (ErasureRequested).' })
  @RequirePermission(COMMAND_PERMISSION.RequestErasure)
  requestErasure(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestErasureInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('RequestErasure', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Carries out an erasure request: destroys the contact\'s key, then records ErasureCompleted.' })
  @RequirePermission(COMMAND_PERMISSION.CompleteErasure)
  completeErasure(
    @CurrentActor() actor: Actor,
    @Args('input') input: CompleteErasureInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('CompleteErasure', input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a processor\'s confirmation of an erasure (ProcessorErasureConfirmed).' })
  @RequirePermission(COMMAND_PERMISSION.ConfirmProcessorErasure)
  confirmProcessorErasure(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConfirmProcessorErasureInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(commandFromInput('ConfirmProcessorErasure', input), actor, commandId, trace);
  }
}
