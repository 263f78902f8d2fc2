import type {
  Audience,
  Channel,
  CountryCode,
  DncRegistry,
  Instant,
  LegalBasis,
  Uuid,
} from '../values';

/** Events of the campaign stream `campaign-<uuid>`: one processing activity (purpose). */

export interface TargetProfessions {
  /** Role categories the campaign is relevant to (B2B, seed 000 §2). */
  roles: string[];
  /** Sectors the campaign is relevant to (B2B). */
  sectors: string[];
}

/** Calling limits the campaign sets for itself on top of the rule packs. */
export interface CallingProfile {
  maxRings: number | null;
  retryAfterHours: number | null;
}

export interface CampaignDefinition {
  name: string;
  purpose: string;
  legalBasis: LegalBasis;
  audience: Audience;
  channel: Channel;
  productCategory: string;
  /** Products in the same group are "similar" (cool-down between calls, seed 000 §3). */
  similarProductGroup: string;
  jurisdictions: CountryCode[];
  targetProfessions: TargetProfessions;
  callingProfile: CallingProfile;
}

export interface CampaignDefined {
  type: 'CampaignDefined';
  data: { campaignId: Uuid } & CampaignDefinition;
}

/**
 * `principlesChanged`: the purpose, legal basis, audience, channel, products, jurisdictions or
 * target professions changed, so the balancing test must be redone (seed 000 §4).
 */
export interface CampaignAmended {
  type: 'CampaignAmended';
  data: { campaignId: Uuid; changes: Partial<CampaignDefinition>; principlesChanged: boolean };
}

export const BALANCING_TEST_OUTCOMES = ['passed', 'failed'] as const;
export type BalancingTestOutcome = (typeof BALANCING_TEST_OUTCOMES)[number];

/** The four factors of the CTM balancing test template (seed 003). */
export interface BalancingTestFactors {
  /** 1. Klantrelatie. */
  customerRelationship: {
    /** a. When the payment obligation arose. */
    paymentObligation: string;
    /** b. Time since the last purchase. */
    timeSinceLastPurchase: string;
    /** c. Product bought, and product now offered. */
    productsBoughtAndOffered: string;
    /** d. Average replacement cycle of the product, in months. */
    replacementCycleMonths: number | null;
    /** e. For a service: average contract duration, in months. */
    averageContractMonths: number | null;
  };
  /** 2. Impact telemarketing activiteiten. */
  impact: {
    /** a. Personal data used for telemarketing. */
    personalDataUsed: string[];
    /** b. When telemarketing starts. */
    startsWhen: string;
    /** c. Average frequency. */
    frequency: string;
    /** d. Measures taken to limit the impact on privacy. */
    safeguards: string[];
  };
  /** 3. Afweging. */
  weighing: {
    /** a. Why telemarketing matters to the organisation. */
    organisationInterest: string;
    /** b. Conversion against time since last purchase (report reference). */
    conversionOverview: string;
    /** c. Objections against time since last purchase (report reference). */
    objectionOverview: string;
    /** d. Complaints against time since last purchase (report reference). */
    complaintOverview: string;
  };
  /** 4. Onderbouwing: the reasoning for the maximum term. */
  justification: string;
  /** Whether the DPO was involved (seed 003 §4). */
  dpoConsulted: boolean;
}

export interface BalancingTestRecorded {
  type: 'BalancingTestRecorded';
  data: {
    campaignId: Uuid;
    testId: Uuid;
    outcome: BalancingTestOutcome;
    assessedAt: Instant;
    validUntil: Instant;
    /** Months after the last purchase during which an ex-customer may be called (CTM); null if not applicable. */
    customerTermMonths: number | null;
    documentRef: string;
    factors: BalancingTestFactors;
  };
}

export const DPIA_OUTCOMES = ['acceptable', 'acceptable_with_measures', 'high_residual_risk'] as const;
export type DpiaOutcome = (typeof DPIA_OUTCOMES)[number];

export interface DpiaRecorded {
  type: 'DpiaRecorded';
  data: {
    campaignId: Uuid;
    dpiaId: Uuid;
    outcome: DpiaOutcome;
    assessedAt: Instant;
    documentRef: string;
    dpoConsulted: boolean;
    /** Art. 36: prior consultation of the supervisory authority on a high residual risk. */
    authorityConsulted: boolean;
  };
}

export interface CampaignStarted {
  type: 'CampaignStarted';
  data: { campaignId: Uuid };
}

export interface CampaignEnded {
  type: 'CampaignEnded';
  data: { campaignId: Uuid; reason: string | null };
}

/** The campaign's contacts were checked against a registry snapshot (seed 000 §3). */
export interface DncScrubPerformed {
  type: 'DncScrubPerformed';
  data: {
    campaignId: Uuid;
    registry: DncRegistry;
    snapshotVersion: string;
    contactsChecked: number;
    numbersSuppressed: number;
  };
}

export type CampaignEvent =
  | CampaignDefined
  | CampaignAmended
  | BalancingTestRecorded
  | DpiaRecorded
  | CampaignStarted
  | CampaignEnded
  | DncScrubPerformed;
