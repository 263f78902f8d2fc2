export * from './call-audit';
export * from './audit-calls';
export * from './audit-calls.handler';
export * from './format-call-audit';
export * from './report-query';
export * from './table-format';
