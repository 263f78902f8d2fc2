// graphql-js chooses its development checks when it is first loaded, and Apollo and Nest their
// development defaults (GraphiQL, stack traces) when the server starts, all from NODE_ENV. The
// command runs as production unless NODE_ENV says otherwise; it is set before anything else is
// imported (the bundle's static imports would be evaluated first), hence the dynamic import.
process.env['NODE_ENV'] ??= 'production';
await import('./run');

export {};
