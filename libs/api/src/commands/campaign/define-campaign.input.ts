import { InputType, IntersectionType } from '@nestjs/graphql';
import type { DefineCampaign } from '@calltrail/domain';
import { OccurredAtInput, occurredAtOf, UuidField } from '../input-fields';
import { CampaignDefinitionFields, definitionOf } from './campaign-definition.input';

@InputType({ description: 'A new campaign: one processing activity, with its purpose and legal basis.' })
export class DefineCampaignInput extends IntersectionType(OccurredAtInput, CampaignDefinitionFields) {
  @UuidField({ description: 'A new UUID for the campaign, chosen by the client.' })
  campaignId!: string;
}

export function toDefineCampaign(input: DefineCampaignInput): DefineCampaign {
  return { type: 'DefineCampaign', campaignId: input.campaignId, ...definitionOf(input), ...occurredAtOf(input) };
}
