export * from './screen-note';
export * from './word-lists';
