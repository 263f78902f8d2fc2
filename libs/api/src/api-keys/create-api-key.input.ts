import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES } from '@calltrail/ledger';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: `One of ${ROLES.join(', ')}.` })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Required for processor and dialer keys, refused for others.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, { message: 'processorId must be 1–128 letters, digits or . _ : -' })
  processorId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for people: who or what uses the key.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string | null;
}
