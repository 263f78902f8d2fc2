import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { EligibilityReasonModel } from '../../eligibility/eligibility.model';

@ObjectType('AuditVerdict', { description: 'Eligibility at the moment of the call on one basis.' })
export class AuditVerdictModel {
  @Field()
  eligible!: boolean;

  @Field(() => [EligibilityReasonModel], { description: 'Every reason then in force, with the events behind it.' })
  reasons!: EligibilityReasonModel[];
}

@ObjectType('LateReport', { description: 'An event behind a LEGAL reason that the ledger recorded only after the call.' })
export class LateReportModel {
  @Field(() => ID)
  eventId!: string;

  @Field()
  type!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType('AuditedCall', { description: 'One call with a finding, judged on both bases. No personal data.' })
export class AuditedCallModel {
  @Field(() => ID)
  callId!: string;

  @Field(() => ID, { description: 'The CallAttempted event.' })
  eventId!: string;

  @Field(() => ID, { description: 'The contact (data subject) id; never a number or a name.' })
  contactId!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID)
  processorId!: string;

  @Field(() => String, { nullable: true, description: 'The processor’s pseudonymous agent id.' })
  agentId!: string | null;

  @Field(() => Date, { description: 'When the call was placed (its occurredAt).' })
  at!: Date;

  @Field({
    description:
      'The call was unlawful (not eligible by LEGAL). CALL_WHILE_INELIGIBLE: the ledger already held a reason not to call (KNOWN). PROPAGATION_DELAY: lawful by KNOWN — a reason reached the ledger late.',
  })
  finding!: string;

  @Field(() => AuditVerdictModel, { description: 'LEGAL: against everything that had occurred before the call.' })
  legal!: AuditVerdictModel;

  @Field(() => AuditVerdictModel, { description: 'KNOWN: against everything the ledger had recorded before the call.' })
  known!: AuditVerdictModel;

  @Field(() => [LateReportModel])
  reportedLate!: LateReportModel[];
}

@ObjectType('ReasonCount')
export class ReasonCountModel {
  @Field()
  code!: string;

  @Field(() => Int, { description: 'How many unlawful calls the reason applied to (LEGAL).' })
  calls!: number;
}

@ObjectType('CallAuditSummary')
export class CallAuditSummaryModel {
  @Field(() => Int)
  callsAudited!: number;

  @Field(() => Int)
  lawful!: number;

  @Field(() => Int)
  callWhileIneligible!: number;

  @Field(() => Int)
  propagationDelay!: number;

  @Field(() => [ReasonCountModel])
  byReason!: ReasonCountModel[];
}

@ObjectType('CallAudit', { description: 'Every call of a period replayed at its moment. No personal data.' })
export class CallAuditModel {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => ID, { nullable: true })
  processorId!: string | null;

  @Field(() => Float, { description: 'The store head position the replay read up to.' })
  checkpoint!: number;

  @Field(() => CallAuditSummaryModel)
  summary!: CallAuditSummaryModel;

  @Field(() => [AuditedCallModel], { description: 'Every call with a finding, in call order.' })
  findings!: AuditedCallModel[];
}
