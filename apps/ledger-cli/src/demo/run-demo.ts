import { importDncSnapshot } from '@calltrail/api';
import type { DemoStep } from './demo-plan';
import { withSimulatedClock } from './simulated-clock';
import type { CommandSession } from '../import/ledger-session';
import { refusalOf } from '../import/refusals';

export interface DemoRun {
  commands: number;
  events: number;
  snapshots: number;
  /** Commands the ledger refused, by code: the demo sends a few on purpose (notes with health data, insults). */
  refusals: Map<string, number>;
}

/**
 * Sends every step through the command pipeline, as a client would, each at the simulated moment
 * it would have been received; a refusal is counted, not fatal.
 */
export async function runDemo(session: CommandSession, steps: readonly DemoStep[], onStep: (done: number) => void): Promise<DemoRun> {
  const run: DemoRun = { commands: 0, events: 0, snapshots: 0, refusals: new Map() };
  await withSimulatedClock(async (setNow) => {
    for (const [index, step] of steps.entries()) {
      setNow(step.recordAt);
      await runStep(session, run, step);
      onStep(index + 1);
    }
  });
  return run;
}

async function runStep(session: CommandSession, run: DemoRun, step: DemoStep): Promise<void> {
  const { ledger, pipeline, actor } = session;
  const ports = { database: ledger.database, store: ledger.store, vault: ledger.vault, execute: pipeline.execute.bind(pipeline) };
  try {
    if (step.kind === 'snapshot') {
      const { registry, version, takenAt, numbers } = step;
      const imported = await importDncSnapshot(ports, actor, { registry, version, takenAt, occurredAt: takenAt, lines: numbers, layout: 'numbers' });
      run.snapshots += 1;
      run.events += imported.result.events.length;
    } else {
      const result = await pipeline.execute(step.command, actor);
      run.commands += 1;
      run.events += result.events.length;
    }
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    run.refusals.set(refusal.code, (run.refusals.get(refusal.code) ?? 0) + 1);
  }
}
