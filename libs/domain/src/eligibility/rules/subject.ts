import type { EvaluationContext } from '../context';
import { happenedBy } from '../context';
import { reason, type EligibilityReason } from '../reasons';

/** UNKNOWN_CONTACT: no recorded contact and source, so no provenance (004, 000 §5). */
export function unknownContact(ctx: EvaluationContext): EligibilityReason[] {
  if (ctx.contact) return [];
  return [
    reason(
      'UNKNOWN_CONTACT',
      ctx.baseline,
      'No contact with a recorded source is known for this number: it may not be called without provenance.',
      [],
    ),
  ];
}

/** ERASED / ERASURE_PENDING: the number stays suppressed by its keyed hash (001, 002). */
export function erasure(ctx: EvaluationContext): EligibilityReason[] {
  const erasure = ctx.contact?.erasure;
  if (!erasure) return [];
  if (happenedBy(erasure.completedAt, ctx.atMs, 'contact.erasure.completedAt')) {
    return [reason('ERASED', ctx.baseline, `The contact's data was erased on ${erasure.completedAt}.`, erasure.eventIds)];
  }
  if (happenedBy(erasure.requestedAt, ctx.atMs, 'contact.erasure.requestedAt')) {
    return [
      reason(
        'ERASURE_PENDING',
        ctx.baseline,
        `The contact asked for erasure on ${erasure.requestedAt}; it is not completed yet.`,
        erasure.eventIds,
      ),
    ];
  }
  return [];
}

/**
 * OBJECTED: the objection to direct marketing is absolute and binds every processor from the moment
 * any of them records it (001, 000 §3). A "do not call me" said on a call is an objection too.
 */
export function objected(ctx: EvaluationContext): EligibilityReason[] {
  const contact = ctx.contact;
  if (!contact) return [];
  if (contact.objections.length === 0 && !contact.attempts.some((attempt) => attempt.callOutcome === 'do_not_call')) return [];
  const objections = contact.objections
    .filter((objection) => happenedBy(objection.at, ctx.atMs, 'contact.objections.at'))
    .map((objection) => ({ at: objection.at, by: objection.receivedByProcessorId, eventIds: objection.eventIds }));
  const saidOnCalls = contact.attempts
    .filter((attempt) => attempt.callOutcome === 'do_not_call' && happenedBy(attempt.at, ctx.atMs, 'contact.attempts.at'))
    .map((attempt) => ({ at: attempt.at, by: attempt.processorId, eventIds: attempt.eventIds }));
  const all = [...objections, ...saidOnCalls].sort((a, b) => a.at.localeCompare(b.at));
  if (all.length === 0) return [];
  const first = all[0]!;
  const receivedBy = first.by ? `processor ${first.by}` : 'the controller';
  return [
    reason(
      'OBJECTED',
      ctx.baseline,
      `The contact objected to direct marketing on ${first.at} (received by ${receivedBy}); an objection binds every processor.`,
      all.flatMap((objection) => objection.eventIds),
    ),
  ];
}

/** RETENTION_EXPIRED: past the retention period the data must be erased, not used (000 §5). */
export function retentionExpired(ctx: EvaluationContext): EligibilityReason[] {
  const retention = ctx.contact?.retentionExpiresAt;
  if (!retention || !happenedBy(retention.at, ctx.atMs, 'contact.retentionExpiresAt')) return [];
  return [
    reason(
      'RETENTION_EXPIRED',
      ctx.baseline,
      `The contact's retention period ended on ${retention.at}; the data must be erased.`,
      retention.eventIds,
    ),
  ];
}
