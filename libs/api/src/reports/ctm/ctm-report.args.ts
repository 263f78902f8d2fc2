import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { InstantField, TextField, UuidField } from '../../commands/input-fields';

@ArgsType()
export class CtmReportArgs {
  @TextField({ nullable: true, maxLength: 200, description: 'The product category (give this or campaignId).' })
  productCategory?: string | null;

  @UuidField({ nullable: true, description: 'One campaign, in its product category (give this or productCategory).' })
  campaignId?: string | null;

  @Field(() => Int, { description: 'Width of a bucket of months since the last purchase, 1 to 120.' })
  @IsInt({ message: '$property must be a whole number of months' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(120, { message: '$property must be at most 120' })
  bucketMonths!: number;

  @InstantField({ description: 'Calls placed from this moment (inclusive).' })
  from!: Date;

  @InstantField({ description: 'Calls placed before this moment (exclusive); after `from`.' })
  to!: Date;
}
