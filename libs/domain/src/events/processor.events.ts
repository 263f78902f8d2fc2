import type { CalendarDate, CountryCode, Uuid } from '../values';

/** Events of the processor stream `processor-<uuid>`: a call centre, list broker or vendor (Art. 28). */

export const PROCESSOR_ROLES = ['call_centre', 'list_broker', 'dialer_vendor', 'email_service', 'other'] as const;
export type ProcessorRole = (typeof PROCESSOR_ROLES)[number];

export interface ProcessorRegistered {
  type: 'ProcessorRegistered';
  data: {
    processorId: Uuid;
    /** The company's name (a legal person, not personal data). */
    name: string;
    role: ProcessorRole;
    country: CountryCode;
  };
}

export interface ProcessorAgreementSigned {
  type: 'ProcessorAgreementSigned';
  data: {
    processorId: Uuid;
    agreementId: Uuid;
    validFrom: CalendarDate;
    /** null: until ended. */
    validUntil: CalendarDate | null;
    documentRef: string;
  };
}

export interface ProcessorAgreementEnded {
  type: 'ProcessorAgreementEnded';
  data: {
    processorId: Uuid;
    agreementId: Uuid;
    reason: string | null;
  };
}

/** Chapter V safeguards for a transfer outside the EEA (seed 001: Morocco without SCCs). */
export const TRANSFER_SAFEGUARD_KINDS = ['adequacy', 'scc', 'bcr'] as const;
export type TransferSafeguardKind = (typeof TRANSFER_SAFEGUARD_KINDS)[number];

export interface TransferSafeguardRecorded {
  type: 'TransferSafeguardRecorded';
  data: {
    processorId: Uuid;
    safeguardId: Uuid;
    kind: TransferSafeguardKind;
    destinationCountry: CountryCode;
    validFrom: CalendarDate;
    validUntil: CalendarDate | null;
    documentRef: string;
  };
}

/** Categories of personal data, as used in the processing register. */
export const DATA_CATEGORIES = [
  'name',
  'phone',
  'email',
  'company',
  'job_title',
  'profession',
  'purchase_history',
  'call_notes',
  'call_recordings',
  'consents',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface DataSharedWithProcessor {
  type: 'DataSharedWithProcessor';
  data: {
    processorId: Uuid;
    shareId: Uuid;
    contactIds: Uuid[];
    dataCategories: DataCategory[];
    destinationCountry: CountryCode;
    campaignId: Uuid | null;
  };
}

/** Privacy training of an agent (seed 000 §5: keep track of the trainings staff received). */
export interface AgentTrainingRecorded {
  type: 'AgentTrainingRecorded';
  data: {
    processorId: Uuid;
    agentId: string;
    course: string;
    completedOn: CalendarDate;
    validUntil: CalendarDate | null;
  };
}

export type ProcessorEvent =
  | ProcessorRegistered
  | ProcessorAgreementSigned
  | ProcessorAgreementEnded
  | TransferSafeguardRecorded
  | DataSharedWithProcessor
  | AgentTrainingRecorded;
