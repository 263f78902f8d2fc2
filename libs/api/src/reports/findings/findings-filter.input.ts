import { InputType, registerEnumType } from '@nestjs/graphql';
import { FINDING_CODES } from '@calltrail/projections';
import { Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { InstantField, OneOfField, UuidField } from '../../commands/input-fields';

export enum FindingStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

registerEnumType(FindingStatus, { name: 'FindingStatus', description: 'OPEN, or RESOLVED by a later event (as of the moment asked).' });

@InputType({ description: 'Which findings to list; every field is optional.' })
export class FindingsFilterInput {
  @OneOfField(FINDING_CODES, { nullable: true, description: 'Only this finding code.' })
  code?: string | null;

  @UuidField({ nullable: true, description: 'Only the findings about this campaign.' })
  campaignId?: string | null;

  @UuidField({ nullable: true, description: 'Only the findings about this processor.' })
  processorId?: string | null;

  @Field(() => FindingStatus, { nullable: true, description: 'Only open, or only resolved, findings.' })
  @IsOptional()
  @IsIn(Object.values(FindingStatus), { message: '$property must be OPEN or RESOLVED' })
  status?: FindingStatus | null;

  @InstantField({ nullable: true, description: 'Found at or after this moment (the violation, or its deadline passing).' })
  from?: Date | null;

  @InstantField({ nullable: true, description: 'Found before this moment.' })
  to?: Date | null;
}
