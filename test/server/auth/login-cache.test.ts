import { type CachedLogin, LoginCache } from '../../../server/modules/auth/login-cache';
import type { UserRow } from '../../../server/modules/auth/user-repository';

const now = Date.parse('2026-12-02T10:00:00Z');

function login(
  userId: string,
  communityId?: string,
  role: 'member' | 'owner' | null = 'member',
): CachedLogin {
  return {
    user: { id: userId, nickname: userId } as UserRow,
    standing: communityId ? { communityId, communityExists: true, role } : null,
    expiresAt: new Date(now + 60_000),
  };
}

function listeningCache(maxEntries?: number) {
  const cache = new LoginCache(maxEntries);
  cache.setListening(true);
  return cache;
}

describe('the login cache', () => {
  it('serves what it stored, for that token and community only', () => {
    const cache = listeningCache();
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), cache.generation);
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)?.standing?.role).toBe('member');
    expect(cache.lookup(LoginCache.key('t1', 'c2'), now)).toBeUndefined();
    expect(cache.lookup(LoginCache.key('t1', undefined), now)).toBeUndefined();
  });

  it("drops a user's entries, and only theirs, when told of a change to them", () => {
    const cache = listeningCache();
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), cache.generation);
    cache.store(LoginCache.key('t1', undefined), login('u1'), cache.generation);
    cache.store(LoginCache.key('t2', 'c1'), login('u2', 'c1'), cache.generation);
    cache.changed('u1');
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)).toBeUndefined();
    expect(cache.lookup(LoginCache.key('t1', undefined), now)).toBeUndefined();
    expect(cache.lookup(LoginCache.key('t2', 'c1'), now)?.user.id).toBe('u2');
  });

  it('drops every entry of a community when told it was created or deleted', () => {
    const cache = listeningCache();
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), cache.generation);
    cache.store(LoginCache.key('t2', 'c1'), login('u2', 'c1', null), cache.generation);
    cache.store(LoginCache.key('t1', 'c2'), login('u1', 'c2'), cache.generation);
    cache.changed('community:c1');
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)).toBeUndefined();
    expect(cache.lookup(LoginCache.key('t2', 'c1'), now)).toBeUndefined();
    expect(cache.lookup(LoginCache.key('t1', 'c2'), now)).toBeDefined();
  });

  it('does not store a read that started before a change', () => {
    const cache = listeningCache();
    const readStarted = cache.generation;
    cache.changed('u9'); // any change while the read was on its way
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), readStarted);
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)).toBeUndefined();
  });

  it('holds and serves nothing while it does not hear the notices', () => {
    const cache = new LoginCache();
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), cache.generation);
    expect(cache.size).toBe(0);
    cache.setListening(true);
    cache.store(LoginCache.key('t1', 'c1'), login('u1', 'c1'), cache.generation);
    cache.setListening(false);
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)).toBeUndefined();
    cache.setListening(true);
    // Notices missed while away: nothing from before is served after.
    expect(cache.lookup(LoginCache.key('t1', 'c1'), now)).toBeUndefined();
  });

  it('never serves a login past the end of its session', () => {
    const cache = listeningCache();
    cache.store(LoginCache.key('t1', undefined), login('u1'), cache.generation);
    expect(cache.lookup(LoginCache.key('t1', undefined), now + 60_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its limit, the oldest going first', () => {
    const cache = listeningCache(2);
    for (const token of ['t1', 't2', 't3'])
      cache.store(LoginCache.key(token, undefined), login(token), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.lookup(LoginCache.key('t1', undefined), now)).toBeUndefined();
    cache.changed('t3');
    expect(cache.size).toBe(1);
  });
});
