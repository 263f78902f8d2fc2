import { DomainError } from '../../errors';
import type { DecidedEvent } from '../../events/catalogue';
import {
  DATA_CATEGORIES,
  PROCESSOR_ROLES,
  TRANSFER_SAFEGUARD_KINDS,
  type ProcessorEvent,
} from '../../events/processor.events';
import {
  calendarDate,
  givenOccurredAt,
  optionalText,
  requireCountry,
  requireNonEmptyList,
  requireOneOf,
  requireText,
  requireUuid,
  withOccurredAt,
  type DecideContext,
  type Decider,
} from '../shared';
import type { ProcessorCommand } from './processor.commands';

export interface ProcessorState {
  status: 'unregistered' | 'registered';
  processorId: string | null;
  country: string | null;
  agreements: Readonly<Record<string, 'active' | 'ended'>>;
  /** Ids of safeguards and data shares already recorded. */
  usedIds: readonly string[];
}

export const initialProcessorState: ProcessorState = {
  status: 'unregistered',
  processorId: null,
  country: null,
  agreements: {},
  usedIds: [],
};

/** Sharing data without an agreement or a safeguard is a fact: recorded, and flagged by the audit (seed 001). */
export function decideProcessor(command: ProcessorCommand, state: ProcessorState, context: DecideContext): DecidedEvent<ProcessorEvent>[] {
  const at = givenOccurredAt(command, context);
  if (command.type === 'RegisterProcessor') {
    if (state.status !== 'unregistered') throw new DomainError('STREAM_ALREADY_EXISTS', 'the processor is already registered', 'processorId');
    const data = {
      processorId: requireUuid(command.processorId, 'processorId'),
      name: requireText(command.name, 'name'),
      role: requireOneOf(command.role, PROCESSOR_ROLES, 'role'),
      country: requireCountry(command.country, 'country'),
    };
    return [withOccurredAt({ type: 'ProcessorRegistered', data }, at)];
  }
  if (state.status === 'unregistered') throw new DomainError('PROCESSOR_NOT_FOUND', 'the processor has not been registered', 'processorId');
  const processorId = state.processorId!;
  switch (command.type) {
    case 'SignProcessorAgreement': {
      const agreementId = requireUuid(command.agreementId, 'agreementId');
      if (state.agreements[agreementId]) throw new DomainError('DUPLICATE_ID', 'this agreement is already recorded', 'agreementId');
      const { validFrom, validUntil } = period(command.validFrom, command.validUntil);
      const data = { processorId, agreementId, validFrom, validUntil, documentRef: requireText(command.documentRef, 'documentRef') };
      return [withOccurredAt({ type: 'ProcessorAgreementSigned', data }, at)];
    }
    case 'EndProcessorAgreement': {
      const agreementId = requireUuid(command.agreementId, 'agreementId');
      const agreement = state.agreements[agreementId];
      if (!agreement) throw new DomainError('AGREEMENT_NOT_FOUND', 'no such agreement with this processor', 'agreementId');
      if (agreement === 'ended') throw new DomainError('AGREEMENT_ALREADY_ENDED', 'the agreement has already ended', 'agreementId');
      const data = { processorId, agreementId, reason: optionalText(command.reason) };
      return [withOccurredAt({ type: 'ProcessorAgreementEnded', data }, at)];
    }
    case 'RecordTransferSafeguard': {
      const safeguardId = requireNewId(state, command.safeguardId, 'safeguardId');
      const { validFrom, validUntil } = period(command.validFrom, command.validUntil);
      const data = {
        processorId,
        safeguardId,
        kind: requireOneOf(command.kind, TRANSFER_SAFEGUARD_KINDS, 'kind'),
        destinationCountry: requireCountry(command.destinationCountry, 'destinationCountry'),
        validFrom,
        validUntil,
        documentRef: requireText(command.documentRef, 'documentRef'),
      };
      return [withOccurredAt({ type: 'TransferSafeguardRecorded', data }, at)];
    }
    case 'ShareDataWithProcessor': {
      const shareId = requireNewId(state, command.shareId, 'shareId');
      const contactIds = requireNonEmptyList(command.contactIds, 'contactIds').map((id, i) => requireUuid(id, `contactIds[${i}]`));
      const categories = requireNonEmptyList(command.dataCategories, 'dataCategories').map((c, i) =>
        requireOneOf(c, DATA_CATEGORIES, `dataCategories[${i}]`),
      );
      const data = {
        processorId,
        shareId,
        contactIds: [...new Set(contactIds)],
        dataCategories: [...new Set(categories)],
        destinationCountry: command.destinationCountry ? requireCountry(command.destinationCountry, 'destinationCountry') : state.country!,
        campaignId: command.campaignId ? requireUuid(command.campaignId, 'campaignId') : null,
      };
      return [withOccurredAt({ type: 'DataSharedWithProcessor', data }, at)];
    }
    case 'RecordAgentTraining': {
      const { validFrom: completedOn, validUntil } = period(command.completedOn, command.validUntil, 'completedOn');
      const data = {
        processorId,
        agentId: requireText(command.agentId, 'agentId'),
        course: requireText(command.course, 'course'),
        completedOn,
        validUntil,
      };
      return [withOccurredAt({ type: 'AgentTrainingRecorded', data }, at)];
    }
  }
}

function period(from: string, until: string | null | undefined, fromField = 'validFrom') {
  const validFrom = calendarDate(from, fromField);
  const validUntil = until ? calendarDate(until, 'validUntil') : null;
  if (validUntil !== null && validUntil < validFrom) {
    throw new DomainError('INVALID_FIELD', `validUntil must not be before ${fromField}`, 'validUntil');
  }
  return { validFrom, validUntil };
}

function requireNewId(state: ProcessorState, id: string, field: string): string {
  const checked = requireUuid(id, field);
  if (state.usedIds.includes(checked)) throw new DomainError('DUPLICATE_ID', `this ${field} is already recorded`, field);
  return checked;
}

export function evolveProcessor(state: ProcessorState, event: ProcessorEvent): ProcessorState {
  switch (event.type) {
    case 'ProcessorRegistered':
      return { ...state, status: 'registered', processorId: event.data.processorId, country: event.data.country };
    case 'ProcessorAgreementSigned':
      return { ...state, agreements: { ...state.agreements, [event.data.agreementId]: 'active' } };
    case 'ProcessorAgreementEnded':
      return { ...state, agreements: { ...state.agreements, [event.data.agreementId]: 'ended' } };
    case 'TransferSafeguardRecorded':
      return { ...state, usedIds: [...state.usedIds, event.data.safeguardId] };
    case 'DataSharedWithProcessor':
      return { ...state, usedIds: [...state.usedIds, event.data.shareId] };
    case 'AgentTrainingRecorded':
      return state;
  }
}

export const processorDecider: Decider<ProcessorCommand, ProcessorState, ProcessorEvent> = {
  decide: decideProcessor,
  evolve: evolveProcessor,
  initialState: initialProcessorState,
};
