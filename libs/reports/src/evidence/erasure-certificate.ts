import { DomainError } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { eventsAboutContact, requireContactId } from './contact-dossier';
import { dataField } from './ledger-scan';
import { formatInstant, markdownTableOrNone } from './markdown';
import type { LedgerNames } from './names';

/** Seed 001: every processor that received the data confirms the erasure within 30 days. */
export const ERASURE_DEADLINE_DAYS = 30;
const DAY_MS = 86_400_000;

export type ErasureVerdict = 'COMPLETED_IN_TIME' | 'COMPLETED_LATE' | 'PENDING' | 'OVERDUE';

export interface ProcessorErasure {
  processorId: string;
  processorName: string | null;
  country: string | null;
  /** Why the processor must confirm: it received the data (a share) or contacted the person (a call or e-mail). */
  received: ('data_shared' | 'contacted')[];
  confirmedAt: string | null;
  evidenceRef: string | null;
  /** True when confirmed by the deadline; false when confirmed late or still missing after it; null while pending. */
  withinDeadline: boolean | null;
  eventIds: string[];
}

/** Proof that an erasure was done, and when; no personal data (ids, dates, processors and references only). */
export interface ErasureCertificate {
  contactId: string;
  generatedAt: string;
  requestId: string;
  requestedAt: string;
  ground: string;
  deadline: string;
  keyDestroyedAt: string | null;
  destroyedKeyId: string | null;
  keyDestroyedWithinDeadline: boolean | null;
  processors: ProcessorErasure[];
  verdict: ErasureVerdict;
  eventIds: string[];
}

export interface ErasureCertificateDeps {
  store: EventStore;
  clock?: () => Date;
}

export async function erasureCertificate(deps: ErasureCertificateDeps, contactIdInput: string): Promise<ErasureCertificate> {
  const contactId = requireContactId(contactIdInput);
  const { own, calls, shares, names } = await eventsAboutContact(deps.store, contactId);
  const requested = own.find((event) => event.type === 'ErasureRequested');
  if (!requested) {
    throw new DomainError('REQUEST_NOT_FOUND', `contactId: no erasure was requested for contact ${contactId}`, 'contactId');
  }
  const now = deps.clock?.() ?? new Date();
  const deadline = Date.parse(requested.metadata.occurredAt) + ERASURE_DEADLINE_DAYS * DAY_MS;
  const judge = (at: string | null) => judgeAgainst(at, deadline, now);
  const completed = own.find((event) => event.type === 'ErasureCompleted') ?? null;
  const processors = processorsToConfirm(own, calls, shares, names).map((processor) => ({
    ...processor,
    withinDeadline: judge(processor.confirmedAt),
  }));
  const keyDestroyedAt = completed?.metadata.occurredAt ?? null;
  const everything = [judge(keyDestroyedAt), ...processors.map((p) => p.withinDeadline)];
  return {
    contactId,
    generatedAt: now.toISOString(),
    requestId: dataField(requested, 'requestId')!,
    requestedAt: requested.metadata.occurredAt,
    ground: dataField(requested, 'ground') ?? 'other',
    deadline: new Date(deadline).toISOString(),
    keyDestroyedAt,
    destroyedKeyId: completed ? dataField(completed, 'keyId') : null,
    keyDestroyedWithinDeadline: judge(keyDestroyedAt),
    processors,
    verdict: verdictOf(keyDestroyedAt, processors, everything),
    eventIds: [requested, completed].filter((e): e is StoredEvent => e !== null).map((e) => e.eventId),
  };
}

/** True: done by the deadline. False: done after it, or not done and the deadline has passed. Null: not done, still in time. */
function judgeAgainst(at: string | null, deadline: number, now: Date): boolean | null {
  if (at) return Date.parse(at) <= deadline;
  return now.getTime() > deadline ? false : null;
}

function verdictOf(keyDestroyedAt: string | null, processors: ProcessorErasure[], judged: (boolean | null)[]): ErasureVerdict {
  const done = keyDestroyedAt !== null && processors.every((p) => p.confirmedAt !== null);
  if (done) return judged.every((j) => j === true) ? 'COMPLETED_IN_TIME' : 'COMPLETED_LATE';
  return judged.includes(false) ? 'OVERDUE' : 'PENDING';
}

/** Every processor that received the data or contacted the person, and every processor that confirmed. */
function processorsToConfirm(
  own: readonly StoredEvent[],
  calls: readonly StoredEvent[],
  shares: readonly StoredEvent[],
  names: LedgerNames,
): Omit<ProcessorErasure, 'withinDeadline'>[] {
  const byId = new Map<string, Omit<ProcessorErasure, 'withinDeadline'>>();
  const entry = (processorId: string) => {
    let found = byId.get(processorId);
    if (!found) {
      const known = names.processors.get(processorId);
      found = { processorId, processorName: known?.name ?? null, country: known?.country ?? null, received: [], confirmedAt: null, evidenceRef: null, eventIds: [] };
      byId.set(processorId, found);
    }
    return found;
  };
  const mark = (event: StoredEvent, how: 'data_shared' | 'contacted') => {
    const processor = entry(dataField(event, 'processorId')!);
    if (!processor.received.includes(how)) processor.received.push(how);
    processor.eventIds.push(event.eventId);
  };
  for (const share of shares) mark(share, 'data_shared');
  for (const call of calls) if (call.type === 'CallAttempted' || call.type === 'EmailSent') mark(call, 'contacted');
  for (const confirmation of own.filter((event) => event.type === 'ProcessorErasureConfirmed')) {
    const processor = entry(dataField(confirmation, 'processorId')!);
    processor.confirmedAt ??= confirmation.metadata.occurredAt;
    processor.evidenceRef ??= dataField(confirmation, 'evidenceRef');
    processor.eventIds.push(confirmation.eventId);
  }
  return [...byId.values()];
}

const VERDICT_TEXT: Record<ErasureVerdict, string> = {
  COMPLETED_IN_TIME: `completed within ${ERASURE_DEADLINE_DAYS} days`,
  COMPLETED_LATE: `completed, but not within ${ERASURE_DEADLINE_DAYS} days`,
  PENDING: `pending, still within ${ERASURE_DEADLINE_DAYS} days`,
  OVERDUE: `overdue: not completed within ${ERASURE_DEADLINE_DAYS} days`,
};

function deadlineText(within: boolean | null): string {
  if (within === null) return 'pending';
  return within ? 'in time' : 'LATE';
}

export function erasureCertificateMarkdown(certificate: ErasureCertificate): string {
  return [
    `# Erasure certificate — contact ${certificate.contactId}`,
    '',
    `Generated ${formatInstant(certificate.generatedAt)}. Verdict: **${VERDICT_TEXT[certificate.verdict]}** (${certificate.verdict}).`,
    '',
    `- Erasure requested: ${formatInstant(certificate.requestedAt)} (request ${certificate.requestId}, ground: ${certificate.ground})`,
    `- Deadline: ${formatInstant(certificate.deadline)}`,
    `- Contact key destroyed: ${certificate.keyDestroyedAt ? `${formatInstant(certificate.keyDestroyedAt)} (key ${certificate.destroyedKeyId})` : 'not yet'} — ${deadlineText(certificate.keyDestroyedWithinDeadline)}`,
    '',
    '## Processors',
    '',
    markdownTableOrNone(
      ['processor', 'country', 'received the data by', 'erasure confirmed', 'evidence', 'deadline'],
      certificate.processors.map((p) => [
        `${p.processorName ?? 'processor'} (${p.processorId})`, p.country, p.received.join(', ').replaceAll('_', ' '),
        p.confirmedAt ? formatInstant(p.confirmedAt) : 'MISSING', p.evidenceRef, deadlineText(p.withinDeadline),
      ]),
      'No processor received the data.',
    ),
    '',
    'This certificate holds no personal data: the person is named by their pseudonymous id only. ' +
      'Their key is destroyed, so nothing sealed under it can be read again; the keyed hashes of their numbers stay suppressed.',
    '',
  ].join('\n');
}
