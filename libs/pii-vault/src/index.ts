export * from './errors';
export * from './master-key';
export * from './phone';
export * from './sealed';
export * from './vault';
export * from './rotate';
export * from './migrations';
