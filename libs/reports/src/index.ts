export * from './audit';
export * from './findings';
export * from './register';
export * from './evidence';
export * from './ctm';
export * from './catch-up-read-model';
