import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../events/call.events';
import { DEFAULT_WORD_LISTS } from '../../note-screening/word-lists';
import { expectRefusal, given } from '../decider-testing';
import type { CallCommand, RecordCallAttempt } from './call.commands';
import { callDecider } from './call.decider';

const now = new Date('2026-04-10T12:00:00.000Z');
const context = { now };
const callId = '8a1d4f6b-2c3e-4a5b-8d7f-9e0a1b2c3d4e';
const contactId = '3f2b8c1e-7d4a-4e6b-9a1c-5e8f0d2b4a61';
const campaignId = 'c4e6a8b0-1d3f-4b5d-9f7a-2c4e6a8b0d1f';
const processorId = 'b2d4f6a8-3c5e-4d7f-8a9b-1c3e5a7b9d0f';
const noteId = '4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b';
const phoneHash = 'c'.repeat(64);

const attempt: RecordCallAttempt = {
  type: 'RecordCallAttempt',
  callId,
  contactId,
  campaignId,
  processorId,
  agentId: 'agent-117',
  presentedCallerId: '+33170000000',
  humanAgent: true,
  dialled: { phoneHash, lineType: 'mobile' },
  startedAt: '2026-04-10T09:15:00+02:00',
  rings: 3,
  result: 'answered',
  durationSeconds: 120,
};
const answered = callDecider.decide(attempt, callDecider.initialState, context) as CallEvent[];
const unanswered = callDecider.decide({ ...attempt, result: 'no_answer', durationSeconds: null }, callDecider.initialState, context) as CallEvent[];
const emailed = callDecider.decide(
  {
    type: 'RecordEmailSent',
    callId,
    contactId,
    campaignId,
    processorId,
    recipient: 'm.fontanel@example.fr',
    senderIdentity: 'Thermique Atlantique SAS',
    unsubscribeLink: 'https://example.com/u/1',
    sourceDisclosed: true,
  },
  callDecider.initialState,
  context,
) as CallEvent[];
const note = (text: string): CallCommand => ({ type: 'RecordCallNote', callId, noteId, agentId: 'agent-117', text });

describe('call decider: happy paths', () => {
  it('records an attempt with the keyed hash of the line, dated at the call time', () => {
    expect(answered).toEqual([
      {
        type: 'CallAttempted',
        occurredAt: '2026-04-10T07:15:00.000Z',
        data: {
          callId,
          contactId,
          campaignId,
          processorId,
          agentId: 'agent-117',
          presentedCallerId: '+33170000000',
          humanAgent: true,
          dialled: { phoneHash, lineType: 'mobile' },
          startedAt: '2026-04-10T07:15:00.000Z',
          rings: 3,
          result: 'answered',
          durationSeconds: 120,
        },
      },
    ]);
  });

  it('records a call placed by a machine to anyone: a fact the audit will judge', () => {
    const [event] = callDecider.decide({ ...attempt, humanAgent: false, presentedCallerId: null, rings: 12 }, callDecider.initialState, context);
    expect(event).toMatchObject({ type: 'CallAttempted', data: { humanAgent: false, presentedCallerId: null, rings: 12 } });
  });

  it('records the recording notice, the recording and the outcome of an answered call, taking contact and campaign from the call', () => {
    const history = given(callDecider, answered);
    expect(history.when({ type: 'GiveRecordingNotice', callId, noticeVersion: 'rec-v2' }, context)).toEqual([
      { type: 'RecordingNoticeGiven', data: { callId, contactId, noticeVersion: 'rec-v2' } },
    ]);
    expect(history.when({ type: 'StartRecording', callId, recordingRef: 'rec/1.opus' }, context)).toEqual([
      { type: 'RecordingStarted', data: { callId, contactId, recordingRef: 'rec/1.opus' } },
    ]);
    expect(
      history.when({ type: 'RecordCallOutcome', callId, outcome: 'callback_requested', callbackAt: '2026-04-17T16:00:00Z' }, context),
    ).toEqual([
      {
        type: 'CallOutcomeRecorded',
        data: { callId, contactId, campaignId, outcome: 'callback_requested', callbackAt: '2026-04-17T16:00:00.000Z' },
      },
    ]);
    expect(history.when({ type: 'GivePrivacyNotice', callId, noticeVersion: 'p3', dataSourceDisclosed: true }, context)).toEqual([
      {
        type: 'PrivacyNoticeGiven',
        data: { callId, contactId, noticeVersion: 'p3', dataSourceDisclosed: true, rightToObjectExplained: false },
      },
    ]);
  });

  it('records a clean note, in plaintext for the application to seal', () => {
    expect(given(callDecider, answered).when(note('Wil een offerte, terugbellen na 16u.'), context)).toEqual([
      { type: 'CallNoteRecorded', data: { callId, contactId, noteId, agentId: 'agent-117', text: 'Wil een offerte, terugbellen na 16u.' } },
    ]);
  });

  it('records an e-mail without its unsubscribe link as sent: the audit flags it', () => {
    const [event] = callDecider.decide(
      { type: 'RecordEmailSent', callId, contactId, campaignId, processorId, recipient: 'a@example.org', senderIdentity: 'X', sourceDisclosed: false },
      callDecider.initialState,
      context,
    );
    expect(event).toMatchObject({ type: 'EmailSent', data: { unsubscribeLink: null, sourceDisclosed: false } });
  });
});

describe('call decider: note screening (seed 001)', () => {
  it.each([
    ['nl', 'Mevrouw heeft kanker en is depressief.', ['kanker', 'depressief'], ['health']],
    ['fr', 'Monsieur est diabétique et musulman pratiquant.', ['diabétique', 'musulman', 'pratiquant'], ['health', 'religion']],
    ['en', 'Wife is pregnant; he is a union member.', ['pregnant', 'union member'], ['health', 'trade-union']],
  ])('refuses a %s note with special-category data, naming the terms', (_lang, text, terms, categories) => {
    const error = given(callDecider, answered).refuses(note(text), context);
    expectRefusal(error, 'NOTE_SPECIAL_CATEGORY_DATA', 'text');
    expect(error.details).toMatchObject({ terms, categories });
    for (const term of terms) expect(error.message).toContain(term);
  });

  it.each([
    ['nl', 'Wat een achterlijke trut.', ['achterlijke', 'trut']],
    ['fr', 'Quel abruti, vieux fou.', ['abruti', 'vieux fou']],
    ['en', 'Rude old cow, total moron.', ['old cow', 'moron']],
  ])('refuses a %s note with insults, naming them', (_lang, text, terms) => {
    const error = given(callDecider, answered).refuses(note(text), context);
    expectRefusal(error, 'NOTE_OFFENSIVE', 'text');
    expect(error.details).toEqual({ terms });
  });

  it('reports special-category data first, and the insults alongside', () => {
    const error = given(callDecider, answered).refuses(note('Sick old idiot'), context);
    expectRefusal(error, 'NOTE_SPECIAL_CATEGORY_DATA', 'text');
    expect(error.details).toMatchObject({ terms: ['Sick'], offensiveTerms: ['idiot'] });
  });

  it('uses the word lists given in its context', () => {
    const lists = [...DEFAULT_WORD_LISTS, { language: 'nl', kind: 'offensive' as const, categories: { insult: ['lapzwans'] } }];
    expect(given(callDecider, answered).when(note('Een lapzwans'), context)).toHaveLength(1);
    expectRefusal(given(callDecider, answered).refuses(note('Een lapzwans'), { now, wordLists: lists }), 'NOTE_OFFENSIVE', 'text');
  });
});

describe('call decider: refusals', () => {
  const outcome: CallCommand = { type: 'RecordCallOutcome', callId, outcome: 'interested' };
  const cases: [string, CallEvent[], CallCommand, string, string][] = [
    ['a second attempt on the same call', answered, attempt, 'STREAM_ALREADY_EXISTS', 'callId'],
    ['an outcome on a call never attempted', [], outcome, 'CALL_NOT_ATTEMPTED', 'callId'],
    ['a recording on a call never attempted', [], { type: 'StartRecording', callId, recordingRef: 'r' }, 'CALL_NOT_ATTEMPTED', 'callId'],
    ['a note on a call never attempted', [], note('ok'), 'CALL_NOT_ATTEMPTED', 'callId'],
    ['a recording notice on a call not answered', unanswered, { type: 'GiveRecordingNotice', callId, noticeVersion: 'v' }, 'CALL_NOT_ANSWERED', 'callId'],
    ['an outcome on a call not answered', unanswered, outcome, 'CALL_NOT_ANSWERED', 'callId'],
    ['a recording on an e-mail', emailed, { type: 'StartRecording', callId, recordingRef: 'r' }, 'CHANNEL_MISMATCH', 'callId'],
    ['a second outcome', [...answered, { type: 'CallOutcomeRecorded', data: { callId, contactId, campaignId, outcome: 'interested', callbackAt: null } }], outcome, 'OUTCOME_ALREADY_RECORDED', 'outcome'],
    ['an outcome dated before the call', answered, { ...outcome, occurredAt: '2026-04-10T07:00:00Z' }, 'OUT_OF_ORDER', 'occurredAt'],
    ['a callback request without its time', answered, { type: 'RecordCallOutcome', callId, outcome: 'callback_requested' }, 'INVALID_FIELD', 'callbackAt'],
    ['a callback time before the call', answered, { type: 'RecordCallOutcome', callId, outcome: 'callback_requested', callbackAt: '2026-04-09T10:00:00Z' }, 'INVALID_FIELD', 'callbackAt'],
    ['a callback time on another outcome', answered, { ...outcome, callbackAt: '2026-04-17T10:00:00Z' }, 'INVALID_FIELD', 'callbackAt'],
    ['a call dated in the future', [], { ...attempt, startedAt: '2026-04-11T09:00:00Z' }, 'OCCURRED_IN_FUTURE', 'startedAt'],
    ['negative rings', [], { ...attempt, rings: -1 }, 'INVALID_FIELD', 'rings'],
    ['a plaintext number as the line dialled', [], { ...attempt, dialled: { phoneHash: '+33612345678', lineType: 'mobile' } }, 'INVALID_FIELD', 'dialled.phoneHash'],
    ['a duration on an unanswered call', [], { ...attempt, result: 'busy', durationSeconds: 30 }, 'INVALID_FIELD', 'durationSeconds'],
    ['a note id used twice', [...answered, { type: 'CallNoteRecorded', data: { callId, contactId, noteId, agentId: null, text: 'x' } }], note('again'), 'DUPLICATE_ID', 'noteId'],
    ['an empty note', answered, note('   '), 'INVALID_FIELD', 'text'],
    ['an unsubscribe link that is not a link', [], { type: 'RecordEmailSent', callId, contactId, campaignId, processorId, recipient: 'a@b.c', senderIdentity: 'X', unsubscribeLink: 'reply STOP', sourceDisclosed: true }, 'INVALID_FIELD', 'unsubscribeLink'],
  ];

  it.each(cases)('refuses %s', (_name, history, command, code, field) => {
    expectRefusal(given(callDecider, history).refuses(command, context), code as never, field);
  });
});
