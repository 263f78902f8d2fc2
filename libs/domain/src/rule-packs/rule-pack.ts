/**
 * Rule packs: each jurisdiction's calling rules as dated data. A pack has versions; the version in
 * force at a moment T is the one with the latest `effectiveFrom` not after T (local midnight in the
 * pack's time zone). Each version is complete: it states every rule of its pack, not a delta.
 */

import type { Audience, DncRegistry } from '../values';

export type PackId = 'EU' | 'BE' | 'NL' | 'FR';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A daily window in local time, `HH:mm` to `HH:mm` (end excluded). */
export interface CallingWindow {
  days: readonly Weekday[];
  from: string;
  to: string;
}

export interface CallingHours {
  windows: readonly CallingWindow[];
  /** No calls at all on the public holidays of the contact's country. */
  noPublicHolidays: boolean;
}

export interface DncRegistryRule {
  registry: DncRegistry;
  /** The campaign's last scrub against this registry may be at most this many days old. */
  maxScrubAgeDays: number;
  /** The registry protects these audiences only. */
  audiences: readonly Audience[];
  /** Calls within an ongoing contract, about its subject, are allowed despite a listing (FR L223-1). */
  ongoingContractExempt: boolean;
}

/** Sectors of a campaign, for the Dutch customer exception after 2026-07-01. */
export type CampaignSector = 'commercial' | 'charity' | 'lottery' | 'press';

export interface OptInRule {
  /** Opt-in consent is required to call these audiences. */
  audiences: readonly Audience[];
  /**
   * NL: existing and former customers may be called without consent within the customer term,
   * for campaigns of these sectors (`null`: every sector).
   */
  customerException: { sectors: readonly CampaignSector[] | null; termMonths: number } | null;
  /** FR: calls within an ongoing contract, for an offer related to it, need no consent. */
  ongoingContractException: boolean;
}

export interface AttemptLimitRule {
  maxCalls: number;
  perDays: number;
  audiences: readonly Audience[];
}

/** Every rule a pack can state. Absent rules fall back to the EU baseline. */
export interface PackRules {
  retryAfterNoAnswerHours: number;
  similarProductCooldownDays: number;
  refusalCooldownDays: number;
  balancingTestRenewalMonths: number;
  /** Hours for mobile and other private-usable lines (the contact's sector's working hours). */
  privateLineHours: CallingHours;
  /** Hours for calls to consumers, whatever the line (FR, Décret 2022-1313). */
  consumerHours: CallingHours | null;
  attemptLimit: AttemptLimitRule | null;
  /** The registry of the pack's own country. */
  dncRegistry: DncRegistryRule | null;
  /** Registries of countries without a pack of their own, by ISO country code (EU baseline). */
  otherDncRegistries: Readonly<Record<string, DncRegistryRule>>;
  optIn: OptInRule | null;
}

export interface RulePackVersion {
  pack: PackId;
  version: string;
  /** First day in force (`YYYY-MM-DD`), from local midnight in `timeZone`. */
  effectiveFrom: string;
  timeZone: string;
  title: string;
  /** Seed files (`000_…txt`) and legal texts the version implements. */
  sources: readonly string[];
  rules: Partial<PackRules>;
}

/** A rule value together with the pack version that stated it, so a reason can name it. */
export interface RuleInForce<T> {
  value: T;
  rulePack: PackId;
  ruleVersion: string;
}

export type RulesInForce = { [K in keyof PackRules]: RuleInForce<PackRules[K]> };
