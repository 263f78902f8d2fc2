import { InputType } from '@nestjs/graphql';
import { TRANSFER_SAFEGUARD_KINDS, type RecordTransferSafeguard, type TransferSafeguardKind } from '@calltrail/domain';
import { CalendarDateField, OccurredAtInput, CountryField, occurredAtOf, OneOfField, TextField, UuidField } from '../input-fields';

@InputType({ description: 'A Chapter V safeguard for transfers to a processor outside the EEA (seed 001).' })
export class RecordTransferSafeguardInput extends OccurredAtInput {
  @UuidField({ description: 'The processor.' })
  processorId!: string;

  @UuidField({ description: 'A new UUID for the safeguard.' })
  safeguardId!: string;

  @OneOfField(TRANSFER_SAFEGUARD_KINDS, { description: 'An adequacy decision, standard contractual clauses or binding corporate rules.' })
  kind!: TransferSafeguardKind;

  @CountryField({ description: 'The country the data goes to.' })
  destinationCountry!: string;

  @CalendarDateField({ description: 'First day it applies.' })
  validFrom!: string;

  @CalendarDateField({ nullable: true, description: 'Last day it applies; absent: open-ended.' })
  validUntil?: string | null;

  @TextField({ maxLength: 500, description: 'Where the document is kept.' })
  documentRef!: string;
}

export function toRecordTransferSafeguard(input: RecordTransferSafeguardInput): RecordTransferSafeguard {
  return {
    type: 'RecordTransferSafeguard',
    processorId: input.processorId,
    safeguardId: input.safeguardId,
    kind: input.kind,
    destinationCountry: input.destinationCountry,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    documentRef: input.documentRef,
    ...occurredAtOf(input),
  };
}
