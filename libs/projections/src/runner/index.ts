export * from './projection';
export * from './projection-memory';
export * from './checkpoints';
export * from './projection-lock';
export * from './runner';
export * from './progress-bar';
