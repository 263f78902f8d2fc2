export * from './execute-domain-command';
