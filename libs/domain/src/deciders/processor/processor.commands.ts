import type { DataCategory, ProcessorRole, TransferSafeguardKind } from '../../events/processor.events';
import type { CountryCode, Uuid } from '../../values';
import type { CommandTiming } from '../shared';

export interface RegisterProcessor extends CommandTiming {
  type: 'RegisterProcessor';
  processorId: Uuid;
  name: string;
  role: ProcessorRole;
  country: CountryCode;
}

export interface SignProcessorAgreement extends CommandTiming {
  type: 'SignProcessorAgreement';
  processorId: Uuid;
  agreementId: Uuid;
  validFrom: string;
  validUntil?: string | null;
  documentRef: string;
}

export interface EndProcessorAgreement extends CommandTiming {
  type: 'EndProcessorAgreement';
  processorId: Uuid;
  agreementId: Uuid;
  reason?: string | null;
}

export interface RecordTransferSafeguard extends CommandTiming {
  type: 'RecordTransferSafeguard';
  processorId: Uuid;
  safeguardId: Uuid;
  kind: TransferSafeguardKind;
  destinationCountry: CountryCode;
  validFrom: string;
  validUntil?: string | null;
  documentRef: string;
}

/** A fact: recorded even without an agreement or safeguard (the audit flags it). */
export interface ShareDataWithProcessor extends CommandTiming {
  type: 'ShareDataWithProcessor';
  processorId: Uuid;
  shareId: Uuid;
  contactIds: Uuid[];
  dataCategories: DataCategory[];
  /** Defaults to the processor's country. */
  destinationCountry?: CountryCode | null;
  campaignId?: Uuid | null;
}

export interface RecordAgentTraining extends CommandTiming {
  type: 'RecordAgentTraining';
  processorId: Uuid;
  agentId: string;
  course: string;
  completedOn: string;
  validUntil?: string | null;
}

export type ProcessorCommand =
  | RegisterProcessor
  | SignProcessorAgreement
  | EndProcessorAgreement
  | RecordTransferSafeguard
  | ShareDataWithProcessor
  | RecordAgentTraining;
