/**
 * Runs work under a simulated wall clock: `Date.now()` and `new Date()` read the time set with
 * `setNow` (and move on in real time from there, never backwards). The demo records two years of
 * history in a minute; under this clock each event's recordedAt is the moment a real ledger would
 * have received it, so the audit's KNOWN basis ("what the ledger had recorded by then") has a
 * history to judge. Only the demo uses it, and it says so; real imports record the real time.
 */
export async function withSimulatedClock<T>(work: (setNow: (ms: number) => void) => Promise<T>): Promise<T> {
  const RealDate = Date;
  let offset = 0;
  let last = Number.NEGATIVE_INFINITY;
  const now = () => {
    last = Math.max(last, RealDate.now() + offset);
    return last;
  };
  class SimulatedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(now());
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return now();
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = SimulatedDate as DateConstructor;
  try {
    return await work((ms) => {
      offset = Math.max(ms, last + 1) - RealDate.now();
    });
  } finally {
    globalThis.Date = RealDate;
  }
}
