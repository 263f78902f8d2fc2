import { InputType } from '@nestjs/graphql';
import {
  BALANCING_TEST_OUTCOMES,
  type BalancingTestFactors,
  type BalancingTestOutcome,
  type RecordBalancingTest,
} from '@calltrail/domain';
import {
  BooleanField,
  OccurredAtInput,
  InstantField,
  instantOrNull,
  NestedField,
  occurredAtOf,
  OneOfField,
  TextField,
  TextListField,
  UuidField,
  WholeNumberField,
} from '../input-fields';

const LONG_TEXT = 20_000;

@InputType({ description: 'Factor 1 of the CTM balancing test (seed 003): the customer relationship.' })
export class CustomerRelationshipFactorInput {
  @TextField({ maxLength: LONG_TEXT, description: 'a. When the payment obligation arose.' })
  paymentObligation!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'b. Time since the last purchase.' })
  timeSinceLastPurchase!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'c. The product bought, and the product now offered.' })
  productsBoughtAndOffered!: string;

  @WholeNumberField({ nullable: true, min: 0, description: 'd. Average replacement cycle of the product, in months.' })
  replacementCycleMonths?: number | null;

  @WholeNumberField({ nullable: true, min: 0, description: 'e. For a service: average contract duration, in months.' })
  averageContractMonths?: number | null;
}

@InputType({ description: 'Factor 2 of the CTM balancing test (seed 003): the impact of telemarketing.' })
export class TelemarketingImpactFactorInput {
  @TextListField({ nonEmpty: true, description: 'a. The personal data used for telemarketing.' })
  personalDataUsed!: string[];

  @TextField({ maxLength: LONG_TEXT, description: 'b. When telemarketing starts.' })
  startsWhen!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'c. Average frequency.' })
  frequency!: string;

  @TextListField({ nonEmpty: true, description: 'd. Measures taken to limit the impact on privacy.' })
  safeguards!: string[];
}

@InputType({ description: 'Factor 3 of the CTM balancing test (seed 003): the weighing, with report references.' })
export class WeighingFactorInput {
  @TextField({ maxLength: LONG_TEXT, description: 'a. Why telemarketing matters to the organisation.' })
  organisationInterest!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'b. Conversion against time since the last purchase.' })
  conversionOverview!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'c. Objections against time since the last purchase.' })
  objectionOverview!: string;

  @TextField({ maxLength: LONG_TEXT, description: 'd. Complaints against time since the last purchase.' })
  complaintOverview!: string;
}

@InputType({ description: 'The four factors of the CTM balancing test template (seed 003).' })
export class BalancingTestFactorsInput {
  @NestedField(() => CustomerRelationshipFactorInput, { description: '1. Klantrelatie.' })
  customerRelationship!: CustomerRelationshipFactorInput;

  @NestedField(() => TelemarketingImpactFactorInput, { description: '2. Impact telemarketing activiteiten.' })
  impact!: TelemarketingImpactFactorInput;

  @NestedField(() => WeighingFactorInput, { description: '3. Afweging.' })
  weighing!: WeighingFactorInput;

  @TextField({ maxLength: LONG_TEXT, description: '4. Onderbouwing: the reasoning for the maximum term.' })
  justification!: string;

  @BooleanField({ description: 'Whether the DPO was involved (seed 003 §4).' })
  dpoConsulted!: boolean;
}

@InputType({ description: 'A written balancing test for a legitimate-interest or existing-customer campaign.' })
export class RecordBalancingTestInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @UuidField({ description: 'A new UUID for this test.' })
  testId!: string;

  @OneOfField(BALANCING_TEST_OUTCOMES, { description: 'The outcome.' })
  outcome!: BalancingTestOutcome;

  @InstantField({ description: 'When the test was made; not in the future.' })
  assessedAt!: Date;

  @InstantField({ nullable: true, description: 'Absent: 12 months after assessedAt (seed 000 §4).' })
  validUntil?: Date | null;

  @WholeNumberField({
    nullable: true,
    min: 1,
    description: 'Months after the last purchase an ex-customer may be called; required for an existing-customer campaign.',
  })
  customerTermMonths?: number | null;

  @TextField({ maxLength: 500, description: 'Where the signed document is kept.' })
  documentRef!: string;

  @NestedField(() => BalancingTestFactorsInput, { description: 'The factors of seed 003.' })
  factors!: BalancingTestFactorsInput;
}

function factorsOf(input: BalancingTestFactorsInput): BalancingTestFactors {
  const { customerRelationship: c, impact, weighing } = input;
  return {
    customerRelationship: {
      paymentObligation: c.paymentObligation,
      timeSinceLastPurchase: c.timeSinceLastPurchase,
      productsBoughtAndOffered: c.productsBoughtAndOffered,
      replacementCycleMonths: c.replacementCycleMonths ?? null,
      averageContractMonths: c.averageContractMonths ?? null,
    },
    impact: {
      personalDataUsed: impact.personalDataUsed,
      startsWhen: impact.startsWhen,
      frequency: impact.frequency,
      safeguards: impact.safeguards,
    },
    weighing: {
      organisationInterest: weighing.organisationInterest,
      conversionOverview: weighing.conversionOverview,
      objectionOverview: weighing.objectionOverview,
      complaintOverview: weighing.complaintOverview,
    },
    justification: input.justification,
    dpoConsulted: input.dpoConsulted,
  };
}

export function toRecordBalancingTest(input: RecordBalancingTestInput): RecordBalancingTest {
  return {
    type: 'RecordBalancingTest',
    campaignId: input.campaignId,
    testId: input.testId,
    outcome: input.outcome,
    assessedAt: input.assessedAt.toISOString(),
    validUntil: instantOrNull(input.validUntil),
    customerTermMonths: input.customerTermMonths ?? null,
    documentRef: input.documentRef,
    factors: factorsOf(input.factors),
    ...occurredAtOf(input),
  };
}
