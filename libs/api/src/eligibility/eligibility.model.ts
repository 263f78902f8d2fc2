import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EligibilityBasis {
  LEGAL = 'LEGAL',
  KNOWN = 'KNOWN',
}

registerEnumType(EligibilityBasis, {
  name: 'EligibilityBasis',
  description: 'LEGAL: what had occurred by the moment (occurredAt). KNOWN: what the ledger had recorded by then (recordedAt).',
});

@ObjectType({ description: 'One reason a call may not be placed, with the rule and the events behind it.' })
export class EligibilityReasonModel {
  @Field({ description: 'A stable code, e.g. OBJECTED, DNC_LISTED, REFUSAL_COOLDOWN.' })
  code!: string;

  @Field()
  message!: string;

  @Field({ description: 'The rule pack that produced it: EU, BE, NL or FR.' })
  rulePack!: string;

  @Field()
  ruleVersion!: string;

  @Field(() => [String], { description: 'The ids of the events behind the reason.' })
  eventIds!: string[];

  @Field(() => Date, { nullable: true, description: 'When the reason lifts by itself; null when it never does.' })
  until!: Date | null;
}

@ObjectType('Eligibility', { description: 'May this processor call this number for this campaign at this moment? No personal data.' })
export class EligibilityModel {
  @Field(() => Int, { description: 'The position of the number in the request (0 for a single check).' })
  index!: number;

  @Field()
  eligible!: boolean;

  @Field(() => [EligibilityReasonModel], { description: 'Every reason that applies.' })
  reasons!: EligibilityReasonModel[];

  @Field(() => Date, { nullable: true, description: 'The earliest lawful moment; null when a reason is permanent.' })
  nextEligibleAt!: Date | null;

  @Field(() => Date)
  evaluatedAt!: Date;

  @Field(() => Float, {
    description: 'Now: the projection checkpoint the answer reflects. A past moment: the store head when it was replayed.',
  })
  checkpoint!: number;

  @Field(() => EligibilityBasis, { nullable: true, description: 'The basis of a past-moment answer; null for now.' })
  basis!: EligibilityBasis | null;
}
