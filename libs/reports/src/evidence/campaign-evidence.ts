import { DomainError, adequacyFor, campaignStreamId, isUuid, parseStreamId } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import type { SqlQueryable } from '@calltrail/sql';
import { auditCalls } from '../audit/audit-calls';
import type {
  AgreementEvidence,
  BalancingTestEvidence,
  CampaignEvidence,
  DncScrubEvidence,
  ObjectionEvidence,
  ProcessorEvidence,
  TrainingCoverage,
} from './campaign-evidence.types';
import { collectEvents, dataField, occurredBy } from './ledger-scan';

export interface CampaignEvidenceDeps {
  store: EventStore;
  /** The database of the DNC snapshot entries, which the call audit reads. */
  db: SqlQueryable;
  clock?: () => Date;
}

const PROCESSOR_TYPES = new Set([
  'ProcessorRegistered', 'ProcessorAgreementSigned', 'ProcessorAgreementEnded', 'TransferSafeguardRecorded',
  'DataSharedWithProcessor', 'AgentTrainingRecorded',
]);

export function requireCampaignId(campaignId: unknown): string {
  if (typeof campaignId !== 'string' || !isUuid(campaignId)) {
    throw new DomainError('INVALID_FIELD', 'campaignId: must be a UUID', 'campaignId');
  }
  return campaignId.toLowerCase();
}

/**
 * The campaign's accountability pack as of `asOf` (default now), from what had occurred by then:
 * balancing tests, DPIA, DNC scrubs with the registry snapshots, processors with agreements,
 * safeguards and training of the agents who called, objections received and whether they were honoured.
 */
export async function campaignEvidence(deps: CampaignEvidenceDeps, campaignIdInput: string, asOfInput?: Date | null): Promise<CampaignEvidence> {
  const campaignId = requireCampaignId(campaignIdInput);
  const now = deps.clock?.() ?? new Date();
  const asOf = asOfInput ?? now;
  if (Number.isNaN(asOf.getTime())) throw new DomainError('INVALID_FIELD', 'asOf: must be a valid date', 'asOf');
  const streamId = campaignStreamId(campaignId);
  const events = await collectEvents(deps.store, (event) => {
    if (!occurredBy(event, asOf)) return false;
    if (event.streamId === streamId || event.type === 'DncSnapshotImported' || PROCESSOR_TYPES.has(event.type)) return true;
    if (event.type === 'ObjectionRaised') return true;
    return (event.type === 'CallAttempted' || event.type === 'EmailSent') && event.data['campaignId'] === campaignId;
  });
  const own = events.filter((event) => event.streamId === streamId);
  const defined = own.find((event) => event.type === 'CampaignDefined');
  if (!defined) {
    throw new DomainError('CAMPAIGN_NOT_FOUND', `campaignId: no campaign ${campaignId} was defined by ${asOf.toISOString()}`, 'campaignId');
  }
  const calls = events.filter((event) => event.type === 'CallAttempted');
  const emails = events.filter((event) => event.type === 'EmailSent');
  return {
    campaignId,
    generatedAt: now.toISOString(),
    asOf: asOf.toISOString(),
    campaign: campaignSummary(own, defined),
    balancingTests: own.filter((e) => e.type === 'BalancingTestRecorded').map((e) => balancingTest(e, asOf)),
    dpias: own.filter((e) => e.type === 'DpiaRecorded').map((e) => ({
      id: dataField(e, 'dpiaId')!,
      outcome: dataField(e, 'outcome')!,
      assessedAt: dataField(e, 'assessedAt')!,
      documentRef: dataField(e, 'documentRef')!,
      dpoConsulted: e.data['dpoConsulted'] === true,
      authorityConsulted: e.data['authorityConsulted'] === true,
      eventId: e.eventId,
    })),
    dncScrubs: dncScrubs(own, events),
    processors: processorsOf(events, campaignId, [...calls, ...emails], asOf),
    calls: {
      attempts: calls.length,
      answered: calls.filter((e) => e.data['result'] === 'answered').length,
      contactsCalled: new Set(calls.map((e) => e.data['contactId'])).size,
      emails: emails.length,
    },
    objections: objectionsOf(events, campaignId, calls),
    audit: await auditSummary(deps, campaignId, asOf),
  };
}

/** The call audit (LEGAL and KNOWN) of every call of the campaign up to `asOf`, summarised. */
async function auditSummary(deps: CampaignEvidenceDeps, campaignId: string, asOf: Date): Promise<CampaignEvidence['audit']> {
  const audit = await auditCalls(deps, { from: new Date(0), to: new Date(asOf.getTime() + 1), campaignId });
  return { ...audit.summary, checkpoint: audit.checkpoint };
}

function campaignSummary(own: readonly StoredEvent[], defined: StoredEvent): CampaignEvidence['campaign'] {
  const definition: Record<string, unknown> = { ...defined.data };
  for (const amended of own.filter((e) => e.type === 'CampaignAmended')) Object.assign(definition, amended.data['changes']);
  return {
    name: definition['name'] as string,
    purpose: definition['purpose'] as string,
    legalBasis: definition['legalBasis'] as string,
    audience: definition['audience'] as string,
    channel: definition['channel'] as string,
    productCategory: definition['productCategory'] as string,
    jurisdictions: definition['jurisdictions'] as string[],
    definedAt: defined.metadata.occurredAt,
    startedAt: own.find((e) => e.type === 'CampaignStarted')?.metadata.occurredAt ?? null,
    endedAt: own.find((e) => e.type === 'CampaignEnded')?.metadata.occurredAt ?? null,
  };
}

function balancingTest(event: StoredEvent, asOf: Date): BalancingTestEvidence {
  const validUntil = dataField(event, 'validUntil');
  const assessedAt = dataField(event, 'assessedAt')!;
  const factors = (event.data['factors'] ?? {}) as { dpoConsulted?: boolean };
  return {
    id: dataField(event, 'testId')!,
    outcome: dataField(event, 'outcome')!,
    assessedAt,
    validUntil,
    customerTermMonths: (event.data['customerTermMonths'] as number | null) ?? null,
    documentRef: dataField(event, 'documentRef')!,
    dpoConsulted: typeof factors.dpoConsulted === 'boolean' ? factors.dpoConsulted : null,
    inForce:
      event.data['outcome'] === 'passed' &&
      Date.parse(assessedAt) <= asOf.getTime() &&
      (validUntil === null || Date.parse(validUntil) > asOf.getTime()),
    eventId: event.eventId,
  };
}

function dncScrubs(own: readonly StoredEvent[], events: readonly StoredEvent[]): DncScrubEvidence[] {
  const snapshots = events.filter((e) => e.type === 'DncSnapshotImported');
  return own
    .filter((e) => e.type === 'DncScrubPerformed')
    .map((scrub) => {
      const snapshot = snapshots.find(
        (s) => s.data['registry'] === scrub.data['registry'] && s.data['version'] === scrub.data['snapshotVersion'],
      );
      return {
        at: scrub.metadata.occurredAt,
        registry: dataField(scrub, 'registry')!,
        snapshotVersion: dataField(scrub, 'snapshotVersion')!,
        snapshotTakenAt: snapshot ? dataField(snapshot, 'takenAt') : null,
        snapshotDigest: snapshot ? dataField(snapshot, 'digest') : null,
        contactsChecked: scrub.data['contactsChecked'] as number,
        numbersSuppressed: scrub.data['numbersSuppressed'] as number,
        eventIds: [scrub.eventId, ...(snapshot ? [snapshot.eventId] : [])],
      };
    });
}

const day = (instant: Date) => instant.toISOString().slice(0, 10);
const coversDay = (from: string, until: string | null, isoDay: string) => from <= isoDay && (until === null || isoDay <= until);

/** The processors that called or e-mailed for the campaign, or received data for it. */
function processorsOf(events: readonly StoredEvent[], campaignId: string, contacts: readonly StoredEvent[], asOf: Date): ProcessorEvidence[] {
  const involved = new Set<string>([
    ...contacts.map((e) => dataField(e, 'processorId')!),
    ...events.filter((e) => e.type === 'DataSharedWithProcessor' && e.data['campaignId'] === campaignId).map((e) => dataField(e, 'processorId')!),
  ]);
  return [...involved].sort().map((processorId) => {
    const mine = events.filter((e) => parseStreamId(e.streamId)?.kind === 'processor' && e.data['processorId'] === processorId);
    const registered = mine.find((e) => e.type === 'ProcessorRegistered');
    const country = registered ? dataField(registered, 'country') : null;
    const adequacy = country ? adequacyFor(country, asOf) : null;
    const agreements = agreementsOf(mine);
    const safeguards = mine.filter((e) => e.type === 'TransferSafeguardRecorded').map((e) => ({
      kind: dataField(e, 'kind')!,
      destinationCountry: dataField(e, 'destinationCountry')!,
      validFrom: dataField(e, 'validFrom')!,
      validUntil: dataField(e, 'validUntil'),
      documentRef: dataField(e, 'documentRef')!,
      eventId: e.eventId,
    }));
    const calls = contacts.filter((e) => e.type === 'CallAttempted' && e.data['processorId'] === processorId);
    return {
      processorId,
      name: registered ? dataField(registered, 'name') : null,
      role: registered ? dataField(registered, 'role') : null,
      country,
      adequacy: adequacy === null ? null : adequacy === 'EEA' ? 'EEA' : adequacy.decision,
      agreements,
      safeguards,
      agreementInForce: agreements.some((a) => a.endedAt === null && coversDay(a.validFrom, a.validUntil, day(asOf))),
      transferSafeguarded:
        adequacy !== null ||
        safeguards.some((s) => s.destinationCountry === country && s.kind !== 'adequacy' && coversDay(s.validFrom, s.validUntil, day(asOf))),
      calls: calls.length,
      training: trainingCoverage(mine, calls),
    };
  });
}

function agreementsOf(mine: readonly StoredEvent[]): AgreementEvidence[] {
  return mine
    .filter((e) => e.type === 'ProcessorAgreementSigned')
    .map((signed) => {
      const ended = mine.find((e) => e.type === 'ProcessorAgreementEnded' && e.data['agreementId'] === signed.data['agreementId']);
      return {
        agreementId: dataField(signed, 'agreementId')!,
        validFrom: dataField(signed, 'validFrom')!,
        validUntil: dataField(signed, 'validUntil'),
        endedAt: ended?.metadata.occurredAt ?? null,
        documentRef: dataField(signed, 'documentRef')!,
        eventIds: [signed.eventId, ...(ended ? [ended.eventId] : [])],
      };
    });
}

/** An agent is trained when every call they placed fell within a privacy training's validity (seed 000 §5). */
function trainingCoverage(mine: readonly StoredEvent[], calls: readonly StoredEvent[]): TrainingCoverage {
  const trainings = mine.filter((e) => e.type === 'AgentTrainingRecorded');
  const untrained = new Set<string>();
  const agents = new Set<string>();
  let callsByUntrainedAgents = 0;
  let callsWithoutAgent = 0;
  for (const call of calls) {
    const agentId = dataField(call, 'agentId');
    if (!agentId) {
      callsWithoutAgent += 1;
      continue;
    }
    agents.add(agentId);
    const callDay = (dataField(call, 'startedAt') ?? call.metadata.occurredAt).slice(0, 10);
    const covered = trainings.some(
      (t) => t.data['agentId'] === agentId && coversDay(dataField(t, 'completedOn')!, dataField(t, 'validUntil'), callDay),
    );
    if (covered) continue;
    untrained.add(agentId);
    callsByUntrainedAgents += 1;
  }
  return {
    agentsWhoCalled: agents.size,
    agentsTrained: agents.size - untrained.size,
    untrainedAgents: [...untrained].sort(),
    callsByUntrainedAgents,
    callsWithoutAgent,
  };
}

/**
 * The objections that bind the campaign: raised for it or during one of its calls, and every
 * objection of a person it called (an objection to direct marketing binds every campaign and
 * processor, seed 001). Honoured when the campaign did not call the person after it had occurred.
 */
function objectionsOf(events: readonly StoredEvent[], campaignId: string, calls: readonly StoredEvent[]): CampaignEvidence['objections'] {
  const callIds = new Set(calls.map((e) => e.data['callId']));
  const called = new Set(calls.map((e) => e.data['contactId']));
  const binding = (e: StoredEvent) => e.data['campaignId'] === campaignId || callIds.has(e.data['callId']) || called.has(e.data['contactId']);
  const items: ObjectionEvidence[] = events
    .filter((e) => e.type === 'ObjectionRaised' && binding(e))
    .map((objection) => {
      const at = Date.parse(objection.metadata.occurredAt);
      const callsAfter = calls.filter(
        (call) => call.data['contactId'] === objection.data['contactId'] && Date.parse(call.metadata.occurredAt) > at,
      ).length;
      const via = (objection.data['receivedVia'] ?? {}) as { processorId?: string | null; channel?: string };
      return {
        objectionId: dataField(objection, 'objectionId')!,
        occurredAt: objection.metadata.occurredAt,
        recordedAt: objection.metadata.recordedAt,
        raisedForCampaignId: dataField(objection, 'campaignId'),
        receivedByProcessorId: via.processorId ?? null,
        channel: via.channel ?? 'unknown',
        callsAfter,
        honoured: callsAfter === 0,
        eventId: objection.eventId,
      };
    });
  return { received: items.length, honoured: items.filter((o) => o.honoured).length, items };
}
