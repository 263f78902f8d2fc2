export * from './eligibility-answer';
export * from './eligibility-reader';
export * from './phone-keys';
export * from './eligibility.handlers';
