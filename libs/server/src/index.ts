export * from './config';
export * from './open-ledger';
export * from './server';
export * from './version';
export * from './schema';
export * from './serve';
