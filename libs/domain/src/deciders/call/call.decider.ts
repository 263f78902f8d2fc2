import { DomainError } from '../../errors';
import { CALL_ATTEMPT_RESULTS, CALL_OUTCOMES, type CallEvent } from '../../events/call.events';
import type { DecidedEvent } from '../../events/catalogue';
import { screenNote } from '../../note-screening/screen-note';
import { DEFAULT_WORD_LISTS, type WordList } from '../../note-screening/word-lists';
import { LINE_TYPES, type Instant } from '../../values';
import {
  givenOccurredAt,
  optionalText,
  pastInstant,
  requireE164,
  requireEmail,
  requireNonNegativeInteger,
  requireOneOf,
  requirePhoneHash,
  requireText,
  requireUuid,
  withOccurredAt,
  type CommandTiming,
  type DecideContext,
  type Decider,
} from '../shared';
import type { CallCommand, RecordCallAttempt, RecordCallNote, RecordCallOutcome, RecordEmailSent } from './call.commands';

export interface CallState {
  /** `call`: a CallAttempted opened the stream; `email`: an EmailSent did. */
  channel: 'none' | 'call' | 'email';
  callId: string | null;
  contactId: string | null;
  campaignId: string | null;
  processorId: string | null;
  startedAt: Instant | null;
  answered: boolean;
  outcomeRecorded: boolean;
  noteIds: readonly string[];
}

export const initialCallState: CallState = {
  channel: 'none',
  callId: null,
  contactId: null,
  campaignId: null,
  processorId: null,
  startedAt: null,
  answered: false,
  outcomeRecorded: false,
  noteIds: [],
};

/** The call decider screens notes with these lists; pass more at run time to extend the screening. */
export interface CallDecideContext extends DecideContext {
  wordLists?: readonly WordList[];
}

export function decideCall(command: CallCommand, state: CallState, context: CallDecideContext): DecidedEvent<CallEvent>[] {
  switch (command.type) {
    case 'RecordCallAttempt':
      return [recordAttempt(command, state, context)];
    case 'RecordEmailSent':
      return [recordEmail(command, state, context)];
    case 'GivePrivacyNotice': {
      const at = duringAnsweredCall(state, command, context);
      const data = {
        ...callRef(state),
        noticeVersion: requireText(command.noticeVersion, 'noticeVersion'),
        dataSourceDisclosed: command.dataSourceDisclosed === true,
        rightToObjectExplained: command.rightToObjectExplained === true,
      };
      return [withOccurredAt({ type: 'PrivacyNoticeGiven', data }, at)];
    }
    case 'GiveRecordingNotice': {
      const at = duringAnsweredCall(state, command, context);
      const data = { ...callRef(state), noticeVersion: requireText(command.noticeVersion, 'noticeVersion') };
      return [withOccurredAt({ type: 'RecordingNoticeGiven', data }, at)];
    }
    case 'StartRecording': {
      const at = duringAnsweredCall(state, command, context);
      const data = { ...callRef(state), recordingRef: requireText(command.recordingRef, 'recordingRef') };
      return [withOccurredAt({ type: 'RecordingStarted', data }, at)];
    }
    case 'RecordCallOutcome':
      return [recordOutcome(command, state, context)];
    case 'RecordCallNote':
      return [recordNote(command, state, context)];
  }
}

function recordAttempt(command: RecordCallAttempt, state: CallState, context: DecideContext): DecidedEvent<CallEvent> {
  if (state.channel !== 'none') throw new DomainError('STREAM_ALREADY_EXISTS', 'this call is already recorded', 'callId');
  const result = requireOneOf(command.result, CALL_ATTEMPT_RESULTS, 'result');
  const durationSeconds = command.durationSeconds ?? null;
  if (durationSeconds !== null) {
    requireNonNegativeInteger(durationSeconds, 'durationSeconds');
    if (result !== 'answered' && durationSeconds > 0) {
      throw new DomainError('INVALID_FIELD', 'only an answered call has a conversation length', 'durationSeconds');
    }
  }
  const startedAt = pastInstant(command.startedAt, 'startedAt', context);
  const event: CallEvent = {
    type: 'CallAttempted',
    data: {
      callId: requireUuid(command.callId, 'callId'),
      contactId: requireUuid(command.contactId, 'contactId'),
      campaignId: requireUuid(command.campaignId, 'campaignId'),
      processorId: requireUuid(command.processorId, 'processorId'),
      agentId: optionalText(command.agentId),
      presentedCallerId: command.presentedCallerId ? requireE164(command.presentedCallerId, 'presentedCallerId') : null,
      humanAgent: command.humanAgent === true,
      dialled: {
        phoneHash: requirePhoneHash(command.dialled?.phoneHash, 'dialled.phoneHash'),
        lineType: requireOneOf(command.dialled?.lineType, LINE_TYPES, 'dialled.lineType'),
      },
      startedAt,
      rings: requireNonNegativeInteger(command.rings, 'rings'),
      result,
      durationSeconds,
    },
  };
  return { ...event, occurredAt: startedAt };
}

function recordEmail(command: RecordEmailSent, state: CallState, context: DecideContext): DecidedEvent<CallEvent> {
  if (state.channel !== 'none') throw new DomainError('STREAM_ALREADY_EXISTS', 'this contact attempt is already recorded', 'callId');
  const event: CallEvent = {
    type: 'EmailSent',
    data: {
      callId: requireUuid(command.callId, 'callId'),
      contactId: requireUuid(command.contactId, 'contactId'),
      campaignId: requireUuid(command.campaignId, 'campaignId'),
      processorId: requireUuid(command.processorId, 'processorId'),
      recipient: requireEmail(command.recipient, 'recipient'),
      senderIdentity: requireText(command.senderIdentity, 'senderIdentity'),
      unsubscribeLink: command.unsubscribeLink ? requireLink(command.unsubscribeLink, 'unsubscribeLink') : null,
      sourceDisclosed: command.sourceDisclosed === true,
    },
  };
  return withOccurredAt(event, givenOccurredAt(command, context));
}

function requireLink(value: string, field: string): string {
  if (!/^(https?:\/\/|mailto:)\S+$/i.test(value.trim())) {
    throw new DomainError('INVALID_FIELD', `${field} must be an http(s) or mailto link`, field);
  }
  return value.trim();
}

function recordOutcome(command: RecordCallOutcome, state: CallState, context: DecideContext): DecidedEvent<CallEvent> {
  const at = duringAnsweredCall(state, command, context);
  if (state.outcomeRecorded) throw new DomainError('OUTCOME_ALREADY_RECORDED', 'this call already has its outcome', 'outcome');
  const outcome = requireOneOf(command.outcome, CALL_OUTCOMES, 'outcome');
  const callbackAt = outcome === 'callback_requested' ? requireCallbackTime(command.callbackAt, state) : null;
  if (outcome !== 'callback_requested' && command.callbackAt) {
    throw new DomainError('INVALID_FIELD', 'callbackAt is only for the outcome callback_requested', 'callbackAt');
  }
  const data = { ...callRef(state), campaignId: state.campaignId!, outcome, callbackAt };
  return withOccurredAt({ type: 'CallOutcomeRecorded', data }, at);
}

function requireCallbackTime(value: string | null | undefined, state: CallState): Instant {
  if (!value) throw new DomainError('INVALID_FIELD', 'a callback request needs the time asked for', 'callbackAt');
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at)) {
    throw new DomainError('INVALID_FIELD', 'callbackAt must be an ISO-8601 date and time', 'callbackAt');
  }
  if (at <= Date.parse(state.startedAt!)) throw new DomainError('INVALID_FIELD', 'callbackAt must be after the call', 'callbackAt');
  return new Date(at).toISOString();
}

/** Seed 001: no health data and no insults in call notes; the refusal names the terms found. */
function recordNote(command: RecordCallNote, state: CallState, context: CallDecideContext): DecidedEvent<CallEvent> {
  const at = afterAttempt(state, command, context);
  const noteId = requireUuid(command.noteId, 'noteId');
  if (state.noteIds.includes(noteId)) throw new DomainError('DUPLICATE_ID', 'this note is already recorded', 'noteId');
  const text = requireText(command.text, 'text');
  const screening = screenNote(text, context.wordLists ?? DEFAULT_WORD_LISTS);
  const found = (matches: typeof screening.offensive) => [...new Set(matches.map((m) => m.found))];
  if (screening.specialCategory.length > 0) {
    const terms = found(screening.specialCategory);
    const categories = [...new Set(screening.specialCategory.map((m) => m.category))];
    throw new DomainError(
      'NOTE_SPECIAL_CATEGORY_DATA',
      `the note holds special-category data (${categories.join(', ')}): ${terms.join(', ')}`,
      'text',
      { terms, categories, offensiveTerms: found(screening.offensive) },
    );
  }
  if (screening.offensive.length > 0) {
    const terms = found(screening.offensive);
    throw new DomainError('NOTE_OFFENSIVE', `the note holds insulting language: ${terms.join(', ')}`, 'text', { terms });
  }
  const data = { ...callRef(state), noteId, agentId: optionalText(command.agentId), text };
  return withOccurredAt({ type: 'CallNoteRecorded', data }, at);
}

/** The call must exist; a fact dated before the call started is out of order. Returns the given occurredAt. */
function afterAttempt(state: CallState, command: CommandTiming, context: DecideContext): Instant | null {
  if (state.channel === 'none') throw new DomainError('CALL_NOT_ATTEMPTED', 'no attempt is recorded for this call', 'callId');
  const at = givenOccurredAt(command, context);
  if (at !== null && state.startedAt !== null && Date.parse(at) < Date.parse(state.startedAt)) {
    throw new DomainError('OUT_OF_ORDER', 'this is dated before the call started', 'occurredAt');
  }
  return at;
}

function duringAnsweredCall(state: CallState, command: CommandTiming, context: DecideContext): Instant | null {
  const at = afterAttempt(state, command, context);
  if (state.channel === 'email') throw new DomainError('CHANNEL_MISMATCH', 'this contact attempt was an e-mail, not a call', 'callId');
  if (!state.answered) throw new DomainError('CALL_NOT_ANSWERED', 'the call was not answered', 'callId');
  return at;
}

const callRef = (state: CallState) => ({ callId: state.callId!, contactId: state.contactId! });

export function evolveCall(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'CallAttempted':
      return {
        ...state,
        channel: 'call',
        callId: event.data.callId,
        contactId: event.data.contactId,
        campaignId: event.data.campaignId,
        processorId: event.data.processorId,
        startedAt: event.data.startedAt,
        answered: event.data.result === 'answered',
      };
    case 'EmailSent':
      return {
        ...state,
        channel: 'email',
        callId: event.data.callId,
        contactId: event.data.contactId,
        campaignId: event.data.campaignId,
        processorId: event.data.processorId,
      };
    case 'CallOutcomeRecorded':
      return { ...state, outcomeRecorded: true };
    case 'CallNoteRecorded':
      return { ...state, noteIds: [...state.noteIds, event.data.noteId] };
    case 'PrivacyNoticeGiven':
    case 'RecordingNoticeGiven':
    case 'RecordingStarted':
      return state;
  }
}

export const callDecider: Decider<CallCommand, CallState, CallEvent, CallDecideContext> = {
  decide: decideCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
