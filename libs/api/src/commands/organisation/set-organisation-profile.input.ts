import { InputType } from '@nestjs/graphql';
import type { OrganisationProfileSet, Party, RetentionPolicy, SetOrganisationProfile } from '@calltrail/domain';
import {
  OccurredAtInput,
  CountryField,
  E164ListField,
  NestedField,
  occurredAtOf,
  TextField,
  TextListField,
  WholeNumberField,
} from '../input-fields';

@InputType({ description: 'A legal person or office: name, address, country and a published e-mail.' })
export class PartyInput {
  @TextField({ maxLength: 200, description: 'The name.' })
  name!: string;

  @TextField({ maxLength: 500, description: 'The postal address.' })
  address!: string;

  @CountryField({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @TextField({ nullable: true, maxLength: 320, description: 'A published business e-mail (Art. 13(1)(a-b)).' })
  email?: string | null;
}

@InputType({ description: 'The controller: the organisation itself.' })
export class ControllerInput extends PartyInput {
  @TextField({ nullable: true, maxLength: 100, description: 'Its company registration number.' })
  registrationNumber?: string | null;
}

@InputType({ description: 'How long personal data is kept (seed 000 §5).' })
export class RetentionPolicyInput {
  @WholeNumberField({ min: 1, description: "Months a prospect's data is kept after the last contact." })
  prospectMonths!: number;

  @WholeNumberField({ min: 1, description: "Months an (ex-)customer's data is kept after the last purchase." })
  customerMonths!: number;

  @WholeNumberField({ min: 0, description: 'Months call recordings are kept.' })
  recordingMonths!: number;

  @TextField({ nullable: true, maxLength: 500, description: 'Where the policy is written down.' })
  documentRef?: string | null;
}

@InputType({ description: 'Who the controller is and how it protects personal data (the processing register, Art. 30).' })
export class OrganisationProfileInput {
  @NestedField(() => ControllerInput, { description: 'The controller.' })
  controller!: ControllerInput;

  @NestedField(() => PartyInput, { nullable: true, description: 'The Art. 37 data protection officer; absent: none designated.' })
  dpo?: PartyInput | null;

  @NestedField(() => PartyInput, { nullable: true, description: 'The Art. 27 representative in the EU, for a controller outside it.' })
  representative?: PartyInput | null;

  @TextListField({ nonEmpty: true, description: 'Art. 32 technical and organisational measures.' })
  securityMeasures!: string[];

  @NestedField(() => RetentionPolicyInput, { description: 'The retention policy.' })
  retentionPolicy!: RetentionPolicyInput;

  @E164ListField({ nullable: true, description: "The organisation's own numbers shown as caller id, E.164; absent: none." })
  callerIds?: string[] | null;
}

@InputType({ description: 'Sets the organisation profile; each call replaces the whole profile.' })
export class SetOrganisationProfileInput extends OccurredAtInput {
  @NestedField(() => OrganisationProfileInput, { description: 'The profile.' })
  profile!: OrganisationProfileInput;
}

function partyOf(input: PartyInput): Party {
  return { name: input.name, address: input.address, country: input.country, email: input.email ?? null };
}

function retentionPolicyOf(input: RetentionPolicyInput): RetentionPolicy {
  return {
    prospectMonths: input.prospectMonths,
    customerMonths: input.customerMonths,
    recordingMonths: input.recordingMonths,
    documentRef: input.documentRef ?? null,
  };
}

function profileOf(input: OrganisationProfileInput): OrganisationProfileSet['data'] {
  return {
    controller: { ...partyOf(input.controller), registrationNumber: input.controller.registrationNumber ?? null },
    dpo: input.dpo ? partyOf(input.dpo) : null,
    representative: input.representative ? partyOf(input.representative) : null,
    securityMeasures: input.securityMeasures,
    retentionPolicy: retentionPolicyOf(input.retentionPolicy),
    callerIds: input.callerIds ?? [],
  };
}

export function toSetOrganisationProfile(input: SetOrganisationProfileInput): SetOrganisationProfile {
  return { type: 'SetOrganisationProfile', profile: profileOf(input.profile), ...occurredAtOf(input) };
}
