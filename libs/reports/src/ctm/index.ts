export * from './ctm-report.types';
export * from './ctm-report';
export * from './ctm-read-model';
export * from './ctm-table';
export * from './ctm-chart';
export * from './format-ctm-report';
export * from './ctm-report.handler';
