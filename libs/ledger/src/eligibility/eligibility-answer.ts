import type { EligibilityResult } from '@calltrail/domain';

export type EligibilityBasis = 'LEGAL' | 'KNOWN';

/** One answer, without personal data: the caller knows which number it asked about by `index`. */
export interface EligibilityAnswer extends EligibilityResult {
  /** The position of the number in the request (0 for a single check). */
  index: number;
  /**
   * Now: the projection checkpoint the read models reflect. At a past moment: the store's head when
   * the streams were replayed.
   */
  checkpoint: number;
  basis: EligibilityBasis | null;
}

export class EligibilityQueryError extends Error {
  constructor(
    readonly code: 'INVALID_ELIGIBILITY_QUERY' | 'UNKNOWN_CAMPAIGN' | 'UNKNOWN_PROCESSOR',
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'EligibilityQueryError';
  }
}

export const MAX_BATCH = 10_000;
