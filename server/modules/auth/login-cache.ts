import type { CommunityStanding } from '../membership/require-membership';
import type { UserRow } from './user-repository';

export interface CachedLogin {
  user: UserRow;
  standing: CommunityStanding | null;
  /** When the login session ends: an entry is never served past it. */
  expiresAt: Date;
}

interface Entry extends CachedLogin {
  key: string;
}

/** Where the entries of one user or one community are, so that a change drops just those. */
class KeyIndex {
  private readonly keys = new Map<string, Set<string>>();

  add(owner: string, key: string): void {
    let keys = this.keys.get(owner);
    if (!keys) {
      keys = new Set();
      this.keys.set(owner, keys);
    }
    keys.add(key);
  }

  remove(owner: string, key: string): void {
    const keys = this.keys.get(owner);
    keys?.delete(key);
    if (keys?.size === 0) this.keys.delete(owner);
  }

  take(owner: string): Set<string> {
    const keys = this.keys.get(owner) ?? new Set<string>();
    this.keys.delete(owner);
    return keys;
  }

  clear(): void {
    this.keys.clear();
  }
}

/** The payload of a `login_changes` notice about a community (migration 0014); any other is a user id. */
const communityPrefix = 'community:';

/**
 * This instance's copy of recent logins (the session's user and their standing in one community),
 * so that a read makes one round trip to PostgreSQL instead of two. It is only used while the
 * instance listens to `login_changes` (`server/db/login-change-listener.ts`): every instance drops
 * a user's entries when PostgreSQL tells it their session, user row or membership changed, and a
 * community's when it is created or deleted. While not listening (connecting, or the connection
 * lost) it holds nothing and serves nothing.
 *
 * A read that started before a change must not store what it read: every drop moves the
 * generation on, and `store` takes the generation the read started in.
 */
export class LoginCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new KeyIndex();
  private readonly byCommunity = new KeyIndex();
  private listening = false;
  private currentGeneration = 0;

  constructor(private readonly maxEntries = 20_000) {}

  static key(tokenHash: string, communityId: string | undefined): string {
    return `${tokenHash}|${communityId ?? ''}`;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(key: string, now: number): CachedLogin | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt.getTime() <= now) {
      this.remove(entry);
      return undefined;
    }
    return entry;
  }

  store(key: string, login: CachedLogin, readInGeneration: number): void {
    if (!this.listening || readInGeneration !== this.currentGeneration) return;
    const old = this.entries.get(key);
    if (old) this.remove(old);
    const entry = { ...login, key };
    this.entries.set(key, entry);
    this.byUser.add(login.user.id, key);
    if (login.standing) this.byCommunity.add(login.standing.communityId, key);
    // Map keeps insertion order: the oldest entry goes first.
    if (this.entries.size > this.maxEntries) this.remove(this.entries.values().next().value!);
  }

  /** A `login_changes` notice: a user id, or `community:<id>`. */
  changed(payload: string): void {
    this.currentGeneration += 1;
    const keys = payload.startsWith(communityPrefix)
      ? this.byCommunity.take(payload.slice(communityPrefix.length))
      : this.byUser.take(payload);
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) this.remove(entry);
    }
  }

  /** Everything may have changed: a write of this instance just committed, or the notices stopped or started. */
  forgetAll(): void {
    this.currentGeneration += 1;
    this.entries.clear();
    this.byUser.clear();
    this.byCommunity.clear();
  }

  /** Notices arrive (or stopped arriving): what was cached before cannot be trusted either way. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetAll();
  }

  private remove(entry: Entry): void {
    this.entries.delete(entry.key);
    this.byUser.remove(entry.user.id, entry.key);
    if (entry.standing) this.byCommunity.remove(entry.standing.communityId, entry.key);
  }
}
