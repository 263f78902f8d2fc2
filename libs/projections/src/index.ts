export * from './runner';
export * from './eligibility';
