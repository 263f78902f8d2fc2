import { packsInForce, rulesInForce } from '../rule-packs/packs-in-force';
import type { CallingHours, RuleInForce, RulesInForce } from '../rule-packs/rule-pack';
import { isValidZone } from './local-time';
import type { LineType } from '../values';
import { ms } from './time';
import type {
  CampaignEligibilityView,
  ContactEligibilityView,
  EligibilityInput,
  ProcessorEligibilityView,
  PurchaseFact,
  RegistryEligibilityView,
} from './views';

type PackRef = Pick<RuleInForce<unknown>, 'rulePack' | 'ruleVersion'>;

/** Everything the rules share, computed once per evaluation. */
export interface EvaluationContext {
  atMs: number;
  contact: ContactEligibilityView | null;
  campaign: CampaignEligibilityView;
  processor: ProcessorEligibilityView;
  registry: RegistryEligibilityView;
  rules: RulesInForce;
  /** The EU baseline version in force, for the reasons every pack shares. */
  baseline: PackRef;
  lineType: LineType;
  /** A company's general number: pacing and hours do not apply (000 §3). */
  switchboard: boolean;
  zone: string;
  /** The hours that apply to this call, or null when none do (a business line, a switchboard). */
  hours: RuleInForce<CallingHours> | null;
}

function dialledLineType(input: EligibilityInput): LineType {
  if (input.lineType) return input.lineType;
  const lines = input.contact?.lines ?? [];
  const dialled = input.phoneHash ? lines.find((line) => line.phoneHash === input.phoneHash) : undefined;
  if (dialled) return dialled.lineType;
  if (lines.length === 1) return lines[0]!.lineType;
  // Not knowing the line, assume it can be used privately: the stricter rules apply.
  return 'mobile';
}

function contactZone(contact: ContactEligibilityView | null, at: Date): string {
  if (contact?.timeZone) {
    if (!isValidZone(contact.timeZone)) {
      throw new RangeError(`contact.timeZone: "${contact.timeZone}" is not an IANA time zone`);
    }
    return contact.timeZone;
  }
  const packs = packsInForce(contact?.country ?? null, at);
  return packs.at(-1)!.timeZone;
}

function applicableHours(
  contact: ContactEligibilityView | null,
  rules: RulesInForce,
  lineType: LineType,
): RuleInForce<CallingHours> | null {
  if (lineType === 'switchboard') return null;
  const consumer = contact?.audience === 'B2C';
  if (consumer && rules.consumerHours.value) return rules.consumerHours as RuleInForce<CallingHours>;
  // A consumer's landline is private; a B2B landline is a business line with no hours rule.
  if (consumer || lineType === 'mobile') return rules.privateLineHours;
  return null;
}

/** The EU baseline in force at the last instant asked: every number of a batch asks at one instant. */
let lastBaseline: { atMs: number; ref: PackRef } | null = null;

function baselineAt(at: Date): PackRef {
  if (lastBaseline?.atMs !== at.getTime()) {
    const baseline = packsInForce(null, at)[0]!;
    lastBaseline = { atMs: at.getTime(), ref: { rulePack: baseline.pack, ruleVersion: baseline.version } };
  }
  return lastBaseline.ref;
}

export function createContext(input: EligibilityInput): EvaluationContext {
  if (!(input.at instanceof Date) || Number.isNaN(input.at.getTime())) {
    throw new RangeError('at: must be a valid Date');
  }
  const country = input.contact?.country ?? null;
  const rules = rulesInForce(country, input.at);
  const lineType = dialledLineType(input);
  return {
    atMs: input.at.getTime(),
    contact: input.contact,
    campaign: input.campaign,
    processor: input.processor,
    registry: input.registry,
    rules,
    baseline: baselineAt(input.at),
    lineType,
    switchboard: lineType === 'switchboard',
    zone: contactZone(input.contact, input.at),
    hours: applicableHours(input.contact, rules, lineType),
  };
}

/** Whether a fact's instant is known at the moment evaluated (facts dated later do not count yet). */
export function happenedBy(iso: string | null, atMs: number, field: string): boolean {
  return iso !== null && ms(iso, field) <= atMs;
}

/** The contact's purchases, up to the moment, in the campaign's product category (003: per category). */
export function relatedPurchases(ctx: EvaluationContext): PurchaseFact[] {
  const { contact, campaign, atMs } = ctx;
  if (!contact) return [];
  return contact.purchases.filter(
    (purchase) =>
      purchase.productCategory === campaign.productCategory &&
      happenedBy(purchase.purchasedAt, atMs, 'contact.purchases.purchasedAt'),
  );
}

/** A contract running at the moment (not ended), so the contact is a current customer. */
export function isRunningContract(purchase: PurchaseFact, atMs: number): boolean {
  return purchase.contractEndsAt !== null && ms(purchase.contractEndsAt, 'contact.purchases.contractEndsAt') > atMs;
}
