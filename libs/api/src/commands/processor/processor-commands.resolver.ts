import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import type { CommandResult } from '@calltrail/ledger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandResultModel } from '../command-result.model';
import { CommandIdArg, CommandTraceInput, LedgerAdminResolver, TraceArg } from '../ledger-admin-mutation';
import { EndProcessorAgreementInput, toEndProcessorAgreement } from './end-processor-agreement.input';
import { RecordAgentTrainingInput, toRecordAgentTraining } from './record-agent-training.input';
import { RecordTransferSafeguardInput, toRecordTransferSafeguard } from './record-transfer-safeguard.input';
import { RegisterProcessorInput, toRegisterProcessor } from './register-processor.input';
import { ShareDataWithProcessorInput, toShareDataWithProcessor } from './share-data-with-processor.input';
import { SignProcessorAgreementInput, toSignProcessorAgreement } from './sign-processor-agreement.input';

/** The processor stream `processor-<uuid>`: every mutation needs ledger.administer (compliance keys). */
@Resolver()
export class ProcessorCommandsResolver extends LedgerAdminResolver {
  @Mutation(() => CommandResultModel, { description: 'Registers a processor (ProcessorRegistered).' })
  @RequirePermission('ledger.administer')
  registerProcessor(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterProcessorInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRegisterProcessor(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a signed processor agreement (ProcessorAgreementSigned).' })
  @RequirePermission('ledger.administer')
  signProcessorAgreement(
    @CurrentActor() actor: Actor,
    @Args('input') input: SignProcessorAgreementInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toSignProcessorAgreement(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Ends a processor agreement (ProcessorAgreementEnded).' })
  @RequirePermission('ledger.administer')
  endProcessorAgreement(
    @CurrentActor() actor: Actor,
    @Args('input') input: EndProcessorAgreementInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toEndProcessorAgreement(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records an adequacy decision, SCCs or BCRs for a transfer (TransferSafeguardRecorded).' })
  @RequirePermission('ledger.administer')
  recordTransferSafeguard(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordTransferSafeguardInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordTransferSafeguard(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records that contacts\' data was sent to a processor (DataSharedWithProcessor).' })
  @RequirePermission('ledger.administer')
  shareDataWithProcessor(
    @CurrentActor() actor: Actor,
    @Args('input') input: ShareDataWithProcessorInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toShareDataWithProcessor(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: "Records an agent's privacy training (AgentTrainingRecorded)." })
  @RequirePermission('ledger.administer')
  recordAgentTraining(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordAgentTrainingInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordAgentTraining(input), actor, commandId, trace);
  }
}
