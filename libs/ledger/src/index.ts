export * from './access';
export * from './event-schemas';
export * from './tokens';
export * from './eligibility';
export * from './commands';
