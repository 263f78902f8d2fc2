export * from './finding';
export * from './call-rules';
export * from './contact-rules';
export * from './processor-rules';
export * from './campaign-rules';
export * from './organisation-rules';
