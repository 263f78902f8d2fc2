export * from './api.module';
export * from './schema-sdl';
export * from './auth/require-permission.decorator';
export * from './auth/current-actor.decorator';
export * from './auth/graphql-context';
export * from './errors/format-error';
export * from './errors/input-validation';
