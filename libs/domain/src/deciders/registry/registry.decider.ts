import { DomainError } from '../../errors';
import type { DecidedEvent } from '../../events/catalogue';
import type { RegistryEvent } from '../../events/registry.events';
import { DNC_REGISTRIES } from '../../values';
import {
  givenOccurredAt,
  pastInstant,
  requireNonNegativeInteger,
  requireOneOf,
  requireText,
  withOccurredAt,
  type DecideContext,
  type Decider,
} from '../shared';
import type { RegistryCommand } from './registry.commands';

export interface RegistryState {
  registry: string | null;
  versions: readonly string[];
}

export const initialRegistryState: RegistryState = { registry: null, versions: [] };

export function decideRegistry(command: RegistryCommand, state: RegistryState, context: DecideContext): DecidedEvent<RegistryEvent>[] {
  const registry = requireOneOf(command.registry, DNC_REGISTRIES, 'registry');
  if (state.registry !== null && state.registry !== registry) {
    throw new DomainError('INVALID_FIELD', `this stream holds ${state.registry} snapshots`, 'registry');
  }
  const version = requireText(command.version, 'version');
  if (state.versions.includes(version)) throw new DomainError('DUPLICATE_ID', 'this snapshot version is already imported', 'version');
  if (typeof command.digest !== 'string' || !/^[0-9a-f]{64}$/.test(command.digest)) {
    throw new DomainError('INVALID_FIELD', 'digest must be a SHA-256 in lower-case hex', 'digest');
  }
  const data = {
    registry,
    version,
    takenAt: pastInstant(command.takenAt, 'takenAt', context),
    count: requireNonNegativeInteger(command.count, 'count'),
    digest: command.digest,
  };
  return [withOccurredAt({ type: 'DncSnapshotImported', data }, givenOccurredAt(command, context))];
}

export function evolveRegistry(state: RegistryState, event: RegistryEvent): RegistryState {
  return { registry: event.data.registry, versions: [...state.versions, event.data.version] };
}

export const registryDecider: Decider<RegistryCommand, RegistryState, RegistryEvent> = {
  decide: decideRegistry,
  evolve: evolveRegistry,
  initialState: initialRegistryState,
};
