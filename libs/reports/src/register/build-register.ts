import {
  cutOff,
  DATA_CATEGORIES,
  EEA_COUNTRIES,
  foldCampaignView,
  foldProcessorView,
  type CampaignEligibilityView,
  type DataCategory,
  type OrganisationProfileSet,
  type ProcessorEligibilityView,
  type RecordedEvent,
} from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { balancingTestInForce, balancingTestValidUntil, transferBasis } from '@calltrail/projections';
import { checkInstant, forEachStoredEvent } from '../audit/report-query';
import type {
  AgreementEntry,
  BalancingTestEntry,
  Cell,
  DpiaEntry,
  ProcessingActivity,
  ProcessingRegister,
  RecipientEntry,
  SourceEntry,
  TransferEntry,
} from './processing-register';
import { RegisterHistory, type ReachedGroups, type RegisterFacts } from './register-history';

const unique = (ids: readonly string[]) => [...new Set(ids)];

function cell<T>(value: T, eventIds: readonly string[], gap: string | null = null): Cell<T> {
  return { value, eventIds: unique(eventIds), gap };
}

type Profile = OrganisationProfileSet['data'];

function dataOf<T>(events: readonly RecordedEvent[], type: string): (T & { eventId: string })[] {
  return events.filter((event) => event.type === type).map((event) => ({ ...(event.data as T), eventId: event.eventId }));
}

/** The register's columns for one campaign, each from the events behind it. */
class ActivityBuilder {
  constructor(
    private readonly history: RegisterFacts,
    private readonly profile: { data: Profile; eventId: string } | null,
    private readonly atMs: number,
  ) {}

  build(campaignId: string, events: RecordedEvent[]): ProcessingActivity | null {
    const view = foldCampaignView(events as never);
    if (!view) return null;
    const definitionIds = view.lifecycleEventIds.filter((id) => events.some((event) => event.eventId === id && event.type !== 'CampaignStarted' && event.type !== 'CampaignEnded'));
    const name = dataOf<{ name?: string }>(events, 'CampaignDefined')[0]?.name ?? view.purpose;
    const recipients = this.recipients(campaignId);
    const reached = this.history.reached(campaignId);
    const org = this.profile;
    return {
      campaignId,
      name: cell(name, definitionIds),
      purpose: cell(view.purpose, definitionIds),
      legalBasis: cell(view.basis, definitionIds),
      balancingTest: this.balancingTest(view, events),
      dataSubjects: this.dataSubjects(reached, view, definitionIds),
      personalData: this.personalData(campaignId, reached),
      sources: this.sources(reached),
      recipients,
      transfers: this.transfers(campaignId, recipients.value),
      retention: org ? cell(org.data.retentionPolicy, [org.eventId]) : cell(null, [], 'no retention policy recorded (OrganisationProfileSet)'),
      securityMeasures: org
        ? cell(org.data.securityMeasures, [org.eventId], org.data.securityMeasures.length === 0 ? 'no security measures recorded' : null)
        : cell([], [], 'no security measures recorded (OrganisationProfileSet)'),
      dpia: this.dpia(events),
    };
  }

  private balancingTest(view: CampaignEligibilityView, events: RecordedEvent[]): Cell<BalancingTestEntry | null> {
    if (view.basis === 'consent') return cell(null, []);
    const tests = dataOf<BalancingTestEntry & { documentRef: string }>(events, 'BalancingTestRecorded');
    const inForce = balancingTestInForce(view, this.atMs);
    const entry = inForce && tests.find((test) => test.eventId === inForce.eventIds[0]);
    if (!entry) {
      const gap = tests.length === 0 ? `${view.basis.replace('_', ' ')} without a balancing test` : 'no passed balancing test in force';
      return cell(null, tests.map((test) => test.eventId), gap);
    }
    const { testId, outcome, assessedAt, documentRef } = entry;
    const validUntil = new Date(balancingTestValidUntil(inForce, view)).toISOString();
    return cell({ testId, outcome, assessedAt, validUntil, documentRef }, [entry.eventId]);
  }

  private dpia(events: RecordedEvent[]): Cell<DpiaEntry | null> {
    const latest = dataOf<DpiaEntry>(events, 'DpiaRecorded').at(-1);
    if (!latest) return cell(null, [], 'no DPIA recorded');
    const { dpiaId, outcome, assessedAt, documentRef } = latest;
    return cell({ dpiaId, outcome, assessedAt, documentRef }, [latest.eventId], outcome === 'high_residual_risk' ? 'DPIA found a high residual risk' : null);
  }

  private dataSubjects(reached: ReachedGroups, view: CampaignEligibilityView, definitionIds: string[]): Cell<string[]> {
    const who = view.audience === 'B2B' ? 'professionals (B2B)' : 'consumers (B2C)';
    const roles = view.targetProfessions.roles.length > 0 ? `, roles ${view.targetProfessions.roles.join(', ')}` : '';
    const sectors = view.targetProfessions.sectors.length > 0 ? `, sectors ${view.targetProfessions.sectors.join(', ')}` : '';
    const counts = [...reached.subjects].sort((a, b) => a.key.localeCompare(b.key)).map((group) => `${group.key}: ${group.contacts}`);
    return cell(
      [`${who} in ${view.jurisdictions.join(', ')}${roles}${sectors}`, ...counts],
      [...definitionIds, ...reached.subjects.flatMap((group) => group.eventIds)],
    );
  }

  private personalData(campaignId: string, reached: ReachedGroups): Cell<DataCategory[]> {
    const found = new Map<DataCategory, string[]>();
    for (const categories of [reached.categories, this.history.campaignCategories.get(campaignId) ?? new Map<DataCategory, string[]>()]) {
      for (const [category, ids] of categories) {
        const kept = found.get(category);
        if (kept) for (const id of ids) kept.push(id);
        else found.set(category, [...ids]);
      }
    }
    const categories = DATA_CATEGORIES.filter((category) => found.has(category));
    return cell(categories, categories.flatMap((category) => found.get(category)!));
  }

  private sources(reached: ReachedGroups): Cell<SourceEntry[]> {
    const sources = [...reached.sources].sort((a, b) => b.contacts - a.contacts || a.kind.localeCompare(b.kind));
    return cell(sources, sources.flatMap((source) => source.eventIds));
  }

  private processorView(processorId: string): ProcessorEligibilityView | null {
    return foldProcessorView((this.history.processors.get(processorId) ?? []) as never);
  }

  private recipients(campaignId: string): Cell<RecipientEntry[]> {
    const entries: RecipientEntry[] = [];
    const gaps: string[] = [];
    for (const processorId of [...(this.history.campaignProcessors.get(campaignId) ?? [])].sort()) {
      const events = this.history.processors.get(processorId) ?? [];
      const registered = dataOf<{ name: string; role: string; country: string }>(events, 'ProcessorRegistered')[0];
      const shares = this.history.shares.filter((share) => share.processorId === processorId && share.campaignId === campaignId);
      const agreements = this.agreements(events);
      const name = registered?.name ?? processorId;
      if (!registered) gaps.push(`processor ${processorId} is not registered`);
      if (!agreements.some((agreement) => agreement.inForce)) gaps.push(`${name}: no processor agreement in force`);
      entries.push({
        processorId,
        name,
        role: registered?.role ?? 'unknown',
        country: registered?.country ?? 'unknown',
        agreements,
        eventIds: unique([
          ...(registered ? [registered.eventId] : []),
          ...events.filter((event) => event.type.startsWith('ProcessorAgreement')).map((event) => event.eventId),
          ...shares.map((share) => share.eventId),
        ]),
      });
    }
    return cell(entries, entries.flatMap((entry) => entry.eventIds), gaps.length > 0 ? gaps.join('; ') : null);
  }

  private agreements(events: RecordedEvent[]): AgreementEntry[] {
    const ended = new Map(dataOf<{ agreementId: string }>(events, 'ProcessorAgreementEnded').map((end) => [end.agreementId, end]));
    return dataOf<Omit<AgreementEntry, 'inForce'>>(events, 'ProcessorAgreementSigned').map(({ agreementId, validFrom, validUntil, documentRef }) => {
      const endedAt = events.find((event) => event.eventId === ended.get(agreementId)?.eventId)?.metadata.occurredAt ?? null;
      const until = [validUntil && Date.parse(validUntil), endedAt && Date.parse(endedAt)].filter((value): value is number => typeof value === 'number');
      const inForce = Date.parse(validFrom) <= this.atMs && until.every((end) => end > this.atMs);
      return { agreementId, validFrom, validUntil: endedAt ?? validUntil, documentRef, inForce };
    });
  }

  /** Every destination outside the EEA: the processor's country and where its shares went. */
  private transfers(campaignId: string, recipients: RecipientEntry[]): Cell<TransferEntry[]> {
    const entries: TransferEntry[] = [];
    for (const recipient of recipients) {
      const view = this.processorView(recipient.processorId);
      const shares = this.history.shares.filter((share) => share.processorId === recipient.processorId && share.campaignId === campaignId);
      const countries = unique([recipient.country, ...shares.map((share) => share.destinationCountry)].map((country) => country.toUpperCase()));
      for (const country of countries.filter((code) => code !== 'UNKNOWN' && !EEA_COUNTRIES.has(code))) {
        const basis = transferBasis(country, view?.safeguards ?? [], this.atMs);
        const shareIds = shares.filter((share) => share.destinationCountry.toUpperCase() === country).map((share) => share.eventId);
        const safeguardIds = basis && basis.kind !== 'eea' && basis.safeguard ? basis.safeguard.eventIds : [];
        entries.push({
          processorId: recipient.processorId,
          processorName: recipient.name,
          country,
          safeguard: basis && basis.kind !== 'eea' ? basis.kind : null,
          reference: basis?.kind === 'adequacy' ? basis.decision : basis && basis.kind !== 'eea' ? this.documentOf(recipient.processorId, basis.safeguard!.eventIds[0]!) : null,
          eventIds: unique([...shareIds, ...safeguardIds, ...recipient.eventIds.slice(0, 1)]),
        });
      }
    }
    const missing = entries.filter((entry) => entry.safeguard === null);
    const gap = missing.length > 0 ? missing.map((entry) => `${entry.processorName} (${entry.country}): no adequacy decision and no SCC or BCR`).join('; ') : null;
    return cell(entries, entries.flatMap((entry) => entry.eventIds), gap);
  }

  private documentOf(processorId: string, eventId: string): string | null {
    const event = this.history.processors.get(processorId)?.find((candidate) => candidate.eventId === eventId);
    return (event?.data as { documentRef?: string } | undefined)?.documentRef ?? null;
  }
}

function organisationCells(profile: { data: Profile; eventId: string } | null): Pick<ProcessingRegister, 'controller' | 'dpo' | 'representative'> {
  if (!profile) {
    const gap = 'no organisation profile recorded (OrganisationProfileSet)';
    return { controller: cell(null, [], gap), dpo: cell(null, [], gap), representative: cell(null, []) };
  }
  const { controller, dpo, representative } = profile.data;
  const ids = [profile.eventId];
  const needsRepresentative = !EEA_COUNTRIES.has(controller.country.toUpperCase());
  return {
    controller: cell(controller, ids),
    dpo: cell(dpo, ids),
    representative: cell(representative, ids, needsRepresentative && !representative ? 'controller outside the EEA without a representative in the EU (Art. 27)' : null),
  };
}

function collectGaps(register: Omit<ProcessingRegister, 'gaps'>): ProcessingRegister['gaps'] {
  const gaps: ProcessingRegister['gaps'] = [];
  for (const column of ['controller', 'dpo', 'representative'] as const) {
    const { gap, eventIds } = register[column];
    if (gap) gaps.push({ campaignId: null, column, gap, eventIds });
  }
  for (const activity of register.activities) {
    for (const [column, value] of Object.entries(activity)) {
      const found = value as Cell<unknown> | string;
      if (typeof found === 'object' && found.gap) gaps.push({ campaignId: activity.campaignId, column, gap: found.gap, eventIds: found.eventIds });
    }
  }
  return gaps;
}

/** The register as of `at` from its facts (replayed, or read from the read models up to `checkpoint`). */
export function registerOf(facts: RegisterFacts, at: Date, checkpoint: number): ProcessingRegister {
  const org = facts.organisation;
  const profile = org ? { data: org.data as Profile, eventId: org.eventId } : null;
  const builder = new ActivityBuilder(facts, profile, at.getTime());
  const activities = [...facts.campaigns]
    .map(([campaignId, events]) => builder.build(campaignId, events))
    .filter((activity): activity is ProcessingActivity => activity !== null)
    .sort((a, b) => a.name.value.localeCompare(b.name.value) || a.campaignId.localeCompare(b.campaignId));
  const register = { asOf: at.toISOString(), checkpoint, ...organisationCells(profile), activities };
  return { ...register, gaps: collectGaps(register) };
}

/**
 * The processing register (GDPR Art. 30(1)) as of a moment, replayed from the whole store: everything
 * that had occurred by then (by occurredAt, the LEGAL basis), not a questionnaire. One activity per
 * campaign. `processingRegister` reads the same from the register's read models, far faster; this
 * replay is the reference it is tested against.
 */
export async function replayProcessingRegister(store: Pick<EventStore, 'readAll' | 'headPosition'>, asOf: Date | string): Promise<ProcessingRegister> {
  const at = checkInstant(asOf, 'asOf');
  const stored: StoredEvent[] = [];
  const checkpoint = await forEachStoredEvent(store, (event) => {
    if (RegisterHistory.reads(event) && Date.parse(event.metadata.occurredAt) <= at.getTime()) stored.push(event);
  });
  const history = new RegisterHistory();
  for (const event of cutOff(stored as unknown as RecordedEvent[], at, 'LEGAL')) history.add(event as unknown as StoredEvent);
  return registerOf(history.finish(), at, checkpoint);
}
