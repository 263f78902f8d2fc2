export * from './processing-register';
export * from './build-register';
export * from './format-register';
export * from './register.handler';
