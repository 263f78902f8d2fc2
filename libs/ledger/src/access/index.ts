export * from './errors';
export * from './roles';
export * from './api-keys';
export * from './api-key.handlers';
export * from './verified-keys';
