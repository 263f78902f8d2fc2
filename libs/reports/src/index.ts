export * from './audit';
export * from './evidence';
export * from './ctm';
