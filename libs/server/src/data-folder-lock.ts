import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config';

const LOCK_FILE = 'calltrail.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Embedded PostgreSQL (PGlite) is single-process: a second process opening the same folder would
 * corrupt it. A pid file refuses that with a clear message; a stale one (dead process) is taken over.
 * Returns the release function.
 */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder === process.pid || (Number.isInteger(holder) && holder > 0 && isRunning(holder))) {
        throw new ConfigError(
          'CALLTRAIL_DATA_DIR',
          `the data folder ${dataDir} is in use by process ${holder}; embedded PGlite allows one process at a time. ` +
            'Stop that process, or use its GraphQL API (e.g. the createApiKey mutation) instead',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new ConfigError('CALLTRAIL_DATA_DIR', `could not lock the data folder ${dataDir}`);
}
