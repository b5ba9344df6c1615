import { NoticeFedCache } from '../../read-caches/notice-cache';
import type { CommunityStanding } from '../membership/require-membership';
import type { UserRow } from './user-repository';

export interface CachedLogin {
  user: UserRow;
  standing: CommunityStanding | null;
  /** When the login session ends: an entry is never served past it. */
  expiresAt: Date;
}

/** The payload of a `login_changes` notice about a community (migration 0014); any other is a user id. */
const communityPrefix = 'community:';

/**
 * This instance's copy of recent logins (the session's user and their standing in one community),
 * so that a read signs in without a query. Every instance drops a user's entries when PostgreSQL
 * tells it (channel `login_changes`, migration 0014) that their session, user row or membership
 * changed, and a community's when it is created or deleted.
 */
export class LoginCache extends NoticeFedCache<CachedLogin> {
  readonly channel = 'login_changes';

  constructor(maxEntries = 20_000) {
    super(maxEntries);
  }

  static key(tokenHash: string, communityId: string | undefined): string {
    return `${tokenHash}|${communityId ?? ''}`;
  }

  lookup(key: string, now: number): CachedLogin | undefined {
    const login = this.entries.lookup(key);
    if (login && login.expiresAt.getTime() <= now) {
      this.entries.remove(key);
      return undefined;
    }
    return login;
  }

  store(key: string, login: CachedLogin, readInGeneration: number): void {
    const owners = [login.user.id];
    if (login.standing) owners.push(communityPrefix + login.standing.communityId);
    this.entries.store(key, login, owners, readInGeneration);
  }

  /** A `login_changes` notice: a user id, or `community:<id>`. */
  changed(payload: string): void {
    this.entries.drop(payload);
  }
}
