import { InputType } from '@nestjs/graphql';
import type { StartCampaign } from '@calltrail/domain';
import { OccurredAtInput, occurredAtOf, UuidField } from '../input-fields';

@InputType({ description: 'The campaign starts calling.' })
export class StartCampaignInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;
}

export function toStartCampaign(input: StartCampaignInput): StartCampaign {
  return { type: 'StartCampaign', campaignId: input.campaignId, ...occurredAtOf(input) };
}
