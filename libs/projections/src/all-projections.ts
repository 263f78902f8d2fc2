import { ctmProjection } from './ctm';
import { eligibilityProjection } from './eligibility';
import { findingsProjection } from './findings';
import type { Projection } from './runner';
import { registerProjection } from './register';

/** Every projection calltrail runs (inside `calltrail serve`, alone as `calltrail project`). */
export function allProjections(): Projection[] {
  return [eligibilityProjection(), findingsProjection(), registerProjection(), ctmProjection()];
}
