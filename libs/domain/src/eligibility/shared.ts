import type { EvaluationContext } from './context';
import type { EligibilityReason } from './reasons';
import { ms } from './time';

interface Remembered {
  atMs: number;
  rule: object;
  reasons: EligibilityReason[];
}

/** One memory per rule whose reasons depend only on a view every number of a batch shares. */
export type SharedReasonsMemory = WeakMap<object, Remembered>;

const copy = (reason: EligibilityReason): EligibilityReason => ({ ...reason, eventIds: [...reason.eventIds] });

/**
 * The reasons of a rule that reads only a view shared by the numbers of a batch (the campaign, the
 * processor), the moment and one rule in force, remembered per view for the last moment and rule
 * asked: every number of a batch asks the same. Each answer gets copies of its own. Like every
 * memory of the evaluator, this relies on views never being changed once made.
 */
export function sharedReasons(
  memory: SharedReasonsMemory,
  view: object,
  rule: object,
  ctx: EvaluationContext,
  compute: (ctx: EvaluationContext) => EligibilityReason[],
): EligibilityReason[] {
  const atMs = ctx.atMs;
  let last = memory.get(view);
  if (last?.atMs !== atMs || last.rule !== rule) {
    last = { atMs, rule, reasons: compute(ctx) };
    memory.set(view, last);
  }
  return last.reasons.length === 0 ? [] : last.reasons.map(copy);
}

/**
 * The instant of one field of a fact, parsed once per fact (the campaign's and processor's facts are
 * read for every number of a batch): `memory` is the field's.
 */
export function instantOf(memory: WeakMap<object, number>, fact: object, iso: string, field: string): number {
  let value = memory.get(fact);
  if (value === undefined) {
    value = ms(iso, field);
    memory.set(fact, value);
  }
  return value;
}
