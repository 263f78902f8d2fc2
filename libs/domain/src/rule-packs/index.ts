export * from './rule-pack';
export * from './packs';
export * from './packs-in-force';
export * from './adequacy';
export * from './holidays';
