import { InputType } from '@nestjs/graphql';
import type { EndCampaign } from '@calltrail/domain';
import { OccurredAtInput, occurredAtOf, TextField, UuidField } from '../input-fields';

@InputType({ description: 'The campaign stops calling, for good.' })
export class EndCampaignInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @TextField({ nullable: true, maxLength: 500, description: 'Why it ended.' })
  reason?: string | null;
}

export function toEndCampaign(input: EndCampaignInput): EndCampaign {
  return { type: 'EndCampaign', campaignId: input.campaignId, reason: input.reason ?? null, ...occurredAtOf(input) };
}
