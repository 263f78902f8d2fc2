import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import {
  CheckEligibilityBatchQuery,
  CheckEligibilityQuery,
  authorise,
  type EligibilityAnswer,
  type EligibilityTarget,
} from '@calltrail/ledger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { EligibilityBasis, EligibilityModel } from './eligibility.model';

function toModel(answer: EligibilityAnswer): EligibilityModel {
  return {
    index: answer.index,
    eligible: answer.eligible,
    reasons: answer.reasons.map((reason) => ({ ...reason, until: reason.until ? new Date(reason.until) : null })),
    nextEligibleAt: answer.nextEligibleAt ? new Date(answer.nextEligibleAt) : null,
    evaluatedAt: new Date(answer.evaluatedAt),
    checkpoint: answer.checkpoint,
    basis: answer.basis as EligibilityBasis | null,
  };
}

function target(actor: Actor, campaignId: string, processorId: string, at?: Date | null, basis?: EligibilityBasis | null): EligibilityTarget {
  // A dialer or processor key answers for its own processor only.
  authorise(actor, 'eligibility.check', { processorId });
  return { campaignId, processorId, at: at ?? undefined, basis: at ? (basis ?? EligibilityBasis.LEGAL) : undefined };
}

@Resolver(() => EligibilityModel)
export class EligibilityResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => EligibilityModel, {
    description: 'May the processor call this number (or contact) for the campaign, now or at a past moment? Unknown numbers answer UNKNOWN_CONTACT.',
  })
  @RequirePermission('eligibility.check')
  async eligibility(
    @CurrentActor() actor: Actor,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('processorId', { type: () => ID }) processorId: string,
    @Args('phone', { type: () => String, nullable: true, description: 'International form, e.g. +32470123456.' }) phone?: string | null,
    @Args('contactId', { type: () => ID, nullable: true }) contactId?: string | null,
    @Args('at', { type: () => Date, nullable: true, description: 'A past moment; absent: now.' }) at?: Date | null,
    @Args('basis', { type: () => EligibilityBasis, nullable: true, description: 'For `at`: LEGAL (default) or KNOWN.' })
    basis?: EligibilityBasis | null,
  ): Promise<EligibilityModel> {
    const query = new CheckEligibilityQuery(
      { phone: phone ?? undefined, contactId: contactId ?? undefined },
      target(actor, campaignId, processorId, at, basis),
    );
    return toModel(await this.queryBus.execute(query));
  }

  @Query(() => [EligibilityModel], {
    description: 'A call list of up to 10,000 numbers, answered in the order given (by `index`).',
  })
  @RequirePermission('eligibility.check')
  async eligibilityBatch(
    @CurrentActor() actor: Actor,
    @Args('phones', { type: () => [String] }) phones: string[],
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('processorId', { type: () => ID }) processorId: string,
    @Args('at', { type: () => Date, nullable: true }) at?: Date | null,
    @Args('basis', { type: () => EligibilityBasis, nullable: true }) basis?: EligibilityBasis | null,
  ): Promise<EligibilityModel[]> {
    const query = new CheckEligibilityBatchQuery(phones, target(actor, campaignId, processorId, at, basis));
    const answers = await this.queryBus.execute(query);
    return answers.map(toModel);
  }
}
