import { InputType } from '@nestjs/graphql';
import { IsEmail, Matches } from 'class-validator';
import { CALL_ATTEMPT_RESULTS, CALL_OUTCOMES, LINE_TYPES } from '@calltrail/domain';
import {
  BooleanField,
  InstantField,
  NestedField,
  OneOfField,
  TextField,
  UuidField,
  WholeNumberField,
  OccurredAtInput as TimedInput,
} from '../input-fields';

const E164 = /^\+[1-9]\d{6,14}$/;

@InputType({ description: 'The line dialled. The ledger keeps only its keyed hash, never the number.' })
export class DialledLineInput {
  @TextField({ maxLength: 40, description: 'The number dialled, in international form (+ and the country code).' })
  number!: string;

  @OneOfField(LINE_TYPES, { description: 'The kind of line.' })
  lineType!: string;
}

@InputType({
  description: 'A call placed (a fact from the world: recorded even when it should not have been placed; the audit flags it). Its time is startedAt.',
})
export class RecordCallAttemptInput {
  @UuidField({ description: 'The call\'s id: a UUID you choose; the notices, outcome and notes of the call name it.' })
  callId!: string;

  @UuidField({ description: 'The contact called.' })
  contactId!: string;

  @UuidField({ description: 'The campaign the call was for.' })
  campaignId!: string;

  @UuidField({ description: 'The processor (call centre) that placed it: a processor key records only its own calls.' })
  processorId!: string;

  @TextField({ nullable: true, maxLength: 100, description: 'The processor\'s pseudonymous agent id (training is recorded against it).' })
  agentId?: string | null;

  @TextField({ nullable: true, maxLength: 16, description: 'The number shown to the callee, in E.164; absent when withheld.' })
  @Matches(E164, { message: '$property must be a phone number in E.164 form (+ and 7 to 15 digits)' })
  presentedCallerId?: string | null;

  @BooleanField({ description: 'False for a call placed by a machine with no human agent.' })
  humanAgent!: boolean;

  @NestedField(() => DialledLineInput, { description: 'The line dialled.' })
  dialled!: DialledLineInput;

  @InstantField({ description: 'When the call started: the event\'s occurredAt.' })
  startedAt!: Date;

  @WholeNumberField({ min: 0, description: 'How many times it rang.' })
  rings!: number;

  @OneOfField(CALL_ATTEMPT_RESULTS, { description: 'What happened.' })
  result!: string;

  @WholeNumberField({ nullable: true, min: 0, description: 'Conversation length of an answered call, in seconds.' })
  durationSeconds?: number | null;
}

@InputType({ description: 'The privacy notice given on an answered call (GDPR Art. 13/14); for a bought or rented list, name the source (seed 004).' })
export class GivePrivacyNoticeInput extends TimedInput {
  @UuidField({ description: 'The call.' })
  callId!: string;

  @TextField({ maxLength: 100, description: 'The version of the notice read out.' })
  noticeVersion!: string;

  @BooleanField({ description: 'Whether the source of the contact\'s data was disclosed.' })
  dataSourceDisclosed!: boolean;

  @BooleanField({ nullable: true, description: 'Whether the right to object was explained (default false).' })
  rightToObjectExplained?: boolean;
}

@InputType({ description: 'The notice that the call will be recorded, given before recording starts (seed 001).' })
export class GiveRecordingNoticeInput extends TimedInput {
  @UuidField({ description: 'The call.' })
  callId!: string;

  @TextField({ maxLength: 100, description: 'The version of the notice.' })
  noticeVersion!: string;
}

@InputType({ description: 'A recording started on an answered call.' })
export class StartRecordingInput extends TimedInput {
  @UuidField({ description: 'The call.' })
  callId!: string;

  @TextField({ maxLength: 200, description: 'Where the recording is kept (a reference, never the audio).' })
  recordingRef!: string;
}

@InputType({ description: 'How an answered call ended.' })
export class RecordCallOutcomeInput extends TimedInput {
  @UuidField({ description: 'The call.' })
  callId!: string;

  @OneOfField(CALL_OUTCOMES, { description: 'do_not_call: the person asked not to be called again.' })
  outcome!: string;

  @InstantField({ nullable: true, description: 'When to call back; required for callback_requested.' })
  callbackAt?: Date | null;
}

@InputType({
  description: 'A free-text note on a call. Refused when it holds special-category data or insults (NOTE_SPECIAL_CATEGORY_DATA, NOTE_OFFENSIVE).',
})
export class RecordCallNoteInput extends TimedInput {
  @UuidField({ description: 'The call.' })
  callId!: string;

  @UuidField({ description: 'This note\'s id.' })
  noteId!: string;

  @TextField({ nullable: true, maxLength: 100, description: 'The agent who wrote it.' })
  agentId?: string | null;

  @TextField({ maxLength: 5000, description: 'The note. Personal data: encrypted with the contact\'s key.' })
  text!: string;
}

@InputType({ description: 'A marketing e-mail sent (seed 004): the stream is call-<callId>.' })
export class RecordEmailSentInput extends TimedInput {
  @UuidField({ description: 'The id of this contact attempt.' })
  callId!: string;

  @UuidField({ description: 'The contact written to.' })
  contactId!: string;

  @UuidField({ description: 'The campaign.' })
  campaignId!: string;

  @UuidField({ description: 'The processor that sent it: a processor key records only its own.' })
  processorId!: string;

  @TextField({ maxLength: 254, description: 'The address written to. Personal data: encrypted with the contact\'s key.' })
  @IsEmail({}, { message: '$property must be an e-mail address' })
  recipient!: string;

  @TextField({ maxLength: 200, description: 'Who the message said it was from.' })
  senderIdentity!: string;

  @TextField({ nullable: true, maxLength: 2000, description: 'The unsubscribe link in the message; absent when it had none (the audit flags it).' })
  @Matches(/^(https?:\/\/|mailto:)\S+$/i, { message: '$property must be an http(s) or mailto link' })
  unsubscribeLink?: string | null;

  @BooleanField({ description: 'Whether the message said why the person receives it and where the data came from.' })
  sourceDisclosed!: boolean;
}
