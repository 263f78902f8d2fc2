import { adequacyFor, EEA_COUNTRIES, foldProcessorView, type RecordedEvent, type SafeguardFact } from '@calltrail/domain';
import { finding, ofType, type FindingDraft } from './finding';

type Share = Extract<RecordedEvent, { type: 'DataSharedWithProcessor' }>;

function inForce(from: string, until: string | null, atMs: number): boolean {
  return Date.parse(from) <= atMs && (until === null || Date.parse(until) > atMs);
}

/** What lets data go to a country at a moment: the EEA, an adequacy decision, or SCC/BCR in force. */
export type TransferBasis =
  | { kind: 'eea' }
  | { kind: 'adequacy'; decision: string; safeguard: SafeguardFact | null }
  | { kind: 'scc' | 'bcr'; safeguard: SafeguardFact };

/** The basis for a transfer to `country` at a moment, or null: a transfer without safeguard (001). */
export function transferBasis(country: string, safeguards: readonly SafeguardFact[], atMs: number): TransferBasis | null {
  const code = country.toUpperCase();
  if (EEA_COUNTRIES.has(code)) return { kind: 'eea' };
  const inForceFor = safeguards.filter((safeguard) => safeguard.destinationCountry.toUpperCase() === code && inForce(safeguard.from, safeguard.until, atMs));
  const relied = inForceFor.find((safeguard) => safeguard.kind === 'adequacy') ?? null;
  const decision = adequacyFor(code, new Date(atMs), relied !== null);
  if (decision && decision !== 'EEA') return { kind: 'adequacy', decision: decision.decision, safeguard: relied };
  const contractual = inForceFor.find((safeguard) => safeguard.kind === 'scc' || safeguard.kind === 'bcr');
  return contractual ? { kind: contractual.kind as 'scc' | 'bcr', safeguard: contractual } : null;
}

/** How many contacts a share names (the findings projection keeps the count, not the list). */
function sharedContacts(share: Share): number {
  return (share.data as { contactCount?: number }).contactCount ?? share.data.contactIds.length;
}

/** The first fact recorded after the share that covers it from then on: what resolves the finding. */
function firstLater<T extends { eventIds: readonly string[] }>(
  facts: readonly T[],
  share: Share,
  recordedAt: ReadonlyMap<string, string>,
  covers: (fact: T) => boolean,
): { at: string; eventId: string } | null {
  const later = facts
    .filter(covers)
    .map((fact) => ({ eventId: fact.eventIds[0]!, at: recordedAt.get(fact.eventIds[0]!)! }))
    .filter((fact) => Date.parse(fact.at) >= Date.parse(share.metadata.recordedAt))
    .sort((a, b) => a.at.localeCompare(b.at));
  return later[0] ?? null;
}

/**
 * DATA_SHARED_WITHOUT_AGREEMENT / DATA_SHARED_WITHOUT_SAFEGUARD: each share judged at its moment
 * (001, 002). An agreement or safeguard recorded later, in force from then on, resolves it.
 */
export function processorFindings(events: readonly RecordedEvent[]): FindingDraft[] {
  const view = foldProcessorView(events as never);
  if (!view) return [];
  const recordedAt = new Map(events.map((event) => [event.eventId, event.metadata.recordedAt]));
  return ofType(events, 'DataSharedWithProcessor').flatMap((share) => {
    const atMs = Date.parse(share.metadata.occurredAt);
    const { processorId, shareId, campaignId, destinationCountry, dataCategories } = share.data;
    const contacts = sharedContacts(share);
    const common = { occurredAt: share.metadata.occurredAt, processorId, campaignId };
    const details = { shareId, destinationCountry, contacts, dataCategories };
    const found: FindingDraft[] = [];
    if (!view.agreements.some((agreement) => inForce(agreement.signedAt, agreement.endsAt, atMs))) {
      const fix = firstLater(view.agreements, share, recordedAt, (agreement) => agreement.endsAt === null);
      found.push(
        finding({
          ...common,
          findingId: `DATA_SHARED_WITHOUT_AGREEMENT:${share.eventId}`,
          code: 'DATA_SHARED_WITHOUT_AGREEMENT',
          eventIds: [share.eventId],
          resolvedAt: fix?.at ?? null,
          resolvedBy: fix?.eventId ?? null,
          message: `Data of ${contacts} contact(s) went to processor ${processorId} with no processor agreement in force.`,
          details,
        }),
      );
    }
    if (!transferBasis(destinationCountry, view.safeguards, atMs)) {
      const fix = firstLater(view.safeguards, share, recordedAt, (safeguard) =>
        safeguard.destinationCountry.toUpperCase() === destinationCountry.toUpperCase() && safeguard.until === null && safeguard.kind !== 'adequacy',
      );
      found.push(
        finding({
          ...common,
          findingId: `DATA_SHARED_WITHOUT_SAFEGUARD:${share.eventId}`,
          code: 'DATA_SHARED_WITHOUT_SAFEGUARD',
          eventIds: [share.eventId, ...view.safeguards.flatMap((safeguard) => safeguard.eventIds)],
          resolvedAt: fix?.at ?? null,
          resolvedBy: fix?.eventId ?? null,
          message: `Data of ${contacts} contact(s) went to ${destinationCountry}, outside the EEA without an adequacy decision, with no SCC or BCR in force.`,
          details,
        }),
      );
    }
    return found;
  });
}
