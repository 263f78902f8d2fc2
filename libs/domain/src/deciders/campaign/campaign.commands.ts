import type {
  BalancingTestFactors,
  BalancingTestOutcome,
  CampaignDefinition,
  DpiaOutcome,
} from '../../events/campaign.events';
import type { DncRegistry, Instant, Uuid } from '../../values';
import type { CommandTiming } from '../shared';

export interface DefineCampaign extends CommandTiming, Omit<CampaignDefinition, 'targetProfessions' | 'callingProfile'> {
  type: 'DefineCampaign';
  campaignId: Uuid;
  targetProfessions?: Partial<CampaignDefinition['targetProfessions']> | null;
  callingProfile?: Partial<CampaignDefinition['callingProfile']> | null;
}

/** The decider works out whether the campaign's principles changed (balancing test to redo). */
export interface AmendCampaign extends CommandTiming {
  type: 'AmendCampaign';
  campaignId: Uuid;
  changes: Partial<CampaignDefinition>;
}

export interface RecordBalancingTest extends CommandTiming {
  type: 'RecordBalancingTest';
  campaignId: Uuid;
  testId: Uuid;
  outcome: BalancingTestOutcome;
  assessedAt: Instant;
  /** Defaults to 12 months after `assessedAt` (seed 000 §4: renew about once a year). */
  validUntil?: Instant | null;
  customerTermMonths?: number | null;
  documentRef: string;
  factors: BalancingTestFactors;
}

export interface RecordDpia extends CommandTiming {
  type: 'RecordDpia';
  campaignId: Uuid;
  dpiaId: Uuid;
  outcome: DpiaOutcome;
  assessedAt: Instant;
  documentRef: string;
  dpoConsulted?: boolean;
  authorityConsulted?: boolean;
}

export interface StartCampaign extends CommandTiming {
  type: 'StartCampaign';
  campaignId: Uuid;
}

export interface EndCampaign extends CommandTiming {
  type: 'EndCampaign';
  campaignId: Uuid;
  reason?: string | null;
}

export interface RecordDncScrub extends CommandTiming {
  type: 'RecordDncScrub';
  campaignId: Uuid;
  registry: DncRegistry;
  snapshotVersion: string;
  contactsChecked: number;
  numbersSuppressed: number;
}

export type CampaignCommand =
  | DefineCampaign
  | AmendCampaign
  | RecordBalancingTest
  | RecordDpia
  | StartCampaign
  | EndCampaign
  | RecordDncScrub;
