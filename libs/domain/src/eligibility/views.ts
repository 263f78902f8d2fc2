/**
 * What the evaluator needs to know, as plain data. Every fact carries the ids of the events behind
 * it, so a reason can name them. Instants are ISO-8601 strings. The views hold no personal data:
 * phones appear only as keyed hashes.
 */
import type { CallAttemptResult, CallOutcome } from '../events/call.events';
import type { TransferSafeguardKind } from '../events/processor.events';
import type { CampaignSector } from '../rule-packs/rule-pack';
import type { Audience, Channel, DncRegistry, LegalBasis, LineType } from '../values';

export type EventIds = readonly string[];

export interface LineFact {
  phoneHash: string;
  lineType: LineType;
  eventIds: EventIds;
}

export interface ProfessionFact {
  role: string | null;
  sector: string | null;
  eventIds: EventIds;
}

export interface ConsentFact {
  purpose: string;
  channels: readonly Channel[];
  /** Consent limited to one campaign, or to a product category, when so given. */
  campaignId: string | null;
  productCategory: string | null;
  givenAt: string;
  withdrawnAt: string | null;
  expiresAt: string | null;
  eventIds: EventIds;
}

export interface ObjectionFact {
  at: string;
  /** The processor that received it (null: the controller itself). */
  receivedByProcessorId: string | null;
  eventIds: EventIds;
}

export interface ErasureFact {
  requestedAt: string | null;
  completedAt: string | null;
  eventIds: EventIds;
}

export interface PurchaseFact {
  productCategory: string;
  purchasedAt: string;
  /** The end of the contract, for a service with a term; null for a one-off purchase. */
  contractEndsAt: string | null;
  eventIds: EventIds;
}

export interface CallAttemptFact {
  at: string;
  processorId: string;
  campaignId: string;
  /** The similar-product group of the campaign that called. */
  similarProductGroup: string | null;
  /** How the line answered: no_answer, busy and voicemail are unanswered. */
  result: CallAttemptResult;
  /** What the person said on an answered call. */
  callOutcome: CallOutcome | null;
  /** When the contact asked to be called back (callback_requested). */
  callbackAt: string | null;
  eventIds: EventIds;
}

export interface ContactEligibilityView {
  contactId: string;
  audience: Audience;
  /** ISO 3166-1 alpha-2; null when unknown or purged by an erasure (then only the EU baseline applies). */
  country: string | null;
  /** IANA time zone; null falls back to the time zone of the country's rule pack. */
  timeZone: string | null;
  lines: readonly LineFact[];
  profession: ProfessionFact | null;
  consents: readonly ConsentFact[];
  objections: readonly ObjectionFact[];
  erasure: ErasureFact | null;
  purchases: readonly PurchaseFact[];
  attempts: readonly CallAttemptFact[];
  retentionExpiresAt: { at: string; eventIds: EventIds } | null;
  /** The events that registered the contact and its source. */
  registeredEventIds: EventIds;
}

export interface BalancingTestFact {
  outcome: 'passed' | 'failed';
  assessedAt: string;
  /** Explicit end of validity; otherwise the pack's renewal period applies. */
  validUntil: string | null;
  /** The customer term (months since the last purchase) the test justifies, if it sets one. */
  customerTermMonths: number | null;
  eventIds: EventIds;
}

export interface DncScrubFact {
  registry: DncRegistry;
  snapshotVersion: string;
  at: string;
  eventIds: EventIds;
}

export interface CampaignEligibilityView {
  campaignId: string;
  purpose: string;
  basis: LegalBasis;
  audience: Audience;
  channel: Channel;
  sector: CampaignSector;
  productCategory: string;
  similarProductGroup: string | null;
  jurisdictions: readonly string[];
  /** B2B: the roles and sectors the offer relates to (000 §2). */
  targetProfessions: { roles: readonly string[]; sectors: readonly string[] };
  balancingTests: readonly BalancingTestFact[];
  /** Changes of the campaign's principles; each calls for a new balancing test (000 §4). */
  principlesChangedAt: readonly { at: string; eventIds: EventIds }[];
  dpia: { assessedAt: string; eventIds: EventIds } | null;
  startsAt: string | null;
  endsAt: string | null;
  lifecycleEventIds: EventIds;
  dncScrubs: readonly DncScrubFact[];
}

export interface AgreementFact {
  signedAt: string;
  endsAt: string | null;
  eventIds: EventIds;
}

export interface SafeguardFact {
  /** `adequacy`: the recipient relies on an adequacy decision (for the US: its DPF certification). */
  kind: TransferSafeguardKind;
  destinationCountry: string;
  from: string;
  until: string | null;
  eventIds: EventIds;
}

export interface DataShareFact {
  at: string;
  eventIds: EventIds;
}

export interface ProcessorEligibilityView {
  processorId: string;
  country: string;
  agreements: readonly AgreementFact[];
  safeguards: readonly SafeguardFact[];
  /** The shares of each contact's data with this processor, by contact id. */
  dataReceived: Readonly<Record<string, readonly DataShareFact[]>>;
}

/** The dialled number on one registry, in the snapshot in force at the moment asked. */
export interface RegistryListingFact {
  registry: DncRegistry;
  snapshotVersion: string;
  listed: boolean;
  eventIds: EventIds;
}

export interface RegistryEligibilityView {
  listings: readonly RegistryListingFact[];
}

export interface EligibilityInput {
  /** null: no contact is recorded for the dialled number. */
  contact: ContactEligibilityView | null;
  campaign: CampaignEligibilityView;
  processor: ProcessorEligibilityView;
  registry: RegistryEligibilityView;
  at: Date;
  /** The keyed hash of the dialled number, to find its line. */
  phoneHash?: string;
  /** The type of the dialled line when the caller knows it better than the contact's record. */
  lineType?: LineType;
}
