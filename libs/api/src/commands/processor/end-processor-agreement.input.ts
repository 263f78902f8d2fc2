import { InputType } from '@nestjs/graphql';
import type { EndProcessorAgreement } from '@calltrail/domain';
import { CommandInput, occurredAtOf, TextField, UuidField } from '../ledger-admin-fields';

@InputType({ description: 'A processor agreement ends.' })
export class EndProcessorAgreementInput extends CommandInput {
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
