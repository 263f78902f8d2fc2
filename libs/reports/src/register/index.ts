export * from './processing-register';
export * from './build-register';
export * from './register-read-model';
export * from './format-register';
export * from './register.handler';
