import { InputType } from '@nestjs/graphql';
import {
  AUDIENCES,
  CHANNELS,
  LEGAL_BASES,
  type Audience,
  type CallingProfile,
  type CampaignDefinition,
  type Channel,
  type LegalBasis,
  type TargetProfessions,
} from '@calltrail/domain';
import {
  CountryListField,
  NestedField,
  OneOfField,
  TextField,
  TextListField,
  WholeNumberField,
} from '../input-fields';

@InputType({ description: 'Who a B2B campaign is relevant to (seed 000 §2): professional role categories and sectors.' })
export class TargetProfessionsInput {
  @TextListField({ nullable: true, maxLength: 200, description: 'Role categories, e.g. facility_manager; absent: none.' })
  roles?: string[] | null;

  @TextListField({ nullable: true, maxLength: 200, description: 'Sectors, e.g. a NACE code; absent: none.' })
  sectors?: string[] | null;
}

@InputType({ description: 'Limits the campaign sets for itself on top of the rule packs.' })
export class CallingProfileInput {
  @WholeNumberField({ nullable: true, min: 1, description: 'At most this many rings on an unanswered call.' })
  maxRings?: number | null;

  @WholeNumberField({ nullable: true, min: 0, description: 'Hours to wait after a no-answer before calling again.' })
  retryAfterHours?: number | null;
}

/** The fields of a campaign's definition, shared by defineCampaign and amendCampaign. */
@InputType({ isAbstract: true })
export class CampaignDefinitionFields {
  @TextField({ maxLength: 200, description: 'A name for people.' })
  name!: string;

  @TextField({ description: 'The purpose of the processing (GDPR Art. 5(1)(b)).' })
  purpose!: string;

  @OneOfField(LEGAL_BASES, { description: 'The legal basis.' })
  legalBasis!: LegalBasis;

  @OneOfField(AUDIENCES, { description: 'Businesses or consumers.' })
  audience!: Audience;

  @OneOfField(CHANNELS, { description: 'How contacts are approached.' })
  channel!: Channel;

  @TextField({ maxLength: 200, description: 'The product category offered.' })
  productCategory!: string;

  @TextField({ maxLength: 200, description: 'Products of one group are "similar" (cool-down between calls, seed 000 §3).' })
  similarProductGroup!: string;

  @CountryListField({ nonEmpty: true, maxItems: 30, description: 'The countries called into (ISO 3166-1 alpha-2).' })
  jurisdictions!: string[];

  @NestedField(() => TargetProfessionsInput, { nullable: true, description: 'Required in effect for a B2B campaign.' })
  targetProfessions?: TargetProfessionsInput | null;

  @NestedField(() => CallingProfileInput, { nullable: true, description: 'Absent: the rule packs\' limits only.' })
  callingProfile?: CallingProfileInput | null;
}

export function targetProfessionsOf(input: TargetProfessionsInput | null | undefined): TargetProfessions {
  return { roles: input?.roles ?? [], sectors: input?.sectors ?? [] };
}

export function callingProfileOf(input: CallingProfileInput | null | undefined): CallingProfile {
  return { maxRings: input?.maxRings ?? null, retryAfterHours: input?.retryAfterHours ?? null };
}

export function definitionOf(input: CampaignDefinitionFields): CampaignDefinition {
  return {
    name: input.name,
    purpose: input.purpose,
    legalBasis: input.legalBasis,
    audience: input.audience,
    channel: input.channel,
    productCategory: input.productCategory,
    similarProductGroup: input.similarProductGroup,
    jurisdictions: input.jurisdictions,
    targetProfessions: targetProfessionsOf(input.targetProfessions),
    callingProfile: callingProfileOf(input.callingProfile),
  };
}

/** An amendment: only the fields the input gives (null or absent: unchanged). */
export function givenDefinitionFields(input: Partial<CampaignDefinitionFields>): Partial<CampaignDefinition> {
  const full = definitionOf(input as CampaignDefinitionFields);
  const given = (Object.keys(full) as (keyof CampaignDefinition)[]).filter((field) => input[field] !== null && input[field] !== undefined);
  return Object.fromEntries(given.map((field) => [field, full[field]]));
}
