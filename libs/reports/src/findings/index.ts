export * from './findings-query';
export * from './findings.handler';
