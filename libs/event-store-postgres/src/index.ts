export { openPostgresEventStore, PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export type { GroupCommitLimits, GroupCommitStats } from './group-commit';
export { eventStoreMigrations, EVENT_STORE_MODULE, APPEND_LOCK_ID } from './schema';
