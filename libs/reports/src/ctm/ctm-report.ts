import { DomainError, parseStreamId } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { ReportQueryError, checkOptionalUuid, checkPeriod, forEachStoredEvent } from '../audit/report-query';
import { dataField } from '../evidence/ledger-scan';
import type { CtmBucket, CtmCounts, CtmReport } from './ctm-report.types';

export interface CtmReportArgs {
  /** Exactly one of productCategory and campaignId. */
  productCategory?: string | null;
  campaignId?: string | null;
  /** Width of a bucket in months (1–120). */
  bucketMonths: number;
  /** Calls placed in `[from, to)`. */
  from: Date | string;
  to: Date | string;
}

export interface CtmReplayDeps {
  store: Pick<EventStore, 'readAll' | 'headPosition'>;
  clock?: () => Date;
}

/** The report's arguments, checked. */
export interface CheckedCtmQuery {
  campaignId: string | null;
  productCategory: string | null;
  bucketMonths: number;
  from: Date;
  to: Date;
}

const MAX_BUCKET_MONTHS = 120;

/** A call in the report, with what is attributed to it. */
interface CountedCall {
  callId: string;
  contactId: string;
  campaignId: string;
  at: string;
  answered: boolean;
  converted: boolean;
  objections: number;
  complaints: number;
  /** Whole months since the last purchase in the category at the call; null without one. */
  monthsSincePurchase: number | null;
}

/** What the report reads from the store, in one pass. */
interface CtmHistory {
  campaigns: Map<string, { name: string; productCategory: string }>;
  purchases: Map<string, { category: string; on: string }[]>;
  calls: StoredEvent[];
  outcomes: Map<string, string>;
  objections: StoredEvent[];
  complaints: StoredEvent[];
  checkpoint: number;
}

/**
 * Whole calendar months from one day (`YYYY-MM-DD`) to a later one: 2025-01-15 → 2025-03-14 is 1,
 * → 2025-03-15 is 2.
 */
export function wholeMonthsBetween(fromDay: string, toDay: string): number {
  const [y1, m1, d1] = fromDay.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = toDay.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export function checkCtmQuery(query: CtmReportArgs): CheckedCtmQuery {
  const campaignId = checkOptionalUuid(query.campaignId, 'campaignId');
  const productCategory = query.productCategory?.trim() || null;
  if ((campaignId === null) === (productCategory === null)) {
    throw new ReportQueryError('productCategory or campaignId: give exactly one of them', 'productCategory');
  }
  const bucketMonths = query.bucketMonths;
  if (!Number.isInteger(bucketMonths) || bucketMonths < 1 || bucketMonths > MAX_BUCKET_MONTHS) {
    throw new ReportQueryError(`bucketMonths: must be a whole number of months from 1 to ${MAX_BUCKET_MONTHS}`, 'bucketMonths');
  }
  return { campaignId, productCategory, bucketMonths, ...checkPeriod(query.from, query.to) };
}

/** What a report counted: per bucket index (months since purchase ÷ bucket width), without purchase, in all. */
export interface CtmTally {
  buckets: ReadonlyMap<number, CtmCounts>;
  withoutPurchase: CtmCounts;
  totals: CtmCounts;
}

/** The report from what was counted, whichever way it was counted (replayed or from the read models). */
export function assembleCtmReport(
  checked: CheckedCtmQuery,
  scope: { productCategory: string; campaigns: { campaignId: string; name: string }[] },
  tally: CtmTally,
  checkpoint: number,
  generatedAt: Date,
): CtmReport {
  const buckets = bucketsOf(tally.buckets, checked.bucketMonths);
  return {
    productCategory: scope.productCategory,
    campaignId: checked.campaignId,
    campaigns: scope.campaigns,
    bucketMonths: checked.bucketMonths,
    from: checked.from.toISOString(),
    to: checked.to.toISOString(),
    generatedAt: generatedAt.toISOString(),
    checkpoint,
    buckets,
    withoutPurchase: tally.withoutPurchase,
    totals: tally.totals,
    crossover: crossoverOf(buckets),
  };
}

/**
 * The CTM balancing-test report (seed 003, 3b–3d), replayed from the whole store: per bucket of whole
 * months since the person's last purchase in the product category, at the moment of the call — people
 * called, calls, answered, conversions, objections, complaints, and the rates per answered call. No
 * personal data. `ctmReport` counts the same from the CTM read models, far faster; this replay is the
 * reference it is tested against.
 */
export async function replayCtmReport(deps: CtmReplayDeps, query: CtmReportArgs): Promise<CtmReport> {
  const checked = checkCtmQuery(query);
  const history = await readCtmHistory(deps.store);
  const productCategory = checked.productCategory ?? categoryOf(history, checked.campaignId!);
  const campaignIds = checked.campaignId
    ? [checked.campaignId]
    : [...history.campaigns].filter(([, c]) => c.productCategory === productCategory).map(([id]) => id);
  const calls = countedCalls(history, new Set(campaignIds), productCategory, checked.from, checked.to);
  const campaigns = campaignIds.map((campaignId) => ({ campaignId, name: history.campaigns.get(campaignId)!.name }));
  return assembleCtmReport(checked, { productCategory, campaigns }, tallyOf(calls, checked.bucketMonths), history.checkpoint, deps.clock?.() ?? new Date());
}

function tallyOf(calls: readonly CountedCall[], bucketMonths: number): CtmTally {
  const byIndex = new Map<number, CountedCall[]>();
  for (const call of calls) {
    if (call.monthsSincePurchase === null) continue;
    const index = Math.floor(call.monthsSincePurchase / bucketMonths);
    const inBucket = byIndex.get(index);
    if (inBucket) inBucket.push(call);
    else byIndex.set(index, [call]);
  }
  return {
    buckets: new Map([...byIndex].map(([index, inBucket]) => [index, countsOf(inBucket)])),
    withoutPurchase: countsOf(calls.filter((call) => call.monthsSincePurchase === null)),
    totals: countsOf(calls),
  };
}

function categoryOf(history: CtmHistory, campaignId: string): string {
  const campaign = history.campaigns.get(campaignId);
  if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `campaignId: no campaign ${campaignId} is recorded`, 'campaignId');
  return campaign.productCategory;
}

async function readCtmHistory(store: CtmReplayDeps['store']): Promise<CtmHistory> {
  const history: CtmHistory = {
    campaigns: new Map(), purchases: new Map(), calls: [], outcomes: new Map(), objections: [], complaints: [], checkpoint: 0,
  };
  history.checkpoint = await forEachStoredEvent(store, (event) => addToHistory(history, event));
  return history;
}

function addToHistory(history: CtmHistory, event: StoredEvent): void {
  switch (event.type) {
    case 'CampaignDefined':
      history.campaigns.set(dataField(event, 'campaignId')!, {
        name: dataField(event, 'name') ?? '',
        productCategory: dataField(event, 'productCategory') ?? '',
      });
      return;
    case 'CampaignAmended': {
      const campaign = history.campaigns.get(dataField(event, 'campaignId')!);
      const changes = event.data['changes'] as { name?: string; productCategory?: string };
      if (campaign) Object.assign(campaign, changes.name && { name: changes.name }, changes.productCategory && { productCategory: changes.productCategory });
      return;
    }
    case 'PurchaseRecorded': {
      const contactId = dataField(event, 'contactId')!;
      const list = history.purchases.get(contactId) ?? [];
      list.push({ category: dataField(event, 'productCategory')!, on: dataField(event, 'purchasedOn')! });
      history.purchases.set(contactId, list);
      return;
    }
    case 'CallAttempted':
      if (parseStreamId(event.streamId)?.kind === 'call') history.calls.push(event);
      return;
    case 'CallOutcomeRecorded':
      history.outcomes.set(dataField(event, 'callId')!, dataField(event, 'outcome')!);
      return;
    case 'ObjectionRaised':
      history.objections.push(event);
      return;
    case 'ComplaintReceived':
      history.complaints.push(event);
  }
}

function countedCalls(history: CtmHistory, campaignIds: Set<string>, category: string, from: Date, to: Date): CountedCall[] {
  const calls = history.calls
    .filter((event) => campaignIds.has(dataField(event, 'campaignId')!))
    .map((event): CountedCall => {
      const at = dataField(event, 'startedAt') ?? event.metadata.occurredAt;
      const contactId = dataField(event, 'contactId')!;
      const callId = dataField(event, 'callId')!;
      return {
        callId,
        contactId,
        campaignId: dataField(event, 'campaignId')!,
        at,
        answered: event.data['result'] === 'answered',
        converted: history.outcomes.get(callId) === 'converted',
        objections: 0,
        complaints: 0,
        monthsSincePurchase: monthsSinceLastPurchase(history.purchases.get(contactId) ?? [], category, at),
      };
    })
    .filter((call) => Date.parse(call.at) >= from.getTime() && Date.parse(call.at) < to.getTime());
  attribute(calls, history.objections, campaignIds, (call) => (call.objections += 1));
  attribute(calls, history.complaints, campaignIds, (call) => (call.complaints += 1));
  return calls;
}

function monthsSinceLastPurchase(purchases: readonly { category: string; on: string }[], category: string, callAt: string): number | null {
  const callDay = callAt.slice(0, 10);
  const last = purchases
    .filter((purchase) => purchase.category === category && purchase.on <= callDay)
    .reduce<string | null>((latest, purchase) => (latest === null || purchase.on > latest ? purchase.on : latest), null);
  return last === null ? null : wholeMonthsBetween(last, callDay);
}

/**
 * An objection or complaint counts for the call it names (`callId`). One that names no call but an
 * in-scope campaign counts for that campaign's last call to the person before it.
 */
function attribute(calls: CountedCall[], events: readonly StoredEvent[], campaignIds: Set<string>, add: (call: CountedCall) => void): void {
  const byId = new Map(calls.map((call) => [call.callId, call]));
  const byContact = new Map<string, CountedCall[]>();
  for (const call of calls) {
    if (!byContact.has(call.contactId)) byContact.set(call.contactId, []);
    byContact.get(call.contactId)!.push(call);
  }
  for (const event of events) {
    const named = dataField(event, 'callId');
    if (named) {
      const call = byId.get(named);
      if (call) add(call);
      continue;
    }
    const campaignId = dataField(event, 'campaignId');
    if (!campaignId || !campaignIds.has(campaignId)) continue;
    const at = Date.parse(event.metadata.occurredAt);
    const before = (byContact.get(dataField(event, 'contactId')!) ?? []).filter(
      (c) => c.campaignId === campaignId && Date.parse(c.at) <= at,
    );
    const last = before.reduce<CountedCall | null>((latest, c) => (latest === null || c.at > latest.at ? c : latest), null);
    if (last) add(last);
  }
}

const rate = (count: number, answered: number) => (answered === 0 ? null : count / answered);

/** Counts with their rates per answered call. */
export function withRates(counts: Omit<CtmCounts, 'conversionRate' | 'objectionRate' | 'complaintRate'>): CtmCounts {
  return {
    ...counts,
    conversionRate: rate(counts.conversions, counts.answered),
    objectionRate: rate(counts.objections, counts.answered),
    complaintRate: rate(counts.complaints, counts.answered),
  };
}

function countsOf(calls: readonly CountedCall[]): CtmCounts {
  const sum = (pick: (call: CountedCall) => number) => calls.reduce((total, call) => total + pick(call), 0);
  return withRates({
    contactsCalled: new Set(calls.map((call) => call.contactId)).size,
    calls: calls.length,
    answered: calls.filter((call) => call.answered).length,
    conversions: calls.filter((call) => call.converted).length,
    objections: sum((call) => call.objections),
    complaints: sum((call) => call.complaints),
  });
}

const NO_CALLS = withRates({ contactsCalled: 0, calls: 0, answered: 0, conversions: 0, objections: 0, complaints: 0 });

/** Every bucket from 0 months to the last with a call, the empty ones with zeros. */
function bucketsOf(counts: ReadonlyMap<number, CtmCounts>, bucketMonths: number): CtmBucket[] {
  if (counts.size === 0) return [];
  const last = Math.max(...counts.keys());
  return Array.from({ length: last + 1 }, (_, index) => {
    const fromMonths = index * bucketMonths;
    const toMonths = fromMonths + bucketMonths - 1;
    return {
      fromMonths,
      toMonths,
      label: bucketMonths === 1 ? String(fromMonths) : `${fromMonths}–${toMonths}`,
      ...(counts.get(index) ?? NO_CALLS),
    };
  });
}

function crossoverOf(buckets: readonly CtmBucket[]): CtmReport['crossover'] {
  const found = buckets.find(
    (b) => b.conversionRate !== null && b.objectionRate! + b.complaintRate! > b.conversionRate,
  );
  return found ? { label: found.label, fromMonths: found.fromMonths } : null;
}
