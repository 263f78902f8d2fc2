import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from '@calltrail/event-store';

/** How long a verified key is taken on trust before the database is asked again. */
export const DEFAULT_REVERIFY_AFTER_MS = 1_000;
/** More keys than any deployment uses at once; past it, the memory starts again empty. */
const MAX_REMEMBERED = 10_000;

export interface VerifiedKeysOptions {
  /** Milliseconds a verified key is remembered; 0 asks the database on every request. */
  reverifyAfterMs?: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

interface Remembered {
  actor: Actor;
  verifiedAt: number;
}

/**
 * The keys this process verified in the last moment, by a keyed digest of the presented key (an
 * HMAC under a random key of this process, so the memory holds no secret and nothing that matches
 * the digests stored in the database). Only successful verifications are remembered: a wrong or
 * revoked key always goes to the database.
 */
export class VerifiedKeys {
  private readonly digestKey = randomBytes(32);
  private readonly byDigest = new Map<string, Remembered>();
  private readonly reverifyAfterMs: number;
  private readonly now: () => number;
  /** Counts the revocations seen here, so a verification that raced one is not remembered. */
  private forgotten = 0;

  constructor(options: VerifiedKeysOptions = {}) {
    this.reverifyAfterMs = options.reverifyAfterMs ?? DEFAULT_REVERIFY_AFTER_MS;
    this.now = options.now ?? Date.now;
  }

  /** The actor of a key verified less than `reverifyAfterMs` ago, or undefined. */
  recall(presented: string): Actor | undefined {
    const digest = this.digest(presented);
    const remembered = this.byDigest.get(digest);
    if (!remembered) return undefined;
    if (this.now() - remembered.verifiedAt < this.reverifyAfterMs) return remembered.actor;
    this.byDigest.delete(digest);
    return undefined;
  }

  /** Where the revocations stand: take it before verifying, give it to `remember`. */
  get generation(): number {
    return this.forgotten;
  }

  /** Remembers a key verified now, unless a key was revoked here while it was being verified. */
  remember(presented: string, actor: Actor, generation: number): void {
    if (this.reverifyAfterMs <= 0 || generation !== this.forgotten) return;
    if (this.byDigest.size >= MAX_REMEMBERED) this.byDigest.clear();
    this.byDigest.set(this.digest(presented), { actor, verifiedAt: this.now() });
  }

  /** Drops every memory of a key (it was revoked here). */
  forget(keyId: string): void {
    this.forgotten += 1;
    for (const [digest, remembered] of this.byDigest) {
      if (remembered.actor.keyId === keyId) this.byDigest.delete(digest);
    }
  }

  private digest(presented: string): string {
    return createHmac('sha256', this.digestKey).update(presented, 'utf8').digest('base64');
  }
}
