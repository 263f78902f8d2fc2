import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AccessFulfilment', { description: 'The AccessFulfilled event recorded when a dossier answered an access request.' })
export class AccessFulfilmentModel {
  @Field(() => ID)
  requestId!: string;

  @Field()
  deliveredVia!: string;

  @Field({ description: '`sha256:<hex>` of the dossier\'s canonical JSON: what was delivered, without its content.' })
  dossierRef!: string;

  @Field(() => ID, { description: 'The AccessFulfilled event.' })
  eventId!: string;
}

@ObjectType('ContactDossier', {
  description: 'Everything the ledger holds on one person, decrypted (GDPR Art. 15). Compliance keys only. An erased contact\'s dossier says so and holds no personal data.',
})
export class ContactDossierModel {
  @Field(() => ID)
  contactId!: string;

  @Field({ description: 'active, erasure_requested or erased.' })
  status!: string;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => AccessFulfilmentModel, { nullable: true, description: 'Set when the dossier answered an access request.' })
  accessFulfilled!: AccessFulfilmentModel | null;

  @Field({ description: 'The dossier as a document for the person (Markdown).' })
  markdown!: string;

  @Field({ description: 'The whole dossier as JSON: identity, contact details, source, consents, purchases, objections, complaints, requests, calls with notes, recipients, erasure.' })
  json!: string;
}

@ObjectType('ProcessorEvidence', { description: 'A processor that called, e-mailed or received data for the campaign.' })
export class ProcessorEvidenceModel {
  @Field(() => ID)
  processorId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'EEA, the adequacy decision relied on, or null when a transfer needs SCC/BCR.' })
  adequacy!: string | null;

  @Field({ description: 'A processor agreement in force at asOf.' })
  agreementInForce!: boolean;

  @Field({ description: 'In the EEA or under adequacy, or an SCC/BCR in force at asOf.' })
  transferSafeguarded!: boolean;

  @Field(() => Int)
  calls!: number;

  @Field(() => Int)
  agentsWhoCalled!: number;

  @Field(() => Int, { description: 'Agents all of whose calls fell within a valid privacy training.' })
  agentsTrained!: number;

  @Field(() => [String], { description: 'Pseudonymous ids of the agents without valid training.' })
  untrainedAgents!: string[];
}

@ObjectType('CampaignEvidence', { description: 'A campaign\'s accountability pack as of a moment. No personal data.' })
export class CampaignEvidenceModel {
  @Field(() => ID)
  campaignId!: string;

  @Field()
  name!: string;

  @Field(() => Date)
  asOf!: Date;

  @Field(() => Date)
  generatedAt!: Date;

  @Field({ description: 'A passed balancing test in force at asOf.' })
  balancingTestInForce!: boolean;

  @Field({ description: 'A DPIA recorded by asOf.' })
  dpiaRecorded!: boolean;

  @Field(() => Int, { description: 'DNC scrubs recorded by asOf.' })
  dncScrubs!: number;

  @Field(() => [ProcessorEvidenceModel])
  processors!: ProcessorEvidenceModel[];

  @Field(() => Int, { description: 'Objections binding on the campaign: raised for it or during its calls, and every objection of a person it called.' })
  objectionsReceived!: number;

  @Field(() => Int, { description: 'Objections after which the campaign did not call the person again.' })
  objectionsHonoured!: number;

  @Field(() => Int, { description: 'Call audit: calls of the campaign up to asOf.' })
  callsAudited!: number;

  @Field(() => Int, { description: 'Call audit: calls with CALL_WHILE_INELIGIBLE.' })
  callWhileIneligible!: number;

  @Field(() => Int, { description: 'Call audit: calls with PROPAGATION_DELAY.' })
  propagationDelay!: number;

  @Field({ description: 'The pack as Markdown: balancing tests, DPIA, DNC scrubs with snapshot versions, processors with agreements, safeguards and training, the call audit, objections.' })
  markdown!: string;

  @Field({ description: 'The whole pack as JSON, with the event ids behind each item.' })
  json!: string;
}

@ObjectType('ProcessorErasure', { description: 'One processor that had to confirm the erasure.' })
export class ProcessorErasureModel {
  @Field(() => ID)
  processorId!: string;

  @Field(() => String, { nullable: true })
  processorName!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => [String], { description: 'data_shared (a DataSharedWithProcessor) and/or contacted (a call or e-mail).' })
  received!: string[];

  @Field(() => Date, { nullable: true, description: 'ProcessorErasureConfirmed; null: missing.' })
  confirmedAt!: Date | null;

  @Field(() => String, { nullable: true })
  evidenceRef!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Confirmed within 30 days of the request; false also when missing after the deadline; null while still in time.' })
  withinDeadline!: boolean | null;
}

@ObjectType('ErasureCertificate', { description: 'Proof that an erasure was done and when. No personal data.' })
export class ErasureCertificateModel {
  @Field(() => ID)
  contactId!: string;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => ID)
  requestId!: string;

  @Field(() => Date)
  requestedAt!: Date;

  @Field()
  ground!: string;

  @Field(() => Date, { description: 'requestedAt + 30 days.' })
  deadline!: Date;

  @Field(() => Date, { nullable: true, description: 'ErasureCompleted: the contact key destroyed.' })
  keyDestroyedAt!: Date | null;

  @Field(() => String, { nullable: true })
  destroyedKeyId!: string | null;

  @Field(() => Boolean, { nullable: true })
  keyDestroyedWithinDeadline!: boolean | null;

  @Field(() => [ProcessorErasureModel])
  processors!: ProcessorErasureModel[];

  @Field({ description: 'COMPLETED_IN_TIME, COMPLETED_LATE, PENDING (still within 30 days) or OVERDUE.' })
  verdict!: string;

  @Field(() => [ID])
  eventIds!: string[];

  @Field()
  markdown!: string;
}
