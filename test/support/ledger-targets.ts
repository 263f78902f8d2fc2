import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEventStoreDbStandIn } from '@calltrail/event-store-eventstoredb';
import { loadConfig, openLedger, type Ledger } from '@calltrail/server';
import { createScratchDatabase } from '@calltrail/sql/testing';

/** A ledger of its own for one test file: its configuration, and where its data folder is (if any). */
export interface LedgerTarget {
  env: Record<string, string>;
  /** The data folder holding an embedded database, or null when the data lives on a server. */
  pgliteDir: string | null;
  cleanup: () => Promise<void>;
}

/**
 * PGlite (always), the in-repo gRPC stand-in for EventStoreDB (events there, keys and vault in
 * PGlite), and PostgreSQL when DATABASE_URL is set (a scratch database of its own).
 */
export function ledgerTargets(): Array<[string, () => Promise<LedgerTarget>]> {
  const targets: Array<[string, () => Promise<LedgerTarget>]> = [
    [
      'pglite',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'calltrail-e2e-'));
        return { env: { CALLTRAIL_DATA_DIR: dir }, pgliteDir: dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
      },
    ],
    [
      'eventstoredb',
      async () => {
        const standIn = await startEventStoreDbStandIn();
        const dir = await mkdtemp(join(tmpdir(), 'calltrail-e2e-esdb-'));
        return {
          env: { CALLTRAIL_STORE: 'eventstoredb', EVENTSTORE_URL: standIn.url, CALLTRAIL_DATA_DIR: dir },
          pgliteDir: dir,
          cleanup: async () => {
            await standIn.close();
            await rm(dir, { recursive: true, force: true });
          },
        };
      },
    ],
  ];
  if (process.env['DATABASE_URL']) {
    targets.push([
      'postgres',
      async () => {
        const scratch = await createScratchDatabase(process.env['DATABASE_URL']!);
        return { env: { CALLTRAIL_STORE: 'postgres', DATABASE_URL: scratch.url }, pgliteDir: null, cleanup: scratch.drop };
      },
    ]);
  }
  return targets;
}

/** Opens the target's ledger under a fresh random master key. */
export function openTargetLedger(target: LedgerTarget, env: Record<string, string> = {}): Promise<Ledger> {
  return openLedger(loadConfig({ ...target.env, ...env, CALLTRAIL_MASTER_KEY: randomBytes(32).toString('base64') }));
}
