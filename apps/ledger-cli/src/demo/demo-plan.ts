import type { DncRegistry } from '@calltrail/domain';
import type { CommandInput } from '@calltrail/ledger';
import { SeededRandom } from './seeded-random';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** One command to send, at the moment the ledger would have received it in a real deployment. */
export interface DemoCommandStep {
  kind: 'command';
  recordAt: number;
  command: CommandInput;
}

/** A DNC registry snapshot to import (numbers in E.164; only their keyed hashes are stored). */
export interface DemoSnapshotStep {
  kind: 'snapshot';
  recordAt: number;
  registry: DncRegistry;
  version: string;
  takenAt: string;
  numbers: string[];
}

export type DemoStep = DemoCommandStep | DemoSnapshotStep;

/**
 * Collects the demo's steps; `steps()` gives them in the order they are sent: by when the ledger
 * would have received them, so a fact reported late is sent after the calls it should have stopped.
 */
export class DemoPlan {
  readonly random: SeededRandom;
  private readonly collected: Array<DemoStep & { seq: number }> = [];

  constructor(
    seed: number,
    /** The last moment of the demo's history (yesterday, 00:00 UTC). */
    readonly end: number,
    readonly start: number,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** Adds a command that happened at `at` (its occurredAt), received `delay` ms later. */
  add(at: number, command: CommandInput, delay = 0): void {
    // A call attempt is dated by its startedAt; every other command by occurredAt.
    const dated = command.type === 'RecordCallAttempt' ? command : ({ ...command, occurredAt: iso(at) } as CommandInput);
    this.collected.push({ kind: 'command', recordAt: at + delay, command: dated, seq: this.collected.length });
  }

  snapshot(step: Omit<DemoSnapshotStep, 'kind'>): void {
    this.collected.push({ ...step, kind: 'snapshot', seq: this.collected.length });
  }

  steps(): DemoStep[] {
    return [...this.collected].sort((a, b) => a.recordAt - b.recordAt || a.seq - b.seq).map(({ seq: _seq, ...step }) => step as DemoStep);
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return iso(ms).slice(0, 10);
}
