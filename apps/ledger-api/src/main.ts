// The GraphQL server on its own, for a deployment that runs it without the CLI around it.
// It is exactly `calltrail serve`, run as production unless NODE_ENV says otherwise: NODE_ENV is
// set before the server is imported (graphql-js picks its development checks when it loads).
process.env['NODE_ENV'] ??= 'production';
await import('./serve');

export {};
