export * from './projection';
export * from './checkpoints';
export * from './projection-lock';
export * from './runner';
export * from './progress-bar';
