export * from './views';
export * from './reasons';
export { evaluateEligibility } from './evaluate';
export { nextOpening, describeHours } from './calling-window';
export * from './fold';
