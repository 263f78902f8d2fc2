import type { Instant, LineType, PhoneHash, Uuid } from '../values';

/**
 * Events of the call stream `call-<uuid>`: one outbound contact attempt (a call, or an e-mail
 * for the e-mail channel of seed 004). Facts from the world: recorded even when unlawful,
 * so the audit can flag them.
 */

export const CALL_ATTEMPT_RESULTS = ['no_answer', 'busy', 'voicemail', 'answered', 'wrong_number'] as const;
export type CallAttemptResult = (typeof CALL_ATTEMPT_RESULTS)[number];

/** The line dialled: its keyed hash, never the number. */
export interface DialledLine {
  phoneHash: PhoneHash;
  lineType: LineType;
}

/** The event's `occurredAt` is the call time (`startedAt`). */
export interface CallAttempted {
  type: 'CallAttempted';
  data: {
    callId: Uuid;
    contactId: Uuid;
    campaignId: Uuid;
    processorId: Uuid;
    /** The processor's pseudonymous agent id (training is recorded against it). */
    agentId: string | null;
    /** The number shown to the callee (the organisation's own line, E.164); null when withheld. */
    presentedCallerId: string | null;
    /** False for a call placed by a machine with no human agent (seed 000 §3). */
    humanAgent: boolean;
    dialled: DialledLine;
    startedAt: Instant;
    /** How many times it rang (seed 000 §3: not more than 5-6). */
    rings: number;
    result: CallAttemptResult;
    /** Conversation length for an answered call, in seconds. */
    durationSeconds: number | null;
  };
}

/** Art. 13/14 information given on the call; for a bought or rented list the source must be named (seed 004). */
export interface PrivacyNoticeGiven {
  type: 'PrivacyNoticeGiven';
  data: {
    callId: Uuid;
    contactId: Uuid;
    noticeVersion: string;
    dataSourceDisclosed: boolean;
    rightToObjectExplained: boolean;
  };
}

export interface RecordingNoticeGiven {
  type: 'RecordingNoticeGiven';
  data: {
    callId: Uuid;
    contactId: Uuid;
    noticeVersion: string;
  };
}

export interface RecordingStarted {
  type: 'RecordingStarted';
  data: {
    callId: Uuid;
    contactId: Uuid;
    /** Where the recording is kept (a reference, never the audio). */
    recordingRef: string;
  };
}

export const CALL_OUTCOMES = [
  'not_interested',
  'interested',
  'converted',
  'callback_requested',
  'do_not_call',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface CallOutcomeRecorded {
  type: 'CallOutcomeRecorded';
  data: {
    callId: Uuid;
    contactId: Uuid;
    campaignId: Uuid;
    /** `do_not_call`: the person asked not to be called again. */
    outcome: CallOutcome;
    /** When the person asked to be called back; set only for `callback_requested`. */
    callbackAt: Instant | null;
  };
}

/** A free-text note, screened for special-category data and insults before it is accepted (seed 001). */
export interface CallNoteRecorded {
  type: 'CallNoteRecorded';
  data: {
    callId: Uuid;
    contactId: Uuid;
    noteId: Uuid;
    agentId: string | null;
    /** personal */
    text: string;
  };
}

/** A marketing e-mail (seed 004): sender identity and an unsubscribe link are mandatory content. */
export interface EmailSent {
  type: 'EmailSent';
  data: {
    /** The id of this contact attempt (the stream is `call-<callId>`). */
    callId: Uuid;
    contactId: Uuid;
    campaignId: Uuid;
    processorId: Uuid;
    /** personal: the address written to. */
    recipient: string;
    senderIdentity: string;
    /** The unsubscribe link in the message; null when the message had none (the audit flags it). */
    unsubscribeLink: string | null;
    /** Whether the message stated why the person receives it and the source of the data (seed 004). */
    sourceDisclosed: boolean;
  };
}

export type CallEvent =
  | CallAttempted
  | PrivacyNoticeGiven
  | RecordingNoticeGiven
  | RecordingStarted
  | CallOutcomeRecorded
  | CallNoteRecorded
  | EmailSent;
