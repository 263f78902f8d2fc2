import { InputType } from '@nestjs/graphql';
import type { RecordBreachDetected } from '@calltrail/domain';
import { OccurredAtInput, InstantField, occurredAtOf, TextField, TextListField, UuidField, WholeNumberField } from '../input-fields';

@InputType({ description: 'A personal data breach became known (the 72-hour clock of Art. 33 starts at detectedAt, seed 002).' })
export class RecordBreachDetectedInput extends OccurredAtInput {
  @UuidField({ description: 'A new UUID for the breach.' })
  breachId!: string;

  @InstantField({ description: 'When the organisation became aware of it; not in the future.' })
  detectedAt!: Date;

  @TextField({ maxLength: 5000, description: 'What happened, without personal data.' })
  nature!: string;

  @TextListField({ nonEmpty: true, maxLength: 200, description: 'The categories of personal data concerned.' })
  dataCategories!: string[];

  @WholeNumberField({ nullable: true, min: 0, description: 'About how many people are concerned.' })
  approximateSubjects?: number | null;

  @UuidField({ nullable: true, description: 'The processor where it happened, if any.' })
  processorId?: string | null;
}

export function toRecordBreachDetected(input: RecordBreachDetectedInput): RecordBreachDetected {
  return {
    type: 'RecordBreachDetected',
    breachId: input.breachId,
    detectedAt: input.detectedAt.toISOString(),
    nature: input.nature,
    dataCategories: input.dataCategories,
    approximateSubjects: input.approximateSubjects ?? null,
    processorId: input.processorId ?? null,
    ...occurredAtOf(input),
  };
}
