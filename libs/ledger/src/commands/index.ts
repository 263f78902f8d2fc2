export * from './execute-domain-command';
export * from './execute-domain-command.handler';
export * from './command-pipeline';
export * from './command-input';
export * from './command-errors';
export * from './command-permissions';
export * from './command-ids';
export * from './command-log';
