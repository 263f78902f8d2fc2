export * from './database';
export * from './postgres';
export * from './pglite';
export * from './migrations';
