import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import type { CommandResult } from '@calltrail/ledger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandResultModel } from '../command-result.model';
import { CommandIdArg, CommandTraceInput, LedgerAdminResolver, TraceArg } from '../ledger-admin-mutation';
import { AmendCampaignInput, toAmendCampaign } from './amend-campaign.input';
import { DefineCampaignInput, toDefineCampaign } from './define-campaign.input';
import { EndCampaignInput, toEndCampaign } from './end-campaign.input';
import { RecordBalancingTestInput, toRecordBalancingTest } from './record-balancing-test.input';
import { RecordDncScrubInput, toRecordDncScrub } from './record-dnc-scrub.input';
import { RecordDpiaInput, toRecordDpia } from './record-dpia.input';
import { StartCampaignInput, toStartCampaign } from './start-campaign.input';

/** The campaign stream `campaign-<uuid>`: every mutation needs ledger.administer (compliance keys). */
@Resolver()
export class CampaignCommandsResolver extends LedgerAdminResolver {
  @Mutation(() => CommandResultModel, { description: 'Defines a campaign (CampaignDefined).' })
  @RequirePermission('ledger.administer')
  defineCampaign(
    @CurrentActor() actor: Actor,
    @Args('input') input: DefineCampaignInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toDefineCampaign(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Changes a campaign (CampaignAmended, saying whether its principles changed).' })
  @RequirePermission('ledger.administer')
  amendCampaign(
    @CurrentActor() actor: Actor,
    @Args('input') input: AmendCampaignInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toAmendCampaign(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a written balancing test with the factors of seed 003 (BalancingTestRecorded).' })
  @RequirePermission('ledger.administer')
  recordBalancingTest(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordBalancingTestInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordBalancingTest(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a DPIA of the campaign (DpiaRecorded).' })
  @RequirePermission('ledger.administer')
  recordDpia(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordDpiaInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordDpia(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Starts the campaign (CampaignStarted).' })
  @RequirePermission('ledger.administer')
  startCampaign(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartCampaignInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toStartCampaign(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Ends the campaign for good (CampaignEnded).' })
  @RequirePermission('ledger.administer')
  endCampaign(
    @CurrentActor() actor: Actor,
    @Args('input') input: EndCampaignInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toEndCampaign(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records a scrub of the campaign against a do-not-call registry snapshot (DncScrubPerformed).' })
  @RequirePermission('ledger.administer')
  recordDncScrub(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordDncScrubInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordDncScrub(input), actor, commandId, trace);
  }
}
