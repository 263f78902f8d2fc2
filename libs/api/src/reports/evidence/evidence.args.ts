import { ArgsType } from '@nestjs/graphql';
import { RECEIPT_CHANNELS, type ReceiptChannel } from '@calltrail/domain';
import { InstantField, OneOfField, UuidField } from '../../commands/input-fields';

@ArgsType()
export class ContactDossierArgs {
  @UuidField({ description: 'The contact (data subject).' })
  contactId!: string;
}

@ArgsType()
export class AnswerAccessRequestArgs {
  @UuidField({ description: 'The contact (data subject) who asked.' })
  contactId!: string;

  @UuidField({ description: 'The access request answered (its AccessRequested): AccessFulfilled is recorded for it.' })
  accessRequestId!: string;

  @OneOfField(RECEIPT_CHANNELS, { nullable: true, description: 'How the dossier is delivered to the person (default email).' })
  deliveredVia?: ReceiptChannel | null;
}

@ArgsType()
export class CampaignEvidenceArgs {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @InstantField({ nullable: true, description: 'The pack as of this moment, from what had occurred by then (default now).' })
  asOf?: Date | null;
}

@ArgsType()
export class ErasureCertificateArgs {
  @UuidField({ description: 'The erased (or being erased) contact.' })
  contactId!: string;
}
