export * from './schema';
export * from './captured-fields';
export * from './register-projection';
