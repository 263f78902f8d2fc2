export * from './schema';
export * from './dnc-entries';
export * from './fold-input';
export * from './eligibility-projection';
