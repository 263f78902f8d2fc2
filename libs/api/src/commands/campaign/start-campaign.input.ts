import { InputType } from '@nestjs/graphql';
import type { StartCampaign } from '@calltrail/domain';
import { CommandInput, occurredAtOf, UuidField } from '../ledger-admin-fields';

@InputType({ description: 'The campaign starts calling.' })
export class StartCampaignInput extends CommandInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;
}

export function toStartCampaign(input: StartCampaignInput): StartCampaign {
  return { type: 'StartCampaign', campaignId: input.campaignId, ...occurredAtOf(input) };
}
