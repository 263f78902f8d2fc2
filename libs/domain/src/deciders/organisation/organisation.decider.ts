import { DomainError } from '../../errors';
import type { DecidedEvent } from '../../events/catalogue';
import type { OrganisationEvent, Party } from '../../events/organisation.events';
import {
  givenOccurredAt,
  optionalText,
  pastInstant,
  requireCountry,
  requireE164,
  requireNonEmptyList,
  requireNonNegativeInteger,
  requireText,
  requireUuid,
  withOccurredAt,
  type DecideContext,
  type Decider,
} from '../shared';
import type { OrganisationCommand, SetOrganisationProfile } from './organisation.commands';

export interface OrganisationState {
  profileSet: boolean;
  /** breachId → when it was detected, and the authorities already notified. */
  breaches: Readonly<Record<string, { detectedAt: string; notifiedTo: readonly string[] }>>;
}

export const initialOrganisationState: OrganisationState = { profileSet: false, breaches: {} };

export function decideOrganisation(command: OrganisationCommand, state: OrganisationState, context: DecideContext): DecidedEvent<OrganisationEvent>[] {
  const at = givenOccurredAt(command, context);
  switch (command.type) {
    case 'SetOrganisationProfile':
      return [withOccurredAt(setProfile(command), at)];
    case 'RecordBreachDetected': {
      const breachId = requireUuid(command.breachId, 'breachId');
      if (state.breaches[breachId]) throw new DomainError('DUPLICATE_ID', 'this breach is already recorded', 'breachId');
      const detectedAt = pastInstant(command.detectedAt, 'detectedAt', context);
      const data = {
        breachId,
        detectedAt,
        nature: requireText(command.nature, 'nature'),
        dataCategories: requireNonEmptyList(command.dataCategories, 'dataCategories').map((c, i) => requireText(c, `dataCategories[${i}]`)),
        approximateSubjects:
          command.approximateSubjects === undefined || command.approximateSubjects === null
            ? null
            : requireNonNegativeInteger(command.approximateSubjects, 'approximateSubjects'),
        processorId: command.processorId ? requireUuid(command.processorId, 'processorId') : null,
      };
      return [withOccurredAt({ type: 'BreachDetected', data }, at ?? detectedAt)];
    }
    case 'RecordBreachNotified': {
      const breachId = requireUuid(command.breachId, 'breachId');
      const breach = state.breaches[breachId];
      if (!breach) throw new DomainError('BREACH_NOT_FOUND', 'no breach with that id was detected', 'breachId');
      const authority = requireText(command.authority, 'authority');
      if (breach.notifiedTo.includes(authority)) {
        throw new DomainError('BREACH_ALREADY_NOTIFIED', `the breach was already notified to ${authority}`, 'authority');
      }
      const notifiedAt = pastInstant(command.notifiedAt, 'notifiedAt', context);
      if (Date.parse(notifiedAt) < Date.parse(breach.detectedAt)) {
        throw new DomainError('OUT_OF_ORDER', 'notifiedAt is before the breach was detected', 'notifiedAt');
      }
      const data = {
        breachId,
        authority,
        notifiedAt,
        reference: optionalText(command.reference),
        subjectsInformed: command.subjectsInformed === true,
      };
      return [withOccurredAt({ type: 'BreachNotified', data }, at ?? notifiedAt)];
    }
  }
}

function setProfile(command: SetOrganisationProfile): OrganisationEvent {
  const profile = command.profile;
  if (!profile?.controller) throw new DomainError('INVALID_FIELD', 'the controller is required', 'profile.controller');
  const retention = profile.retentionPolicy;
  if (!retention) throw new DomainError('INVALID_FIELD', 'the retention policy is required', 'profile.retentionPolicy');
  return {
    type: 'OrganisationProfileSet',
    data: {
      controller: {
        ...party(profile.controller, 'profile.controller'),
        registrationNumber: optionalText(profile.controller.registrationNumber),
      },
      dpo: profile.dpo ? party(profile.dpo, 'profile.dpo') : null,
      representative: profile.representative ? party(profile.representative, 'profile.representative') : null,
      securityMeasures: requireNonEmptyList(profile.securityMeasures, 'profile.securityMeasures').map((m, i) =>
        requireText(m, `profile.securityMeasures[${i}]`),
      ),
      retentionPolicy: {
        prospectMonths: positiveMonths(retention.prospectMonths, 'profile.retentionPolicy.prospectMonths'),
        customerMonths: positiveMonths(retention.customerMonths, 'profile.retentionPolicy.customerMonths'),
        recordingMonths: requireNonNegativeInteger(retention.recordingMonths, 'profile.retentionPolicy.recordingMonths'),
        documentRef: optionalText(retention.documentRef),
      },
      callerIds: [...new Set((profile.callerIds ?? []).map((n, i) => requireE164(n, `profile.callerIds[${i}]`)))],
    },
  };
}

function party(p: Party, field: string): Party {
  return {
    name: requireText(p.name, `${field}.name`),
    address: requireText(p.address, `${field}.address`),
    country: requireCountry(p.country, `${field}.country`),
    email: optionalText(p.email),
  };
}

function positiveMonths(value: number, field: string): number {
  const months = requireNonNegativeInteger(value, field);
  if (months < 1) throw new DomainError('INVALID_FIELD', `${field} must be at least 1 month`, field);
  return months;
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationProfileSet':
      return { ...state, profileSet: true };
    case 'BreachDetected':
      return { ...state, breaches: { ...state.breaches, [event.data.breachId]: { detectedAt: event.data.detectedAt, notifiedTo: [] } } };
    case 'BreachNotified': {
      const breach = state.breaches[event.data.breachId];
      if (!breach) return state;
      const notifiedTo = [...breach.notifiedTo, event.data.authority];
      return { ...state, breaches: { ...state.breaches, [event.data.breachId]: { ...breach, notifiedTo } } };
    }
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationState, OrganisationEvent> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};
