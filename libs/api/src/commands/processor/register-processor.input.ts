import { InputType } from '@nestjs/graphql';
import { PROCESSOR_ROLES, type ProcessorRole, type RegisterProcessor } from '@calltrail/domain';
import { OccurredAtInput, CountryField, occurredAtOf, OneOfField, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A processor (GDPR Art. 28): a call centre, list broker, dialer vendor or e-mail service.' })
export class RegisterProcessorInput extends OccurredAtInput {
  @UuidField({ description: 'A new UUID for the processor, chosen by the client.' })
  processorId!: string;

  @TextField({ maxLength: 200, description: "The company's name." })
  name!: string;

  @OneOfField(PROCESSOR_ROLES, { description: 'What it does for the organisation.' })
  role!: ProcessorRole;

  @CountryField({ description: 'Where it processes the data (ISO 3166-1 alpha-2), e.g. MA.' })
  country!: string;
}

export function toRegisterProcessor(input: RegisterProcessorInput): RegisterProcessor {
  return {
    type: 'RegisterProcessor',
    processorId: input.processorId,
    name: input.name,
    role: input.role,
    country: input.country,
    ...occurredAtOf(input),
  };
}
