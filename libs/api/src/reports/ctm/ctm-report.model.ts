import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CtmCounts', { description: 'Counts and rates of a set of calls. Every rate is per answered call; null when none was answered.' })
export class CtmCountsModel {
  @Field(() => Int, { description: 'Distinct people called.' })
  contactsCalled!: number;

  @Field(() => Int, { description: 'Call attempts.' })
  calls!: number;

  @Field(() => Int, { description: 'Attempts answered.' })
  answered!: number;

  @Field(() => Int, { description: 'Calls with the outcome converted.' })
  conversions!: number;

  @Field(() => Int, { description: 'Objections attributed to the calls (raised during one, or naming the campaign after one).' })
  objections!: number;

  @Field(() => Int, { description: 'Complaints attributed to the calls, the same way.' })
  complaints!: number;

  @Field(() => Float, { nullable: true, description: 'conversions ÷ answered.' })
  conversionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'objections ÷ answered.' })
  objectionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'complaints ÷ answered.' })
  complaintRate!: number | null;
}

@ObjectType('CtmBucket', { description: 'The calls made when the last purchase was fromMonths to toMonths whole months earlier.' })
export class CtmBucketModel extends CtmCountsModel {
  @Field(() => Int)
  fromMonths!: number;

  @Field(() => Int)
  toMonths!: number;

  @Field()
  label!: string;
}

@ObjectType('CtmCampaign')
export class CtmCampaignModel {
  @Field(() => ID)
  campaignId!: string;

  @Field()
  name!: string;
}

@ObjectType('CtmCrossover', { description: 'The first bucket where objections and complaints together, per answered call, exceed conversions.' })
export class CtmCrossoverModel {
  @Field()
  label!: string;

  @Field(() => Int)
  fromMonths!: number;
}

@ObjectType('CtmReport', {
  description: 'The balancing-test report of the Dutch Code Telemarketing (seed 003): results against months since the last purchase. No personal data.',
})
export class CtmReportModel {
  @Field()
  productCategory!: string;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => [CtmCampaignModel], { description: 'The campaigns whose calls are counted.' })
  campaigns!: CtmCampaignModel[];

  @Field(() => Int)
  bucketMonths!: number;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => Float, { description: 'The ledger position the report reflects.' })
  checkpoint!: number;

  @Field(() => [CtmBucketModel], { description: 'From 0 months to the last bucket with a call; empty buckets kept.' })
  buckets!: CtmBucketModel[];

  @Field(() => CtmCountsModel, { description: 'Calls to people with no earlier purchase in the category.' })
  withoutPurchase!: CtmCountsModel;

  @Field(() => CtmCountsModel)
  totals!: CtmCountsModel;

  @Field(() => CtmCrossoverModel, { nullable: true })
  crossover!: CtmCrossoverModel | null;

  @Field({ description: 'The table, as Markdown.' })
  markdown!: string;

  @Field({ description: 'One line per bucket, then no earlier purchase and all calls; rates as decimals.' })
  csv!: string;

  @Field({ description: 'A chart of the three rates against months since the last purchase (SVG).' })
  svg!: string;
}
