import type { Type } from '@nestjs/common';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** A cell type: its value, the ids of the events it was built from, and its gap. */
function CellOf<T>(value: () => Type<unknown> | [Type<unknown>] | StringConstructor | [StringConstructor], nullable = false): Type<{ value: T; eventIds: string[]; gap: string | null }> {
  @ObjectType({ isAbstract: true })
  abstract class Cell {
    @Field(value, { nullable })
    value!: T;

    @Field(() => [String], { description: 'The ids of the events this cell was built from.' })
    eventIds!: string[];

    @Field(() => String, { nullable: true, description: 'What the law asks for and the ledger does not show; null when nothing is missing.' })
    gap!: string | null;
  }
  return Cell as unknown as Type<{ value: T; eventIds: string[]; gap: string | null }>;
}

@ObjectType('Party')
export class PartyModel {
  @Field() name!: string;
  @Field() address!: string;
  @Field() country!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) registrationNumber?: string | null;
}

@ObjectType('BalancingTestEntry')
export class BalancingTestEntryModel {
  @Field(() => ID) testId!: string;
  @Field() outcome!: string;
  @Field() assessedAt!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
  @Field() documentRef!: string;
}

@ObjectType('DpiaEntry')
export class DpiaEntryModel {
  @Field(() => ID) dpiaId!: string;
  @Field() outcome!: string;
  @Field() assessedAt!: string;
  @Field() documentRef!: string;
}

@ObjectType('SourceEntry')
export class SourceEntryModel {
  @Field({ description: 'own_customer, web_form, event, referral, purchased_list or rented_list.' }) kind!: string;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) collectionMethod!: string | null;
  @Field(() => Int) contacts!: number;
  @Field(() => [String]) eventIds!: string[];
}

@ObjectType('AgreementEntry')
export class AgreementEntryModel {
  @Field(() => ID) agreementId!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
  @Field() documentRef!: string;
  @Field({ description: 'In force at the register’s date.' }) inForce!: boolean;
}

@ObjectType('RecipientEntry')
export class RecipientEntryModel {
  @Field(() => ID) processorId!: string;
  @Field() name!: string;
  @Field() role!: string;
  @Field() country!: string;
  @Field(() => [AgreementEntryModel]) agreements!: AgreementEntryModel[];
  @Field(() => [String]) eventIds!: string[];
}

@ObjectType('TransferEntry')
export class TransferEntryModel {
  @Field(() => ID) processorId!: string;
  @Field() processorName!: string;
  @Field() country!: string;
  @Field(() => String, { nullable: true, description: 'adequacy, scc or bcr; null: no safeguard (a gap).' }) safeguard!: string | null;
  @Field(() => String, { nullable: true, description: 'The adequacy decision, or the SCC/BCR document.' }) reference!: string | null;
  @Field(() => [String]) eventIds!: string[];
}

@ObjectType('RetentionEntry')
export class RetentionEntryModel {
  @Field(() => Int) prospectMonths!: number;
  @Field(() => Int) customerMonths!: number;
  @Field(() => Int) recordingMonths!: number;
  @Field(() => String, { nullable: true }) documentRef!: string | null;
}

@ObjectType('TextCell') export class TextCell extends CellOf<string>(() => String) {}
@ObjectType('TextListCell') export class TextListCell extends CellOf<string[]>(() => [String]) {}
@ObjectType('PartyCell') export class PartyCell extends CellOf<PartyModel | null>(() => PartyModel, true) {}
@ObjectType('BalancingTestCell') export class BalancingTestCell extends CellOf<BalancingTestEntryModel | null>(() => BalancingTestEntryModel, true) {}
@ObjectType('DpiaCell') export class DpiaCell extends CellOf<DpiaEntryModel | null>(() => DpiaEntryModel, true) {}
@ObjectType('SourcesCell') export class SourcesCell extends CellOf<SourceEntryModel[]>(() => [SourceEntryModel]) {}
@ObjectType('RecipientsCell') export class RecipientsCell extends CellOf<RecipientEntryModel[]>(() => [RecipientEntryModel]) {}
@ObjectType('TransfersCell') export class TransfersCell extends CellOf<TransferEntryModel[]>(() => [TransferEntryModel]) {}
@ObjectType('RetentionCell') export class RetentionCell extends CellOf<RetentionEntryModel | null>(() => RetentionEntryModel, true) {}

@ObjectType('ProcessingActivity', { description: 'One processing activity (a campaign and its purpose), GDPR Art. 30(1)(b)–(g).' })
export class ProcessingActivityModel {
  @Field(() => ID) campaignId!: string;
  @Field(() => TextCell) name!: TextCell;
  @Field(() => TextCell) purpose!: TextCell;
  @Field(() => TextCell, { description: 'consent, legitimate_interest or existing_customer.' }) legalBasis!: TextCell;
  @Field(() => BalancingTestCell, { description: 'For legitimate interest: the passed balancing test in force.' }) balancingTest!: BalancingTestCell;
  @Field(() => TextListCell) dataSubjects!: TextListCell;
  @Field(() => TextListCell, { description: 'The categories of personal data actually captured.' }) personalData!: TextListCell;
  @Field(() => SourcesCell) sources!: SourcesCell;
  @Field(() => RecipientsCell, { description: 'Processors, with their agreements.' }) recipients!: RecipientsCell;
  @Field(() => TransfersCell, { description: 'Third-country transfers and their safeguards.' }) transfers!: TransfersCell;
  @Field(() => RetentionCell) retention!: RetentionCell;
  @Field(() => TextListCell) securityMeasures!: TextListCell;
  @Field(() => DpiaCell) dpia!: DpiaCell;
}

@ObjectType('RegisterGap')
export class RegisterGapModel {
  @Field(() => ID, { nullable: true, description: 'The activity (campaign); null for the organisation.' }) campaignId!: string | null;
  @Field() column!: string;
  @Field() gap!: string;
  @Field(() => [String]) eventIds!: string[];
}

@ObjectType('ProcessingRegister', { description: 'The GDPR Art. 30(1) register as of a date, built from the events. No personal data.' })
export class ProcessingRegisterModel {
  @Field(() => Date) asOf!: Date;
  @Field(() => Float, { description: 'The store position the register reflects (the projection checkpoint, or the head a replay read up to).' }) checkpoint!: number;
  @Field(() => PartyCell) controller!: PartyCell;
  @Field(() => PartyCell) dpo!: PartyCell;
  @Field(() => PartyCell) representative!: PartyCell;
  @Field(() => [ProcessingActivityModel]) activities!: ProcessingActivityModel[];
  @Field(() => [RegisterGapModel], { description: 'Every gap of the register, in one list.' }) gaps!: RegisterGapModel[];
}
