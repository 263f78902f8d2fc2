export * from './call.events';
export * from './campaign.events';
export * from './catalogue';
export * from './contact.events';
export * from './organisation.events';
export * from './processor.events';
export * from './registry.events';
export * from './personal-fields';
