/** The CTM report (seed 003, 3b–3d): results of calls against the time since the last purchase. */

export interface CtmCounts {
  /** Distinct people called (a person called at different times can appear in several buckets). */
  contactsCalled: number;
  /** Call attempts (CallAttempted). */
  calls: number;
  /** Attempts with result `answered`. */
  answered: number;
  /** Calls with the outcome `converted`. */
  conversions: number;
  /** Objections (ObjectionRaised) attributed to the calls. */
  objections: number;
  /** Complaints (ComplaintReceived) attributed to the calls. */
  complaints: number;
  /** conversions ÷ answered; null when nothing was answered. */
  conversionRate: number | null;
  /** objections ÷ answered; null when nothing was answered. */
  objectionRate: number | null;
  /** complaints ÷ answered; null when nothing was answered. */
  complaintRate: number | null;
}

export interface CtmBucket extends CtmCounts {
  /** Whole months since the last purchase, first of the bucket (inclusive). */
  fromMonths: number;
  /** Last of the bucket (inclusive). */
  toMonths: number;
  /** e.g. `0–5`. */
  label: string;
}

export interface CtmReport {
  /** The product category reported on (given, or the campaign's). */
  productCategory: string;
  /** The campaign, when the report is for one campaign; null for a whole product category. */
  campaignId: string | null;
  /** The campaigns whose calls are counted. */
  campaigns: { campaignId: string; name: string }[];
  bucketMonths: number;
  /** The period of the calls, `[from, to)`. */
  from: string;
  to: string;
  generatedAt: string;
  /** The ledger position the report reflects. */
  checkpoint: number;
  /** From 0 months up to the last bucket with a call; empty buckets in between are kept (with zeros). */
  buckets: CtmBucket[];
  /** Calls to people with no earlier purchase in the category (not ex-customers): outside the buckets. */
  withoutPurchase: CtmCounts;
  /** Every call counted, buckets and withoutPurchase together. */
  totals: CtmCounts;
  /** The first bucket whose objections and complaints together, per answered call, exceed its conversions per answered call. */
  crossover: { label: string; fromMonths: number } | null;
}
