import type { OrganisationProfileSet } from '../../events/organisation.events';
import type { Instant, Uuid } from '../../values';
import type { CommandTiming } from '../shared';

export interface SetOrganisationProfile extends CommandTiming {
  type: 'SetOrganisationProfile';
  profile: OrganisationProfileSet['data'];
}

export interface RecordBreachDetected extends CommandTiming {
  type: 'RecordBreachDetected';
  breachId: Uuid;
  detectedAt: Instant;
  nature: string;
  dataCategories: string[];
  approximateSubjects?: number | null;
  processorId?: Uuid | null;
}

export interface RecordBreachNotified extends CommandTiming {
  type: 'RecordBreachNotified';
  breachId: Uuid;
  authority: string;
  notifiedAt: Instant;
  reference?: string | null;
  subjectsInformed: boolean;
}

export type OrganisationCommand = SetOrganisationProfile | RecordBreachDetected | RecordBreachNotified;
