export * from './dnc-snapshot-import';
export * from './registry-commands.module';
