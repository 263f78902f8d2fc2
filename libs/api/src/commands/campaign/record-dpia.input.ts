import { InputType } from '@nestjs/graphql';
import { DPIA_OUTCOMES, type DpiaOutcome, type RecordDpia } from '@calltrail/domain';
import { BooleanField, OccurredAtInput, InstantField, occurredAtOf, OneOfField, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A data protection impact assessment of the campaign (GDPR Art. 35).' })
export class RecordDpiaInput extends OccurredAtInput {
  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @UuidField({ description: 'A new UUID for this DPIA.' })
  dpiaId!: string;

  @OneOfField(DPIA_OUTCOMES, { description: 'The outcome.' })
  outcome!: DpiaOutcome;

  @InstantField({ description: 'When it was assessed; not in the future.' })
  assessedAt!: Date;

  @TextField({ maxLength: 500, description: 'Where the document is kept.' })
  documentRef!: string;

  @BooleanField({ nullable: true, description: 'Whether the DPO was consulted; absent: no.' })
  dpoConsulted?: boolean | null;

  @BooleanField({ nullable: true, description: 'Art. 36 prior consultation of the supervisory authority; absent: no.' })
  authorityConsulted?: boolean | null;
}

export function toRecordDpia(input: RecordDpiaInput): RecordDpia {
  return {
    type: 'RecordDpia',
    campaignId: input.campaignId,
    dpiaId: input.dpiaId,
    outcome: input.outcome,
    assessedAt: input.assessedAt.toISOString(),
    documentRef: input.documentRef,
    dpoConsulted: input.dpoConsulted === true,
    authorityConsulted: input.authorityConsulted === true,
    ...occurredAtOf(input),
  };
}
