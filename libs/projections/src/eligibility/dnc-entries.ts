import { createHash } from 'node:crypto';
import type { SqlQueryable } from '@calltrail/sql';

/**
 * The numbers of each DNC registry snapshot, as keyed hashes. Written by the DNC import (not by
 * events: a snapshot holds millions of numbers); `DncSnapshotImported` carries the count and digest
 * that tie the event to these rows. The table is created by the eligibility projection's migration;
 * a rebuild leaves it alone.
 *
 * SHA-256 (hex) over the sorted keyed hashes, one per line: the digest `DncSnapshotImported` records. */
export function dncSnapshotDigest(phoneHashes: readonly string[]): string {
  const hash = createHash('sha256');
  for (const phoneHash of [...new Set(phoneHashes)].sort()) hash.update(`${phoneHash}\n`);
  return hash.digest('hex');
}

/** Stores a snapshot's keyed hashes (idempotent); returns the count and digest to record in the event. */
export async function writeDncSnapshotEntries(
  db: SqlQueryable,
  snapshot: { registry: string; version: string; phoneHashes: readonly string[] },
  onProgress?: (written: number, total: number) => void,
): Promise<{ count: number; digest: string }> {
  const unique = [...new Set(snapshot.phoneHashes)];
  for (let start = 0; start < unique.length; start += 50_000) {
    await db.query(
      `INSERT INTO dnc_registry_entries (registry, snapshot_version, phone_hash)
       SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
      [snapshot.registry, snapshot.version, unique.slice(start, start + 50_000)],
    );
    onProgress?.(Math.min(start + 50_000, unique.length), unique.length);
  }
  return { count: unique.length, digest: dncSnapshotDigest(unique) };
}

/** Removes the rows of a snapshot version whose `DncSnapshotImported` was never recorded (an interrupted import). */
export async function discardDncSnapshotEntries(db: SqlQueryable, snapshot: { registry: string; version: string }): Promise<void> {
  await db.query('DELETE FROM dnc_registry_entries WHERE registry = $1 AND snapshot_version = $2', [snapshot.registry, snapshot.version]);
}
