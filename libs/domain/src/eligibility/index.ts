export * from './views';
export * from './reasons';
export { evaluateEligibility } from './evaluate';
export { nextOpening, describeHours } from './calling-window';
export * from './fold';
export { viewForNow, PACING_LOOK_BACK_MS, type ContactNowView } from './now-view';
