/** Small helpers the benchmarks on this data set share: percentiles and what the machine was doing. */
import { cpus, loadavg } from 'node:os';

/** The p-th percentile (0–100) of a list of samples, by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** One line naming the machine, for the top of a table. */
export function machineLine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
}

/** The 1-minute load average: on a shared machine, how busy the cores were while measuring. */
export function loadNote(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
