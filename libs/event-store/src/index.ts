export * from './port';
export * from './errors';
export * from './hash';
export * from './metadata';
export * from './append-input';
