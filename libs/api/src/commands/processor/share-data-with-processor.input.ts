import { InputType } from '@nestjs/graphql';
import { DATA_CATEGORIES, type DataCategory, type ShareDataWithProcessor } from '@calltrail/domain';
import { OccurredAtInput, CountryField, occurredAtOf, OneOfListField, UuidField, UuidListField } from '../input-fields';

/** A bought list is shared in one go; 10,000 ids are about 400 kB of JSON. */
const MAX_CONTACTS_PER_SHARE = 10_000;

@InputType({
  description: 'Contacts\' data sent to a processor. A fact: recorded even without an agreement or safeguard (the audit flags it).',
})
export class ShareDataWithProcessorInput extends OccurredAtInput {
  @UuidField({ description: 'The processor.' })
  processorId!: string;

  @UuidField({ description: 'A new UUID for this share.' })
  shareId!: string;

  @UuidListField({ nonEmpty: true, maxItems: MAX_CONTACTS_PER_SHARE, description: 'The contacts whose data was sent.' })
  contactIds!: string[];

  @OneOfListField(DATA_CATEGORIES, { nonEmpty: true, maxItems: DATA_CATEGORIES.length, description: 'What was sent.' })
  dataCategories!: DataCategory[];

  @CountryField({ nullable: true, description: "Where the data went; absent: the processor's country." })
  destinationCountry?: string | null;

  @UuidField({ nullable: true, description: 'The campaign it was sent for.' })
  campaignId?: string | null;
}

export function toShareDataWithProcessor(input: ShareDataWithProcessorInput): ShareDataWithProcessor {
  return {
    type: 'ShareDataWithProcessor',
    processorId: input.processorId,
    shareId: input.shareId,
    contactIds: input.contactIds,
    dataCategories: input.dataCategories,
    destinationCountry: input.destinationCountry ?? null,
    campaignId: input.campaignId ?? null,
    ...occurredAtOf(input),
  };
}
