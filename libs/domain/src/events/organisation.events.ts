import type { CountryCode, Instant, Uuid } from '../values';

/** Events of the single `organisation` stream: the controller itself. */

export interface Party {
  name: string;
  address: string;
  country: CountryCode;
  /** Business e-mail (published contact point, Art. 13(1)(a-b)). */
  email: string | null;
}

export interface RetentionPolicy {
  /** Months a prospect's data is kept after the last contact. */
  prospectMonths: number;
  /** Months an (ex-)customer's data is kept after the last purchase. */
  customerMonths: number;
  /** Months call recordings are kept. */
  recordingMonths: number;
  documentRef: string | null;
}

export interface OrganisationProfileSet {
  type: 'OrganisationProfileSet';
  data: {
    controller: Party & { registrationNumber: string | null };
    /** Art. 37 data protection officer, null when none is designated. */
    dpo: Party | null;
    /** Art. 27 representative in the EU, for a controller established outside it. */
    representative: Party | null;
    /** Art. 32 technical and organisational measures. */
    securityMeasures: string[];
    retentionPolicy: RetentionPolicy;
    /** The organisation's own numbers shown as caller id (E.164): what makes a call recognisable. */
    callerIds: string[];
  };
}

export interface BreachDetected {
  type: 'BreachDetected';
  data: {
    breachId: Uuid;
    /** When the organisation became aware of it (the 72-hour clock starts here, seed 002). */
    detectedAt: Instant;
    /** What happened, without personal data. */
    nature: string;
    dataCategories: string[];
    approximateSubjects: number | null;
    /** The processor where it happened, if any. */
    processorId: Uuid | null;
  };
}

export interface BreachNotified {
  type: 'BreachNotified';
  data: {
    breachId: Uuid;
    /** The supervisory authority notified (`AP`, `APD-GBA`, `CNIL`). */
    authority: string;
    notifiedAt: Instant;
    reference: string | null;
    subjectsInformed: boolean;
  };
}

export type OrganisationEvent = OrganisationProfileSet | BreachDetected | BreachNotified;
