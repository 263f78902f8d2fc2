import { DomainError } from '../../errors';
import {
  BALANCING_TEST_OUTCOMES,
  DPIA_OUTCOMES,
  type BalancingTestFactors,
  type CampaignDefinition,
  type CampaignEvent,
} from '../../events/campaign.events';
import type { DecidedEvent } from '../../events/catalogue';
import { AUDIENCES, CHANNELS, DNC_REGISTRIES, LEGAL_BASES } from '../../values';
import {
  givenOccurredAt,
  instant,
  optionalText,
  pastInstant,
  requireBefore,
  requireCountry,
  requireNonEmptyList,
  requireNonNegativeInteger,
  requireOneOf,
  requireText,
  requireUuid,
  withOccurredAt,
  type DecideContext,
  type Decider,
} from '../shared';
import type { AmendCampaign, CampaignCommand, DefineCampaign, RecordBalancingTest } from './campaign.commands';

export interface CampaignState {
  status: 'undefined' | 'defined' | 'started' | 'ended';
  campaignId: string | null;
  definition: CampaignDefinition | null;
  /** Ids of balancing tests and DPIAs already recorded. */
  usedIds: readonly string[];
}

export const initialCampaignState: CampaignState = { status: 'undefined', campaignId: null, definition: null, usedIds: [] };

/** Fields whose change makes the campaign a new processing: the balancing test must be redone (seed 000 §4). */
export const CAMPAIGN_PRINCIPLE_FIELDS: readonly (keyof CampaignDefinition)[] = [
  'purpose',
  'legalBasis',
  'audience',
  'channel',
  'productCategory',
  'similarProductGroup',
  'jurisdictions',
  'targetProfessions',
];

/** Seed 000 §4: renew the balancing test about once a year. */
const DEFAULT_BALANCING_TEST_VALIDITY_MONTHS = 12;

export function decideCampaign(command: CampaignCommand, state: CampaignState, context: DecideContext): DecidedEvent<CampaignEvent>[] {
  if (command.type === 'DefineCampaign') return [defineCampaign(command, state, context)];
  if (state.status === 'undefined') throw new DomainError('CAMPAIGN_NOT_FOUND', 'the campaign has not been defined', 'campaignId');
  const at = givenOccurredAt(command, context);
  const campaignId = state.campaignId!;
  switch (command.type) {
    case 'AmendCampaign':
      requireNotEnded(state);
      return [withOccurredAt(amend(command, state), at)];
    case 'RecordBalancingTest':
      return [recordBalancingTest(command, state, context)];
    case 'RecordDpia': {
      const dpiaId = requireNewId(state, command.dpiaId, 'dpiaId');
      const assessedAt = pastInstant(command.assessedAt, 'assessedAt', context);
      const data = {
        campaignId,
        dpiaId,
        outcome: requireOneOf(command.outcome, DPIA_OUTCOMES, 'outcome'),
        assessedAt,
        documentRef: requireText(command.documentRef, 'documentRef'),
        dpoConsulted: command.dpoConsulted === true,
        authorityConsulted: command.authorityConsulted === true,
      };
      return [withOccurredAt({ type: 'DpiaRecorded', data }, at ?? assessedAt)];
    }
    case 'StartCampaign':
      requireNotEnded(state);
      if (state.status === 'started') throw new DomainError('CAMPAIGN_ALREADY_STARTED', 'the campaign has already started', 'campaignId');
      return [withOccurredAt({ type: 'CampaignStarted', data: { campaignId } }, at)];
    case 'EndCampaign':
      requireNotEnded(state);
      if (state.status !== 'started') throw new DomainError('CAMPAIGN_NOT_STARTED', 'the campaign has not started', 'campaignId');
      return [withOccurredAt({ type: 'CampaignEnded', data: { campaignId, reason: optionalText(command.reason) } }, at)];
    case 'RecordDncScrub': {
      requireNotEnded(state);
      const data = {
        campaignId,
        registry: requireOneOf(command.registry, DNC_REGISTRIES, 'registry'),
        snapshotVersion: requireText(command.snapshotVersion, 'snapshotVersion'),
        contactsChecked: requireNonNegativeInteger(command.contactsChecked, 'contactsChecked'),
        numbersSuppressed: requireNonNegativeInteger(command.numbersSuppressed, 'numbersSuppressed'),
      };
      return [withOccurredAt({ type: 'DncScrubPerformed', data }, at)];
    }
  }
}

function defineCampaign(command: DefineCampaign, state: CampaignState, context: DecideContext): DecidedEvent<CampaignEvent> {
  if (state.status !== 'undefined') throw new DomainError('STREAM_ALREADY_EXISTS', 'the campaign is already defined', 'campaignId');
  const definition = checkDefinition({
    name: command.name,
    purpose: command.purpose,
    legalBasis: command.legalBasis,
    audience: command.audience,
    channel: command.channel,
    productCategory: command.productCategory,
    similarProductGroup: command.similarProductGroup,
    jurisdictions: command.jurisdictions,
    targetProfessions: { roles: command.targetProfessions?.roles ?? [], sectors: command.targetProfessions?.sectors ?? [] },
    callingProfile: {
      maxRings: command.callingProfile?.maxRings ?? null,
      retryAfterHours: command.callingProfile?.retryAfterHours ?? null,
    },
  });
  const event: CampaignEvent = { type: 'CampaignDefined', data: { campaignId: requireUuid(command.campaignId, 'campaignId'), ...definition } };
  return withOccurredAt(event, givenOccurredAt(command, context));
}

function checkDefinition(d: CampaignDefinition): CampaignDefinition {
  const definition: CampaignDefinition = {
    name: requireText(d.name, 'name'),
    purpose: requireText(d.purpose, 'purpose'),
    legalBasis: requireOneOf(d.legalBasis, LEGAL_BASES, 'legalBasis'),
    audience: requireOneOf(d.audience, AUDIENCES, 'audience'),
    channel: requireOneOf(d.channel, CHANNELS, 'channel'),
    productCategory: requireText(d.productCategory, 'productCategory'),
    similarProductGroup: requireText(d.similarProductGroup, 'similarProductGroup'),
    jurisdictions: [...new Set(requireNonEmptyList(d.jurisdictions, 'jurisdictions').map((c, i) => requireCountry(c, `jurisdictions[${i}]`)))],
    targetProfessions: {
      roles: d.targetProfessions.roles.map((r, i) => requireText(r, `targetProfessions.roles[${i}]`)),
      sectors: d.targetProfessions.sectors.map((s, i) => requireText(s, `targetProfessions.sectors[${i}]`)),
    },
    callingProfile: {
      maxRings: optionalCount(d.callingProfile?.maxRings, 'callingProfile.maxRings', 1),
      retryAfterHours: optionalCount(d.callingProfile?.retryAfterHours, 'callingProfile.retryAfterHours', 0),
    },
  };
  // B2B prospecting must relate to the contact's profession (seed 000 §2, seed 004): without targets it cannot be checked.
  if (definition.audience === 'B2B' && definition.targetProfessions.roles.length + definition.targetProfessions.sectors.length === 0) {
    throw new DomainError('INVALID_FIELD', 'a B2B campaign names the professional roles or sectors it targets', 'targetProfessions');
  }
  return definition;
}

function optionalCount(value: number | null | undefined, field: string, minimum: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < minimum) {
    throw new DomainError('INVALID_FIELD', `${field} must be a whole number, ${minimum} or more`, field);
  }
  return value;
}

function amend(command: AmendCampaign, state: CampaignState): CampaignEvent {
  const current = state.definition!;
  const proposed = { ...current, ...command.changes };
  const checked = checkDefinition(proposed);
  const changed = (Object.keys(command.changes ?? {}) as (keyof CampaignDefinition)[]).filter(
    (field) => field in current && JSON.stringify(checked[field]) !== JSON.stringify(current[field]),
  );
  if (changed.length === 0) throw new DomainError('INVALID_FIELD', 'the amendment changes nothing', 'changes');
  const changes = Object.fromEntries(changed.map((field) => [field, checked[field]])) as Partial<CampaignDefinition>;
  const principlesChanged = changed.some((field) => CAMPAIGN_PRINCIPLE_FIELDS.includes(field));
  return { type: 'CampaignAmended', data: { campaignId: state.campaignId!, changes, principlesChanged } };
}

function recordBalancingTest(command: RecordBalancingTest, state: CampaignState, context: DecideContext): DecidedEvent<CampaignEvent> {
  const testId = requireNewId(state, command.testId, 'testId');
  const assessedAt = pastInstant(command.assessedAt, 'assessedAt', context);
  const validUntil = command.validUntil ? instant(command.validUntil, 'validUntil') : addMonths(assessedAt, DEFAULT_BALANCING_TEST_VALIDITY_MONTHS);
  requireBefore(assessedAt, validUntil, 'assessedAt', 'validUntil');
  const customerTermMonths = command.customerTermMonths ?? null;
  if (customerTermMonths !== null && (!Number.isInteger(customerTermMonths) || customerTermMonths < 1)) {
    throw new DomainError('INVALID_FIELD', 'customerTermMonths must be a whole number of months, 1 or more', 'customerTermMonths');
  }
  // Seed 003: calling ex-customers without consent rests on a customer term set by the test.
  if (state.definition!.legalBasis === 'existing_customer' && customerTermMonths === null) {
    throw new DomainError('INVALID_FIELD', 'a balancing test for an existing-customer campaign sets the customer term', 'customerTermMonths');
  }
  const event: CampaignEvent = {
    type: 'BalancingTestRecorded',
    data: {
      campaignId: state.campaignId!,
      testId,
      outcome: requireOneOf(command.outcome, BALANCING_TEST_OUTCOMES, 'outcome'),
      assessedAt,
      validUntil,
      customerTermMonths,
      documentRef: requireText(command.documentRef, 'documentRef'),
      factors: checkFactors(command.factors),
    },
  };
  return withOccurredAt(event, givenOccurredAt(command, context) ?? assessedAt);
}

/** The four factors of the CTM template (seed 003) are all required. */
function checkFactors(factors: BalancingTestFactors | undefined): BalancingTestFactors {
  if (!factors) throw new DomainError('INVALID_FIELD', 'the balancing test needs its factors (seed 003)', 'factors');
  const f = 'factors';
  const { customerRelationship: c, impact: i, weighing: w } = factors;
  if (!c || !i || !w) {
    const missing = !c ? 'customerRelationship' : !i ? 'impact' : 'weighing';
    throw new DomainError('INVALID_FIELD', `the balancing test needs the factor ${missing} (seed 003)`, `${f}.${missing}`);
  }
  const months = (value: number | null | undefined, field: string) =>
    value === null || value === undefined ? null : requireNonNegativeInteger(value, field);
  return {
    customerRelationship: {
      paymentObligation: requireText(c.paymentObligation, `${f}.customerRelationship.paymentObligation`),
      timeSinceLastPurchase: requireText(c.timeSinceLastPurchase, `${f}.customerRelationship.timeSinceLastPurchase`),
      productsBoughtAndOffered: requireText(c.productsBoughtAndOffered, `${f}.customerRelationship.productsBoughtAndOffered`),
      replacementCycleMonths: months(c.replacementCycleMonths, `${f}.customerRelationship.replacementCycleMonths`),
      averageContractMonths: months(c.averageContractMonths, `${f}.customerRelationship.averageContractMonths`),
    },
    impact: {
      personalDataUsed: requireNonEmptyList(i.personalDataUsed, `${f}.impact.personalDataUsed`).map((d, n) => requireText(d, `${f}.impact.personalDataUsed[${n}]`)),
      startsWhen: requireText(i.startsWhen, `${f}.impact.startsWhen`),
      frequency: requireText(i.frequency, `${f}.impact.frequency`),
      safeguards: requireNonEmptyList(i.safeguards, `${f}.impact.safeguards`).map((s, n) => requireText(s, `${f}.impact.safeguards[${n}]`)),
    },
    weighing: {
      organisationInterest: requireText(w.organisationInterest, `${f}.weighing.organisationInterest`),
      conversionOverview: requireText(w.conversionOverview, `${f}.weighing.conversionOverview`),
      objectionOverview: requireText(w.objectionOverview, `${f}.weighing.objectionOverview`),
      complaintOverview: requireText(w.complaintOverview, `${f}.weighing.complaintOverview`),
    },
    justification: requireText(factors.justification, `${f}.justification`),
    dpoConsulted: factors.dpoConsulted === true,
  };
}

function addMonths(at: string, months: number): string {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

function requireNotEnded(state: CampaignState): void {
  if (state.status === 'ended') throw new DomainError('CAMPAIGN_ENDED', 'the campaign has ended', 'campaignId');
}

function requireNewId(state: CampaignState, id: string, field: string): string {
  const checked = requireUuid(id, field);
  if (state.usedIds.includes(checked)) throw new DomainError('DUPLICATE_ID', `this ${field} is already recorded`, field);
  return checked;
}

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignDefined': {
      const { campaignId, ...definition } = event.data;
      return { ...state, status: 'defined', campaignId, definition };
    }
    case 'CampaignAmended':
      return { ...state, definition: { ...state.definition!, ...event.data.changes } };
    case 'BalancingTestRecorded':
      return { ...state, usedIds: [...state.usedIds, event.data.testId] };
    case 'DpiaRecorded':
      return { ...state, usedIds: [...state.usedIds, event.data.dpiaId] };
    case 'CampaignStarted':
      return { ...state, status: 'started' };
    case 'CampaignEnded':
      return { ...state, status: 'ended' };
    case 'DncScrubPerformed':
      return state;
  }
}

export const campaignDecider: Decider<CampaignCommand, CampaignState, CampaignEvent> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};
