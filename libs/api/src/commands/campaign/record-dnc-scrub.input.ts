import { InputType } from '@nestjs/graphql';
import { DNC_REGISTRIES, type DncRegistry, type RecordDncScrub } from '@calltrail/domain';
import { OccurredAtInput, occurredAtOf, OneOfField, TextField, UuidField, WholeNumberField } from '../input-fields';

@InputType({ description: "The campaign's contacts were checked against a do-not-call registry snapshot (seed 000 §3)." })
export class RecordDncScrubInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @OneOfField(DNC_REGISTRIES, { description: 'The registry.' })
  registry!: DncRegistry;

  @TextField({ maxLength: 200, description: 'The version of the snapshot checked against.' })
  snapshotVersion!: string;

  @WholeNumberField({ min: 0, description: 'How many contacts were checked.' })
  contactsChecked!: number;

  @WholeNumberField({ min: 0, description: 'How many numbers were found on the registry and suppressed.' })
  numbersSuppressed!: number;
}

export function toRecordDncScrub(input: RecordDncScrubInput): RecordDncScrub {
  return {
    type: 'RecordDncScrub',
    campaignId: input.campaignId,
    registry: input.registry,
    snapshotVersion: input.snapshotVersion,
    contactsChecked: input.contactsChecked,
    numbersSuppressed: input.numbersSuppressed,
    ...occurredAtOf(input),
  };
}
