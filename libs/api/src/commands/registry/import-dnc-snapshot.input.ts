import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DNC_REGISTRIES, type DncRegistry } from '@calltrail/domain';

/** The most numbers one request may carry; a national list goes through `calltrail import-dnc`. */
export const MAX_DNC_NUMBERS_PER_REQUEST = 100_000;

@InputType({ description: 'A do-not-call registry snapshot. Only keyed hashes of the numbers are stored.' })
export class ImportDncSnapshotInput {
  @Field(() => String, { description: `One of ${DNC_REGISTRIES.join(', ')}.` })
  @IsIn(DNC_REGISTRIES, { message: `registry must be one of ${DNC_REGISTRIES.join(', ')}` })
  registry!: DncRegistry;

  @Field(() => String, { description: 'The registry\'s version of the snapshot (its date or number); one import per version.' })
  @IsString()
  @Length(1, 100)
  version!: string;

  @Field(() => Date, { description: 'When the registry produced the snapshot.' })
  @Type(() => Date)
  @IsDate({ message: 'takenAt must be a date and time' })
  takenAt!: Date;

  @Field(() => [String], {
    description: `The numbers, national (of the registry's country) or international; at most ${MAX_DNC_NUMBERS_PER_REQUEST} per request.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_DNC_NUMBERS_PER_REQUEST, { message: `numbers may hold at most ${MAX_DNC_NUMBERS_PER_REQUEST} entries; use calltrail import-dnc` })
  @IsString({ each: true })
  numbers!: string[];

  @Field(() => Date, { nullable: true, description: 'When the snapshot was received; absent: now.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt?: Date | null;
}
