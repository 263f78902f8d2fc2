import cliProgress from 'cli-progress';

/** A progress display for a file being read: a bar on a terminal, a line per tenth otherwise (logs, CI). */
export interface FileProgress {
  update(done: number): void;
  stop(): void;
}

/**
 * Written to stderr so that stdout keeps the report. Off a terminal, prints `<label>: <done>/<total>`
 * at every tenth, so a log shows how far an import got before it stopped.
 */
export function fileProgress(label: string, total: number, unit: string, err: (line: string) => void): FileProgress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} |{bar}| {percentage}% {value}/{total} ${unit}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  let next = step;
  return {
    update(done) {
      if (done < next) return;
      err(`${label}: ${done}/${total} ${unit}`);
      next = (Math.floor(done / step) + 1) * step;
    },
    stop: () => undefined,
  };
}
