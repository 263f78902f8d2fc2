import { rulesInForce } from '../../rule-packs/packs-in-force';
import type { DncRegistryRule, RuleInForce, RulesInForce } from '../../rule-packs/rule-pack';
import type { DncRegistry } from '../../values';
import { type EvaluationContext, isRunningContract, relatedPurchases } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { instantOf } from '../shared';
import { DAY_MS } from '../time';
import type { DncScrubFact } from '../views';

/** The country whose pack states each registry's rule. */
const REGISTRY_COUNTRY: Record<DncRegistry, string> = { BE_DNCM: 'BE', FR_BLOCTEL: 'FR', UK_TPS: 'GB' };

/** The registry rule for a country: its own pack's, else the EU baseline's table of other registries. */
function registryRuleFor(rules: RulesInForce, country: string): RuleInForce<DncRegistryRule> | null {
  if (rules.dncRegistry.value) return rules.dncRegistry as RuleInForce<DncRegistryRule>;
  const other = rules.otherDncRegistries.value[country];
  return other ? { ...rules.otherDncRegistries, value: other } : null;
}

/** The registry that applies to the contact's number, by the contact's country. */
export function applicableRegistry(ctx: EvaluationContext): RuleInForce<DncRegistryRule> | null {
  const country = ctx.contact?.country;
  return country ? registryRuleFor(ctx.rules, country.toUpperCase()) : null;
}

function registryRule(ctx: EvaluationContext, registry: DncRegistry): RuleInForce<DncRegistryRule> | null {
  const country = REGISTRY_COUNTRY[registry];
  const rule = registryRuleFor(rulesInForce(country, new Date(ctx.atMs)), country);
  return rule?.value.registry === registry ? rule : null;
}

function exemptFromRegistry(ctx: EvaluationContext, rule: DncRegistryRule): string | null {
  const contact = ctx.contact;
  if (contact && !rule.audiences.includes(contact.audience)) return 'audience';
  if (rule.ongoingContractExempt && relatedPurchases(ctx).some((purchase) => isRunningContract(purchase, ctx.atMs))) {
    return 'ongoing contract';
  }
  return null;
}

/** DNC_LISTED: the number is on a do-not-call registry in the snapshot in force (000 §3). */
export function dncListed(ctx: EvaluationContext): EligibilityReason[] {
  if (!ctx.registry.listings.some((listing) => listing.listed)) return [];
  return ctx.registry.listings
    .filter((listing) => listing.listed)
    .flatMap((listing) => {
      const rule = registryRule(ctx, listing.registry);
      if (rule && exemptFromRegistry(ctx, rule.value)) return [];
      return [
        reason(
          'DNC_LISTED',
          rule ?? ctx.baseline,
          `The number is on ${listing.registry} (snapshot ${listing.snapshotVersion}).`,
          listing.eventIds,
        ),
      ];
    });
}

const scrubInstants = new WeakMap<object, number>();

/**
 * The campaign's latest scrub against the registry made by the moment (the first of equals). Answers
 * now get the campaign with its last scrub per registry only (withLastScrubs in @calltrail/ledger),
 * so this walks a handful of scrubs, not a long campaign's hundreds.
 */
function lastScrub(scrubs: readonly DncScrubFact[], registry: DncRegistry, atMs: number): DncScrubFact | undefined {
  let last: DncScrubFact | undefined;
  for (const scrub of scrubs) {
    if (scrub.registry !== registry || instantOf(scrubInstants, scrub, scrub.at, 'campaign.dncScrubs.at') > atMs) continue;
    if (!last || scrub.at.localeCompare(last.at) > 0) last = scrub;
  }
  return last;
}

/**
 * DNC_CHECK_STALE: the campaign has no scrub against the registry that applies, or its last scrub
 * is older than the pack allows (BE 5 days, FR 30 days).
 */
export function dncCheckStale(ctx: EvaluationContext): EligibilityReason[] {
  const rule = applicableRegistry(ctx);
  if (!rule || (ctx.contact && !rule.value.audiences.includes(ctx.contact.audience))) return [];
  const { registry, maxScrubAgeDays } = rule.value;
  const last = lastScrub(ctx.campaign.dncScrubs, registry, ctx.atMs);
  if (!last) {
    return [
      reason('DNC_CHECK_STALE', rule, `Campaign ${ctx.campaign.campaignId} has no scrub against ${registry}.`, ctx.campaign.lifecycleEventIds),
    ];
  }
  const ageDays = (ctx.atMs - instantOf(scrubInstants, last, last.at, 'campaign.dncScrubs.at')) / DAY_MS;
  if (ageDays <= maxScrubAgeDays) return [];
  return [
    reason(
      'DNC_CHECK_STALE',
      rule,
      `The campaign's last scrub against ${registry} (snapshot ${last.snapshotVersion}, ${last.at}) is ${Math.floor(ageDays)} days old; at most ${maxScrubAgeDays} are allowed.`,
      last.eventIds,
    ),
  ];
}
