import cliProgress from 'cli-progress';
import type { ProjectionProgress } from './runner';

/**
 * A terminal progress bar per projection with events/s, for `calltrail rebuild` and `project`.
 * Written to stderr so that stdout stays machine-readable.
 */
export function progressBar(): { onProgress: (progress: ProjectionProgress) => void; stop: () => void } {
  const bars = new cliProgress.MultiBar(
    {
      format: '{projection} |{bar}| {percentage}% {value}/{total} events · {rate} events/s',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const byName = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(progress) {
      const total = progress.head;
      const rate = Math.round(progress.applied / Math.max(progress.elapsedMs / 1000, 0.001));
      let bar = byName.get(progress.projection);
      if (!bar) {
        bar = bars.create(total, 0, { projection: progress.projection, rate });
        byName.set(progress.projection, bar);
      }
      bar.setTotal(total);
      bar.update(progress.position, { projection: progress.projection, rate });
    },
    stop: () => bars.stop(),
  };
}
