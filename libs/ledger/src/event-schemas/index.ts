export * from './validate-event';
