import { DateTime } from 'luxon';
import { RULE_PACKS } from './packs';
import type { PackRules, RulePackVersion, RulesInForce } from './rule-pack';

function startOfLocalDay(isoDate: string, timeZone: string): number {
  const start = DateTime.fromISO(isoDate, { zone: timeZone });
  if (!start.isValid) throw new Error(`rule pack: effectiveFrom ${isoDate} in ${timeZone} is not a valid date`);
  return start.toMillis();
}

/** One period of a jurisdiction's law: the versions in force from `fromMs` until the next period. */
interface Period {
  fromMs: number;
  versions: RulePackVersion[];
  rules: RulesInForce;
}

function versionAt(pack: string, atMs: number): RulePackVersion | null {
  const inForce = (RULE_PACKS[pack] ?? []).filter(
    (version) => startOfLocalDay(version.effectiveFrom, version.timeZone) <= atMs,
  );
  return inForce.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
}

function merge(versions: readonly RulePackVersion[]): RulesInForce {
  const merged: Partial<Record<keyof PackRules, unknown>> = {};
  for (const version of versions) {
    for (const [rule, value] of Object.entries(version.rules)) {
      merged[rule as keyof PackRules] = { value, rulePack: version.pack, ruleVersion: version.version };
    }
  }
  return merged as RulesInForce;
}

/** A jurisdiction's periods, latest first: one per effective date of the EU pack or its own. */
function timeline(jurisdiction: string): Period[] {
  const packs = Object.hasOwn(RULE_PACKS, jurisdiction) && jurisdiction !== 'EU' ? ['EU', jurisdiction] : ['EU'];
  const changes = packs.flatMap((pack) =>
    RULE_PACKS[pack]!.map((version) => startOfLocalDay(version.effectiveFrom, version.timeZone)),
  );
  return [...new Set(changes)]
    .sort((a, b) => b - a)
    .map((fromMs) => {
      const versions = packs.map((pack) => versionAt(pack, fromMs)).filter((version) => version !== null);
      return { fromMs, versions, rules: merge(versions) };
    })
    .filter((period) => period.versions[0]?.pack === 'EU');
}

const timelines = new Map<string, Period[]>();

function periodAt(jurisdiction: string | null, at: Date): Period {
  const key = jurisdiction?.toUpperCase() ?? 'EU';
  let periods = timelines.get(key);
  if (!periods) {
    periods = timeline(key);
    timelines.set(key, periods);
  }
  const atMs = at.getTime();
  const period = periods.find((candidate) => candidate.fromMs <= atMs);
  if (!period) {
    throw new RangeError(`at: no EU rule pack is in force at ${at.toISOString()} (the baseline starts on 2018-05-25)`);
  }
  return period;
}

/**
 * The pack versions in force at `at` for a jurisdiction (an ISO country code): the EU baseline
 * first, then the country's own pack when it has one in force. Throws when `at` is before the baseline.
 */
export function packsInForce(jurisdiction: string | null, at: Date): RulePackVersion[] {
  return [...periodAt(jurisdiction, at).versions];
}

/** Every rule in force at `at`, each naming the pack version that states it (the national pack wins). */
export function rulesInForce(jurisdiction: string | null, at: Date): RulesInForce {
  return periodAt(jurisdiction, at).rules;
}

/** Every version of every pack, for documentation and the API. */
export function allRulePackVersions(): RulePackVersion[] {
  return Object.values(RULE_PACKS).flat();
}
