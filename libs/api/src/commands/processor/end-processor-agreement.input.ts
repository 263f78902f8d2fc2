import { InputType } from '@nestjs/graphql';
import type { EndProcessorAgreement } from '@calltrail/domain';
import { OccurredAtInput, occurredAtOf, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A processor agreement ends.' })
export class EndProcessorAgreementInput extends OccurredAtInput {
  @UuidField({ description: 'The processor.' })
  processorId!: string;

  @UuidField({ description: 'The agreement, as signed.' })
  agreementId!: string;

  @TextField({ nullable: true, maxLength: 500, description: 'Why it ended.' })
  reason?: string | null;
}

export function toEndProcessorAgreement(input: EndProcessorAgreementInput): EndProcessorAgreement {
  return {
    type: 'EndProcessorAgreement',
    processorId: input.processorId,
    agreementId: input.agreementId,
    reason: input.reason ?? null,
    ...occurredAtOf(input),
  };
}
