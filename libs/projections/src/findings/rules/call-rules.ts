import type { RecordedEvent } from '@calltrail/domain';
import { finding, ofType, type FindingDraft } from './finding';

export const DEFAULT_MAX_RINGS = 6;

/** An agent's privacy training (seed 000 §5), as recorded by its processor. */
export interface TrainingFact {
  agentId: string;
  completedOn: string;
  validUntil: string | null;
  eventId: string;
  recordedAt: string;
}

/** The organisation's own numbers in force from a moment (OrganisationProfileSet). */
export interface CallerIdsFact {
  from: string;
  callerIds: readonly string[];
  eventId: string;
}

/** What a call's findings depend on besides its own stream. */
export interface CallContext {
  /** The campaign's own ring limit, when it sets one. */
  maxRings: number | null;
  callerIds: readonly CallerIdsFact[];
  /** The trainings of the calling processor's agents. */
  trainings: readonly TrainingFact[];
}

type Attempt = Extract<RecordedEvent, { type: 'CallAttempted' }>;

function ids(attempt: Attempt) {
  const { callId, contactId, campaignId, processorId } = attempt.data;
  return { callId, contactId, campaignId, processorId };
}

function ringTooLong(attempt: Attempt, ctx: CallContext): FindingDraft[] {
  const limit = ctx.maxRings ?? DEFAULT_MAX_RINGS;
  const { rings, result } = attempt.data;
  if (result === 'answered' || rings <= limit) return [];
  return [
    finding({
      findingId: `RING_TOO_LONG:${attempt.data.callId}`,
      code: 'RING_TOO_LONG',
      occurredAt: attempt.metadata.occurredAt,
      eventIds: [attempt.eventId],
      ...ids(attempt),
      message: `The call rang ${rings} times unanswered (${result}); the limit is ${limit}.`,
      details: { rings, limit },
    }),
  ];
}

function callerIdsAt(ctx: CallContext, at: string): CallerIdsFact | null {
  const inForce = ctx.callerIds.filter((fact) => Date.parse(fact.from) <= Date.parse(at));
  return inForce.at(-1) ?? null;
}

function callerIdNotRecognisable(attempt: Attempt, ctx: CallContext): FindingDraft[] {
  const shown = attempt.data.presentedCallerId;
  const profile = callerIdsAt(ctx, attempt.metadata.occurredAt);
  if (shown !== null && (profile === null || profile.callerIds.includes(shown))) return [];
  return [
    finding({
      findingId: `CALLER_ID_NOT_RECOGNISABLE:${attempt.data.callId}`,
      code: 'CALLER_ID_NOT_RECOGNISABLE',
      occurredAt: attempt.metadata.occurredAt,
      eventIds: profile ? [attempt.eventId, profile.eventId] : [attempt.eventId],
      ...ids(attempt),
      message: shown === null ? 'The call withheld its number.' : `The call showed ${shown}, which is not one of the organisation’s numbers.`,
      details: { presentedCallerId: shown },
    }),
  ];
}

function automatedCall(attempt: Attempt): FindingDraft[] {
  if (attempt.data.humanAgent) return [];
  return [
    finding({
      findingId: `AUTOMATED_CALL:${attempt.data.callId}`,
      code: 'AUTOMATED_CALL',
      occurredAt: attempt.metadata.occurredAt,
      eventIds: [attempt.eventId],
      ...ids(attempt),
      message: 'The call was placed by a machine with no human agent.',
    }),
  ];
}

function covers(training: TrainingFact, day: string): boolean {
  return training.completedOn <= day && (training.validUntil === null || day <= training.validUntil);
}

/**
 * AGENT_NOT_TRAINED. A training that covered the day of the call but was recorded after the call
 * resolves the finding, at the moment it was recorded; one completed after the call does not.
 */
function agentNotTrained(attempt: Attempt, ctx: CallContext): FindingDraft[] {
  const { agentId, humanAgent } = attempt.data;
  if (!humanAgent) return [];
  const day = attempt.metadata.occurredAt.slice(0, 10);
  const covering = agentId === null ? [] : ctx.trainings.filter((training) => training.agentId === agentId && covers(training, day));
  const knownAtCall = covering.find((training) => Date.parse(training.recordedAt) <= Date.parse(attempt.metadata.recordedAt));
  if (knownAtCall) return [];
  const clearing = [...covering].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))[0];
  return [
    finding({
      findingId: `AGENT_NOT_TRAINED:${attempt.data.callId}`,
      code: 'AGENT_NOT_TRAINED',
      occurredAt: attempt.metadata.occurredAt,
      eventIds: [attempt.eventId],
      ...ids(attempt),
      resolvedAt: clearing?.recordedAt ?? null,
      resolvedBy: clearing?.eventId ?? null,
      message: agentId === null ? 'The call names no agent, so no training can be shown.' : `Agent ${agentId} had no privacy training on record for ${day}.`,
      details: { agentId },
    }),
  ];
}

/** RECORDING_WITHOUT_NOTICE: a recording with no recording notice before it on the same call (001). */
function recordingWithoutNotice(events: readonly RecordedEvent[], attempt: Attempt): FindingDraft[] {
  const found: FindingDraft[] = [];
  let noticed = false;
  for (const event of events) {
    if (event.type === 'RecordingNoticeGiven') noticed = true;
    if (event.type !== 'RecordingStarted' || noticed) continue;
    found.push(
      finding({
        findingId: `RECORDING_WITHOUT_NOTICE:${event.eventId}`,
        code: 'RECORDING_WITHOUT_NOTICE',
        occurredAt: event.metadata.occurredAt,
        eventIds: [attempt.eventId, event.eventId],
        ...ids(attempt),
        message: 'The call was recorded without telling the person first.',
      }),
    );
  }
  return found;
}

type Email = Extract<RecordedEvent, { type: 'EmailSent' }>;

/** EMAIL_WITHOUT_UNSUBSCRIBE_LINK / EMAIL_WITHOUT_SENDER: what every marketing e-mail must contain (004). */
function emailContent(email: Email): FindingDraft[] {
  const { callId, contactId, campaignId, processorId, unsubscribeLink, senderIdentity } = email.data;
  const common = { occurredAt: email.metadata.occurredAt, eventIds: [email.eventId], callId, contactId, campaignId, processorId };
  const found: FindingDraft[] = [];
  if (!unsubscribeLink?.trim()) {
    found.push(finding({ ...common, findingId: `EMAIL_WITHOUT_UNSUBSCRIBE_LINK:${callId}`, code: 'EMAIL_WITHOUT_UNSUBSCRIBE_LINK', message: 'The e-mail had no unsubscribe link.' }));
  }
  if (!senderIdentity?.trim()) {
    found.push(finding({ ...common, findingId: `EMAIL_WITHOUT_SENDER:${callId}`, code: 'EMAIL_WITHOUT_SENDER', message: 'The e-mail did not identify its sender.' }));
  }
  return found;
}

/** The findings of one call stream (a call or an e-mail), in the order of its events. */
export function callFindings(events: readonly RecordedEvent[], ctx: CallContext): FindingDraft[] {
  const attempt = ofType(events, 'CallAttempted')[0];
  const emails = ofType(events, 'EmailSent').flatMap(emailContent);
  if (!attempt) return emails;
  return [
    ...ringTooLong(attempt, ctx),
    ...callerIdNotRecognisable(attempt, ctx),
    ...automatedCall(attempt),
    ...agentNotTrained(attempt, ctx),
    ...recordingWithoutNotice(events, attempt),
    ...emails,
  ];
}
