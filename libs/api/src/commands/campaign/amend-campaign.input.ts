import { InputType, PartialType } from '@nestjs/graphql';
import type { AmendCampaign } from '@calltrail/domain';
import { OccurredAtInput, NestedField, occurredAtOf, UuidField } from '../input-fields';
import { CampaignDefinitionFields, givenDefinitionFields } from './campaign-definition.input';

@InputType({
  description:
    'The fields to change; absent ones stay as they are. targetProfessions and callingProfile are replaced whole.',
})
export class CampaignChangesInput extends PartialType(CampaignDefinitionFields) {}

@InputType({ description: 'Changes a campaign. A change of its principles (purpose, basis, audience, …) calls for a new balancing test.' })
export class AmendCampaignInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @NestedField(() => CampaignChangesInput, { description: 'What changes.' })
  changes!: CampaignChangesInput;
}

export function toAmendCampaign(input: AmendCampaignInput): AmendCampaign {
  return {
    type: 'AmendCampaign',
    campaignId: input.campaignId,
    changes: givenDefinitionFields(input.changes),
    ...occurredAtOf(input),
  };
}
