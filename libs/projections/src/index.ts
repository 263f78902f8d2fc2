export * from './runner';
export * from './eligibility';
export * from './findings';
