export * from './runner';
export * from './eligibility';
export * from './findings';
export * from './register';
export * from './ctm';
export { allProjections } from './all-projections';
