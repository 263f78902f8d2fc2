import type { DncRegistry, Instant } from '../../values';
import type { CommandTiming } from '../shared';

export interface ImportDncSnapshot extends CommandTiming {
  type: 'ImportDncSnapshot';
  registry: DncRegistry;
  version: string;
  takenAt: Instant;
  count: number;
  digest: string;
}

export type RegistryCommand = ImportDncSnapshot;
