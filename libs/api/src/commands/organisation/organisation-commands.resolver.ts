import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import type { CommandResult } from '@calltrail/ledger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandResultModel } from '../command-result.model';
import { CommandIdArg, CommandTraceInput, LedgerAdminResolver, TraceArg } from '../ledger-admin-mutation';
import { RecordBreachDetectedInput, toRecordBreachDetected } from './record-breach-detected.input';
import { RecordBreachNotifiedInput, toRecordBreachNotified } from './record-breach-notified.input';
import { SetOrganisationProfileInput, toSetOrganisationProfile } from './set-organisation-profile.input';

/** The single `organisation` stream: every mutation needs ledger.administer (compliance keys). */
@Resolver()
export class OrganisationCommandsResolver extends LedgerAdminResolver {
  @Mutation(() => CommandResultModel, { description: 'Sets the controller, DPO, representative, security measures and retention policy (OrganisationProfileSet).' })
  @RequirePermission('ledger.administer')
  setOrganisationProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetOrganisationProfileInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toSetOrganisationProfile(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records that a personal data breach was detected (BreachDetected).' })
  @RequirePermission('ledger.administer')
  recordBreachDetected(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordBreachDetectedInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordBreachDetected(input), actor, commandId, trace);
  }

  @Mutation(() => CommandResultModel, { description: 'Records that a breach was notified to an authority (BreachNotified).' })
  @RequirePermission('ledger.administer')
  recordBreachNotified(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordBreachNotifiedInput,
    @CommandIdArg() commandId?: string | null,
    @TraceArg() trace?: CommandTraceInput,
  ): Promise<CommandResult> {
    return this.send(toRecordBreachNotified(input), actor, commandId, trace);
  }
}
