import { InputType } from '@nestjs/graphql';
import type { SignProcessorAgreement } from '@calltrail/domain';
import { CalendarDateField, OccurredAtInput, occurredAtOf, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A signed processor agreement (GDPR Art. 28(3)).' })
export class SignProcessorAgreementInput extends OccurredAtInput {
  @UuidField({ description: 'The processor.' })
  processorId!: string;

  @UuidField({ description: 'A new UUID for the agreement.' })
  agreementId!: string;

  @CalendarDateField({ description: 'First day it applies.' })
  validFrom!: string;

  @CalendarDateField({ nullable: true, description: 'Last day it applies; absent: until ended.' })
  validUntil?: string | null;

  @TextField({ maxLength: 500, description: 'Where the signed document is kept.' })
  documentRef!: string;
}

export function toSignProcessorAgreement(input: SignProcessorAgreementInput): SignProcessorAgreement {
  return {
    type: 'SignProcessorAgreement',
    processorId: input.processorId,
    agreementId: input.agreementId,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    documentRef: input.documentRef,
    ...occurredAtOf(input),
  };
}
