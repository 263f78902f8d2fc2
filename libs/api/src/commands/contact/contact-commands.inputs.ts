import { InputType } from '@nestjs/graphql';
import { IsEmail } from 'class-validator';
import { AUDIENCES, CHANNELS, COMPLAINT_SUBJECTS, ERASURE_GROUNDS, OBJECTION_SCOPES, RECEIPT_CHANNELS } from '@calltrail/domain';
import {
  BooleanField,
  CalendarDateField,
  CountryField,
  InstantField,
  NestedField,
  OneOfField,
  OneOfListField,
  TextField,
  TextListField,
  UuidField,
  OccurredAtInput as TimedInput,
} from '../input-fields';
import {
  ConsentEvidenceInput,
  ContactPhoneInput,
  ContactProfessionInput,
  ContactSourceInput,
  NestedListField,
  ReceivedViaInput,
} from './contact-values.input';

const PERSONAL = 'Personal data: encrypted with the contact\'s key.';

@InputType({ description: 'A new contact (data subject). Without a source it is refused (SOURCE_REQUIRED).' })
export class RegisterContactInput extends TimedInput {
  @UuidField({ description: 'The contact\'s id: a UUID you choose, never a phone number.' })
  contactId!: string;

  @OneOfField(AUDIENCES, { description: 'B2B (a professional) or B2C (a consumer).' })
  audience!: string;

  @CountryField({ description: 'The contact\'s country (ISO 3166-1 alpha-2): its rule pack, and how national numbers are read.' })
  country!: string;

  @TextField({ maxLength: 64, description: 'An IANA time zone, e.g. Europe/Brussels: calling hours are judged in it.' })
  timeZone!: string;

  @TextField({ maxLength: 200, description: `The person's name. ${PERSONAL}` })
  name!: string;

  @NestedListField(() => ContactPhoneInput, { description: 'Phone numbers (at least one phone or one e-mail address).' })
  phones!: ContactPhoneInput[];

  @TextListField({ nullable: true, maxItems: 20, maxLength: 254, description: `E-mail addresses. ${PERSONAL}` })
  @IsEmail({}, { each: true, message: 'every item of $property must be an e-mail address' })
  emails?: string[] | null;

  @TextField({ nullable: true, maxLength: 200, description: `The company the person works for. ${PERSONAL}` })
  company?: string | null;

  @TextField({ nullable: true, maxLength: 200, description: `The person's job title. ${PERSONAL}` })
  jobTitle?: string | null;

  @NestedField(() => ContactProfessionInput, { nullable: true, description: 'Role category and sector, for B2B relevance.' })
  profession?: ContactProfessionInput | null;

  @NestedField(() => ContactSourceInput, { nullable: true, description: 'Where the data came from. Required (SOURCE_REQUIRED).' })
  source?: ContactSourceInput | null;
}

@InputType({ description: 'Corrected details (GDPR Art. 16): only the fields given change; phones and emails replace the lists.' })
export class RectifyContactDetailsInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @TextField({ nullable: true, maxLength: 200, description: `The corrected name. ${PERSONAL}` })
  name?: string;

  @NestedListField(() => ContactPhoneInput, { nullable: true, description: 'The phone numbers, replacing the list on record.' })
  phones?: ContactPhoneInput[];

  @TextListField({ nullable: true, maxItems: 20, maxLength: 254, description: `The e-mail addresses, replacing the list. ${PERSONAL}` })
  @IsEmail({}, { each: true, message: 'every item of $property must be an e-mail address' })
  emails?: string[];

  @TextField({ nullable: true, maxLength: 200, description: PERSONAL })
  company?: string | null;

  @TextField({ nullable: true, maxLength: 200, description: PERSONAL })
  jobTitle?: string | null;

  @NestedField(() => ContactProfessionInput, { nullable: true, description: 'Role category and sector.' })
  profession?: ContactProfessionInput;

  @OneOfField(AUDIENCES, { nullable: true, description: 'B2B or B2C.' })
  audience?: string;

  @CountryField({ nullable: true, description: 'The contact\'s country.' })
  country?: string;

  @TextField({ nullable: true, maxLength: 64, description: 'An IANA time zone.' })
  timeZone?: string;

  @BooleanField({ nullable: true, description: 'True when the person asked for the correction (default false).' })
  requestedBySubject?: boolean;
}

@InputType({ description: 'A consent, with its evidence (seed 002).' })
export class GiveConsentInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This consent\'s id (to withdraw it later).' })
  consentId!: string;

  @TextField({ maxLength: 200, description: 'The purpose consented to, e.g. marketing:heat-pumps.' })
  purpose!: string;

  @OneOfListField(CHANNELS, { nonEmpty: true, maxItems: CHANNELS.length, description: 'The channels it covers.' })
  channels!: string[];

  @UuidField({ nullable: true, description: 'The one campaign it is limited to, if so given.' })
  campaignId?: string | null;

  @TextField({ nullable: true, maxLength: 100, description: 'The product category it is limited to, if so given.' })
  productCategory?: string | null;

  @NestedField(() => ConsentEvidenceInput, { nullable: true, description: 'The proof. Required (CONSENT_WITHOUT_EVIDENCE).' })
  evidence?: ConsentEvidenceInput | null;

  @OneOfField(['terms_and_conditions', 'privacy_statement'], {
    nullable: true,
    description: 'Set when the "consent" came from accepting terms or a privacy statement: it is then refused (CONSENT_FROM_TERMS).',
  })
  derivedFrom?: 'terms_and_conditions' | 'privacy_statement' | null;

  @InstantField({ nullable: true, description: 'When the consent lapses by itself, if it does.' })
  expiresAt?: Date | null;

  @NestedField(() => ReceivedViaInput, { nullable: true, description: 'Who took it; absent: the controller.' })
  receivedVia?: ReceivedViaInput | null;
}

@InputType({ description: 'A consent withdrawn. A processor key may record one it received itself.' })
export class WithdrawConsentInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ nullable: true, description: 'The consent withdrawn; absent: every consent of the contact.' })
  consentId?: string | null;

  @NestedField(() => ReceivedViaInput, { description: 'Who received the withdrawal.' })
  receivedVia!: ReceivedViaInput;
}

@InputType({ description: 'A purchase by the contact (seed 003: the customer term runs from it).' })
export class RecordPurchaseInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This purchase\'s id.' })
  purchaseId!: string;

  @TextField({ maxLength: 100, description: 'The product category, e.g. insulation.' })
  productCategory!: string;

  @CalendarDateField({ description: 'The day of the purchase.' })
  purchasedOn!: string;

  @CalendarDateField({ nullable: true, description: 'When the contract ends, for a service with a term.' })
  contractEndsOn?: string | null;
}

@InputType({ description: 'An objection (GDPR Art. 21): binding on every processor from the moment it is recorded.' })
export class RaiseObjectionInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This objection\'s id.' })
  objectionId!: string;

  @OneOfField(OBJECTION_SCOPES, { nullable: true, description: 'Default direct_marketing.' })
  scope?: string;

  @NestedField(() => ReceivedViaInput, { description: 'Who received it: a processor key may record only its own.' })
  receivedVia!: ReceivedViaInput;

  @UuidField({ nullable: true, description: 'The call during which it was raised.' })
  callId?: string | null;

  @UuidField({ nullable: true, description: 'The campaign it was raised about.' })
  campaignId?: string | null;

  @TextField({ nullable: true, description: `The person's own words, if noted. ${PERSONAL}` })
  text?: string | null;
}

@InputType({ description: 'A complaint from the contact.' })
export class ReceiveComplaintInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This complaint\'s id.' })
  complaintId!: string;

  @OneOfField(COMPLAINT_SUBJECTS, { description: 'What it is about.' })
  subject!: string;

  @NestedField(() => ReceivedViaInput, { description: 'Who received it.' })
  receivedVia!: ReceivedViaInput;

  @UuidField({ nullable: true, description: 'The call it is about.' })
  callId?: string | null;

  @UuidField({ nullable: true, description: 'The campaign it is about.' })
  campaignId?: string | null;

  @BooleanField({ nullable: true, description: 'True when it reached us through a supervisory authority.' })
  viaSupervisoryAuthority?: boolean;

  @TextField({ nullable: true, description: `The complaint in the person's words. ${PERSONAL}` })
  text?: string | null;
}

@InputType({ description: 'An access request (GDPR Art. 15): to be answered within a month.' })
export class RequestAccessInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This request\'s id.' })
  requestId!: string;

  @NestedField(() => ReceivedViaInput, { description: 'Who received it.' })
  receivedVia!: ReceivedViaInput;
}

@InputType({ description: 'An access request answered.' })
export class FulfilAccessInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'The request answered.' })
  requestId!: string;

  @OneOfField(RECEIPT_CHANNELS, { description: 'How the dossier was delivered.' })
  deliveredVia!: string;

  @TextField({ maxLength: 200, description: 'A reference to the dossier delivered (not its content).' })
  dossierRef!: string;
}

@InputType({ description: 'An erasure request (GDPR Art. 17).' })
export class RequestErasureInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'This request\'s id.' })
  requestId!: string;

  @OneOfField(ERASURE_GROUNDS, { nullable: true, description: 'The ground; default other.' })
  ground?: string;

  @NestedField(() => ReceivedViaInput, { description: 'Who received it.' })
  receivedVia!: ReceivedViaInput;
}

@InputType({
  description: 'Carries out an erasure request: the ledger destroys the contact\'s key (every personal field becomes unreadable for good) and records which key.',
})
export class CompleteErasureInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'The erasure request carried out.' })
  requestId!: string;
}

@InputType({ description: 'A processor\'s confirmation that it erased the contact\'s data (seed 001: within 30 days).' })
export class ConfirmProcessorErasureInput extends TimedInput {
  @UuidField({ description: 'The contact.' })
  contactId!: string;

  @UuidField({ description: 'The erasure request.' })
  requestId!: string;

  @UuidField({ description: 'The processor that confirmed.' })
  processorId!: string;

  @TextField({ maxLength: 200, description: 'The confirmation: letter, ticket, signed statement.' })
  evidenceRef!: string;
}
