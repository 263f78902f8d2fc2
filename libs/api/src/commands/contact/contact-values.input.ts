import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { LINE_TYPES, RECEIPT_CHANNELS, SOURCE_KINDS } from '@calltrail/domain';
import { InstantField, OneOfField, TextField, UuidField } from '../input-fields';

/** A list of nested inputs, each validated with its own rules. */
export function NestedListField(type: () => ClassType, options: { description: string; nullable?: boolean; maxItems?: number }): PropertyDecorator {
  const maxItems = options.maxItems ?? 20;
  return applyDecorators(
    Field(() => [type()], { description: options.description, nullable: options.nullable }),
    ...(options.nullable ? [IsOptional()] : []),
    IsArray({ message: '$property must be a list' }),
    ArrayMaxSize(maxItems, { message: `$property may list at most ${maxItems} items` }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

@InputType({ description: 'A phone number of the contact. Personal data: encrypted with the contact\'s key.' })
export class ContactPhoneInput {
  @TextField({
    maxLength: 40,
    description: 'As typed: a national number (read in the contact\'s country) or an international one (+…). Stored in E.164.',
  })
  number!: string;

  @OneOfField(LINE_TYPES, { description: 'switchboard: a company\'s general number.' })
  lineType!: string;
}

@InputType({ description: 'Who received a request, objection or withdrawal: a processor (call centre), or the controller itself.' })
export class ReceivedViaInput {
  @UuidField({ nullable: true, description: 'The processor that took it; absent or null: the controller directly.' })
  processorId?: string | null;

  @OneOfField(RECEIPT_CHANNELS, { description: 'How it reached us.' })
  channel!: string;
}

@InputType({ description: 'Where the contact\'s data came from (seed 004). A purchased or rented list needs its provider and collection method.' })
export class ContactSourceInput {
  @OneOfField(SOURCE_KINDS, { description: 'The kind of source.' })
  kind!: string;

  @TextField({ nullable: true, maxLength: 200, description: 'The list broker, for a purchased or rented list.' })
  provider?: string | null;

  @UuidField({ nullable: true, description: 'The broker\'s processor id, when it is registered as a processor.' })
  providerProcessorId?: string | null;

  @TextField({ nullable: true, description: 'How the provider collected the data, e.g. "opt-in web form on partner sites".' })
  collectionMethod?: string | null;

  @TextField({ nullable: true, maxLength: 200, description: 'The list, form, event or referral (file name, form id, event name).' })
  reference?: string | null;

  @InstantField({ nullable: true, description: 'When the data was obtained.' })
  obtainedAt?: Date | null;
}

@InputType({ description: 'The contact\'s profession, for B2B relevance: a role category and a sector (not personal data).' })
export class ContactProfessionInput {
  @TextField({ nullable: true, maxLength: 100, description: 'A role category, e.g. facility_manager.' })
  role?: string | null;

  @TextField({ nullable: true, maxLength: 100, description: 'A sector, e.g. a NACE code.' })
  sector?: string | null;
}

@InputType({
  description: 'The proof of a consent (seed 002). Anything missing is refused (CONSENT_WITHOUT_EVIDENCE); accepting terms is not consent (CONSENT_FROM_TERMS).',
})
export class ConsentEvidenceInput {
  @TextField({
    nullable: true,
    maxLength: 60,
    description: 'web_form_opt_in, double_opt_in, recorded_call, signed_form or email_confirmation.',
  })
  method?: string | null;

  @TextField({ nullable: true, maxLength: 100, description: 'The version of the consent text the person was shown.' })
  noticeVersion?: string | null;

  @InstantField({ nullable: true, description: 'When the person gave consent.' })
  givenAt?: Date | null;

  @TextField({ nullable: true, maxLength: 200, description: 'Where the proof is kept: form submission id, recording id, document reference.' })
  evidenceRef?: string | null;
}
