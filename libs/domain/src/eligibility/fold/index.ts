export * from './recorded-event';
export * from './fold-contact';
export * from './fold-campaign';
export * from './fold-processor';
export * from './fold-registry';
