import { InputType } from '@nestjs/graphql';
import type { RecordAgentTraining } from '@calltrail/domain';
import { CalendarDateField, OccurredAtInput, occurredAtOf, TextField, UuidField } from '../input-fields';

@InputType({ description: "An agent's privacy training (seed 000 §5)." })
export class RecordAgentTrainingInput extends OccurredAtInput {
  @UuidField({ description: 'The processor the agent works for.' })
  processorId!: string;

  @TextField({ maxLength: 200, description: "The processor's id for the agent (as in recordCallAttempt), not a name." })
  agentId!: string;

  @TextField({ maxLength: 500, description: 'The course.' })
  course!: string;

  @CalendarDateField({ description: 'When it was completed.' })
  completedOn!: string;

  @CalendarDateField({ nullable: true, description: 'Until when it counts; absent: open-ended.' })
  validUntil?: string | null;
}

export function toRecordAgentTraining(input: RecordAgentTrainingInput): RecordAgentTraining {
  return {
    type: 'RecordAgentTraining',
    processorId: input.processorId,
    agentId: input.agentId,
    course: input.course,
    completedOn: input.completedOn,
    validUntil: input.validUntil ?? null,
    ...occurredAtOf(input),
  };
}
