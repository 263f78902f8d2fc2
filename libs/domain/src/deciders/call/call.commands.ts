import type { CallAttemptResult, CallOutcome, DialledLine } from '../../events/call.events';
import type { Instant, Uuid } from '../../values';
import type { CommandTiming } from '../shared';

/**
 * Commands on the call stream. Only the attempt (or the e-mail) names the contact, campaign
 * and processor; later commands name the call and the decider takes the rest from the stream.
 */

/** `startedAt` is the call time and becomes the event's occurredAt. */
export interface RecordCallAttempt {
  type: 'RecordCallAttempt';
  callId: Uuid;
  contactId: Uuid;
  campaignId: Uuid;
  processorId: Uuid;
  agentId?: string | null;
  presentedCallerId?: string | null;
  humanAgent: boolean;
  dialled: DialledLine;
  startedAt: Instant;
  rings: number;
  result: CallAttemptResult;
  durationSeconds?: number | null;
}

export interface GivePrivacyNotice extends CommandTiming {
  type: 'GivePrivacyNotice';
  callId: Uuid;
  noticeVersion: string;
  dataSourceDisclosed: boolean;
  rightToObjectExplained?: boolean;
}

export interface GiveRecordingNotice extends CommandTiming {
  type: 'GiveRecordingNotice';
  callId: Uuid;
  noticeVersion: string;
}

export interface StartRecording extends CommandTiming {
  type: 'StartRecording';
  callId: Uuid;
  recordingRef: string;
}

export interface RecordCallOutcome extends CommandTiming {
  type: 'RecordCallOutcome';
  callId: Uuid;
  outcome: CallOutcome;
  /** Required for `callback_requested`. */
  callbackAt?: Instant | null;
}

export interface RecordCallNote extends CommandTiming {
  type: 'RecordCallNote';
  callId: Uuid;
  noteId: Uuid;
  agentId?: string | null;
  text: string;
}

export interface RecordEmailSent extends CommandTiming {
  type: 'RecordEmailSent';
  callId: Uuid;
  contactId: Uuid;
  campaignId: Uuid;
  processorId: Uuid;
  recipient: string;
  senderIdentity: string;
  unsubscribeLink?: string | null;
  sourceDisclosed: boolean;
}

export type CallCommand =
  | RecordCallAttempt
  | GivePrivacyNotice
  | GiveRecordingNotice
  | StartRecording
  | RecordCallOutcome
  | RecordCallNote
  | RecordEmailSent;
