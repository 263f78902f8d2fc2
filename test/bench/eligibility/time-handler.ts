/**
 * Wraps a query handler's `execute` so that every call reports when it started and ended: the time
 * spent in the server for one query (the benchmark keeps durations, one-once.ts spans).
 */
export function timeHandler<Q, R>(handler: { execute(query: Q): Promise<R> }, record: (start: number, end: number) => void): void {
  const execute = handler.execute.bind(handler);
  handler.execute = async (query: Q) => {
    const start = performance.now();
    try {
      return await execute(query);
    } finally {
      record(start, performance.now());
    }
  };
}
