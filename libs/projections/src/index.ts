export * from './runner';
export * from './eligibility';
export * from './findings';
export * from './register';
export * from './ctm';
// Takes precedence over the older allProjections of ./eligibility (which lists eligibility and findings only).
export { allProjections } from './all-projections';
