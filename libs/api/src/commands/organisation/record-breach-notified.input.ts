import { InputType } from '@nestjs/graphql';
import type { RecordBreachNotified } from '@calltrail/domain';
import { BooleanField, OccurredAtInput, InstantField, occurredAtOf, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A breach was notified to a supervisory authority (Art. 33).' })
export class RecordBreachNotifiedInput extends OccurredAtInput {
  @UuidField({ description: 'The breach, as detected.' })
  breachId!: string;

  @TextField({ maxLength: 200, description: 'The authority notified, e.g. AP, APD-GBA, CNIL.' })
  authority!: string;

  @InstantField({ description: 'When it was notified; not before the detection, not in the future.' })
  notifiedAt!: Date;

  @TextField({ nullable: true, maxLength: 200, description: "The authority's reference for the notification." })
  reference?: string | null;

  @BooleanField({ description: 'Whether the people concerned were informed (Art. 34).' })
  subjectsInformed!: boolean;
}

export function toRecordBreachNotified(input: RecordBreachNotifiedInput): RecordBreachNotified {
  return {
    type: 'RecordBreachNotified',
    breachId: input.breachId,
    authority: input.authority,
    notifiedAt: input.notifiedAt.toISOString(),
    reference: input.reference ?? null,
    subjectsInformed: input.subjectsInformed,
    ...occurredAtOf(input),
  };
}
