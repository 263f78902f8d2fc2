import type { OptInRule, RuleInForce } from '../../rule-packs/rule-pack';
import { type EvaluationContext, happenedBy, isRunningContract, relatedPurchases } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { ms, plusMonths } from '../time';
import type { BalancingTestFact, ConsentFact, PurchaseFact } from '../views';
import { latestBalancingTest } from './balancing-test';

/** Consent for the campaign's purpose and channel, and for its campaign or category when limited to one. */
function coversCampaign({ campaign }: EvaluationContext, consent: ConsentFact): boolean {
  return (
    consent.purpose === campaign.purpose &&
    consent.channels.includes(campaign.channel) &&
    (consent.campaignId === null || consent.campaignId === campaign.campaignId) &&
    (consent.productCategory === null || consent.productCategory === campaign.productCategory)
  );
}

function isValidConsent(ctx: EvaluationContext, consent: ConsentFact): boolean {
  const { atMs } = ctx;
  return (
    coversCampaign(ctx, consent) &&
    happenedBy(consent.givenAt, atMs, 'contact.consents.givenAt') &&
    !happenedBy(consent.withdrawnAt, atMs, 'contact.consents.withdrawnAt') &&
    !happenedBy(consent.expiresAt, atMs, 'contact.consents.expiresAt')
  );
}

function hasValidConsent(ctx: EvaluationContext, consents: readonly ConsentFact[]): boolean {
  for (const consent of consents) if (isValidConsent(ctx, consent)) return true;
  return false;
}

/** When the customer relationship ended: the latest purchase or contract end; `atMs` while a contract runs. */
function relationshipEnd(purchases: readonly PurchaseFact[], atMs: number): number {
  return Math.max(
    ...purchases.map((purchase) => {
      if (isRunningContract(purchase, atMs)) return atMs;
      return ms(purchase.contractEndsAt ?? purchase.purchasedAt, 'contact.purchases');
    }),
  );
}

function noConsent(ctx: EvaluationContext, rule: Pick<RuleInForce<unknown>, 'rulePack' | 'ruleVersion'>, why: string) {
  const lapsed = (ctx.contact?.consents ?? []).filter((consent) => coversCampaign(ctx, consent));
  return reason(
    'NO_CONSENT',
    rule,
    `${why} No valid, unwithdrawn consent covers purpose ${ctx.campaign.purpose} by ${ctx.campaign.channel}.`,
    lapsed.flatMap((consent) => consent.eventIds),
  );
}

/** CUSTOMER_TERM_EXPIRED when the relationship ended longer ago than the customer term. */
function customerTerm(
  ctx: EvaluationContext,
  purchases: PurchaseFact[],
  termMonths: number,
  rule: Pick<RuleInForce<unknown>, 'rulePack' | 'ruleVersion'>,
  test: BalancingTestFact | null,
): EligibilityReason[] {
  const ended = relationshipEnd(purchases, ctx.atMs);
  const termEnd = plusMonths(ended, termMonths);
  if (termEnd > ctx.atMs) return [];
  const testSetTerm = test?.customerTermMonths ? test : null;
  const setBy = testSetTerm ? 'the balancing test' : `${rule.rulePack} ${rule.ruleVersion}`;
  return [
    reason(
      'CUSTOMER_TERM_EXPIRED',
      rule,
      `The customer relationship ended on ${new Date(ended).toISOString()}; the customer term of ${termMonths} months (set by ${setBy}) ended on ${new Date(termEnd).toISOString()}.`,
      [...purchases.flatMap((purchase) => purchase.eventIds), ...(testSetTerm?.eventIds ?? [])],
    ),
  ];
}

/** The pack's opt-in rule, when it covers the contact's audience. */
function optInFor(ctx: EvaluationContext): RuleInForce<OptInRule> | null {
  const optIn = ctx.rules.optIn;
  return optIn.value && ctx.contact && optIn.value.audiences.includes(ctx.contact.audience)
    ? (optIn as RuleInForce<OptInRule>)
    : null;
}

/**
 * NO_CONSENT, CUSTOMER_TERM_EXPIRED, CUSTOMER_EXCEPTION_ENDED: consent is needed when the campaign's
 * basis is consent, or when the pack requires opt-in for the contact's audience (NL since 2021-07-01,
 * FR consumers from 2026-08-11) and no exception (customer term, ongoing contract) covers the call.
 */
export function consent(ctx: EvaluationContext): EligibilityReason[] {
  const contact = ctx.contact;
  if (!contact || hasValidConsent(ctx, contact.consents)) return [];
  const { campaign } = ctx;
  if (campaign.basis === 'consent') {
    return [noConsent(ctx, ctx.baseline, `Campaign ${campaign.campaignId} relies on consent.`)];
  }
  const test = latestBalancingTest(ctx);
  const purchases = relatedPurchases(ctx);
  const optIn = optInFor(ctx);
  if (optIn) return optInReasons(ctx, optIn, purchases, test);
  if (campaign.basis === 'existing_customer' && purchases.length === 0) {
    const why = `Campaign ${campaign.campaignId} relies on the customer relationship; the contact bought nothing in ${campaign.productCategory}.`;
    return [noConsent(ctx, ctx.baseline, why)];
  }
  // A balancing test that sets a customer term bounds calls to former customers (003).
  const term = test?.customerTermMonths;
  return term && purchases.length > 0 ? customerTerm(ctx, purchases, term, ctx.baseline, test) : [];
}

function optInReasons(
  ctx: EvaluationContext,
  optIn: RuleInForce<OptInRule>,
  purchases: PurchaseFact[],
  test: BalancingTestFact | null,
): EligibilityReason[] {
  const required = `${optIn.rulePack} ${optIn.ruleVersion} requires opt-in consent for ${ctx.contact!.audience} calls.`;
  const { customerException, ongoingContractException } = optIn.value;
  if (ongoingContractException && purchases.some((purchase) => isRunningContract(purchase, ctx.atMs))) return [];
  if (!customerException || purchases.length === 0) return [noConsent(ctx, optIn, required)];
  const { sectors, termMonths } = customerException;
  if (sectors && !sectors.includes(ctx.campaign.sector)) {
    return [
      reason(
        'CUSTOMER_EXCEPTION_ENDED',
        optIn,
        `Since ${optIn.ruleVersion} the customer exception covers only ${sectors.join(', ')} campaigns; this campaign is ${ctx.campaign.sector}.`,
        purchases.flatMap((purchase) => purchase.eventIds),
      ),
      noConsent(ctx, optIn, required),
    ];
  }
  const expired = customerTerm(ctx, purchases, test?.customerTermMonths ?? termMonths, optIn, test);
  return expired.length > 0 ? [...expired, noConsent(ctx, optIn, required)] : [];
}
