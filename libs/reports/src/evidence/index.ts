export * from './contact-dossier.types';
export * from './contact-dossier';
export * from './contact-dossier.markdown';
export * from './campaign-evidence.types';
export * from './campaign-evidence';
export * from './campaign-evidence.markdown';
export * from './erasure-certificate';
export * from './answer-access-request';
