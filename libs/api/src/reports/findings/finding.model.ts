import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FindingStatus } from './findings-filter.input';

@ObjectType('Finding', { description: 'A violation found by replaying what was recorded, with the events behind it. No personal data.' })
export class FindingModel {
  @Field(() => ID, { description: 'Stable: the same violation keeps its id.' })
  findingId!: string;

  @Field({ description: 'e.g. RECORDING_WITHOUT_NOTICE, ERASURE_OVERDUE (see docs/accountability.md).' })
  code!: string;

  @Field({ description: 'The source document of the rule (seeds 000–004) or the article.' })
  seed!: string;

  @Field(() => FindingStatus)
  status!: FindingStatus;

  @Field(() => Date, { description: 'When the violation happened (the call, the share, the request…).' })
  occurredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'For a deadline: when it fell due.' })
  dueAt!: Date | null;

  @Field(() => Date, { description: 'When it became a finding: the violation itself, or its deadline passing.' })
  foundAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved, if by the moment asked.' })
  resolvedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The event that resolved it.' })
  resolvedBy!: string | null;

  @Field(() => [String], { description: 'The ids of the events behind the finding.' })
  eventIds!: string[];

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => ID, { nullable: true })
  processorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact (data subject) id; never a name or a number.' })
  contactId!: string | null;

  @Field(() => ID, { nullable: true })
  callId!: string | null;

  @Field()
  message!: string;

  @Field({ description: 'The facts of the finding as a JSON object (limits, counts, the processors awaited…).' })
  details!: string;
}

@ObjectType('FindingCount')
export class FindingCountModel {
  @Field()
  code!: string;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  resolved!: number;
}

@ObjectType('FindingsReport')
export class FindingsReportModel {
  @Field(() => Date, { description: 'The moment deadlines and resolutions were judged against.' })
  asOf!: Date;

  @Field(() => Float, { description: 'The findings projection’s checkpoint: later events are not reflected yet.' })
  checkpoint!: number;

  @Field(() => [FindingCountModel])
  byCode!: FindingCountModel[];

  @Field(() => [FindingModel])
  findings!: FindingModel[];
}
