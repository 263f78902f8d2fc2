export * from './schema';
export * from './ctm-projection';
