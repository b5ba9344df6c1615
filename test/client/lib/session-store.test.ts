import { sessionStorageKey, useSessionStore } from '@/lib/session-store';
import { taroTest } from '../shims/taro';
import { membership, resetSession, testUser } from '../support/session';

const auth = { token: 'tok-1', expiresAt: '2026-12-26T00:00:00.000Z', user: testUser };

function persisted(): Record<string, unknown> {
  const raw = taroTest.storage.get(sessionStorageKey);
  return JSON.parse(String(raw)).state;
}

beforeEach(() => {
  taroTest.reset();
  resetSession();
});

test('signing in keeps the token and user, and stores them for the next launch', () => {
  useSessionStore.getState().signIn(auth);

  expect(useSessionStore.getState().token).toBe('tok-1');
  expect(useSessionStore.getState().user?.nickname).toBe('小林');
  expect(persisted()).toMatchObject({ token: 'tok-1', user: testUser });
});

test('memberships are not persisted: they are always fetched fresh', () => {
  useSessionStore.getState().signIn(auth);
  useSessionStore
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  expect(persisted()).not.toHaveProperty('memberships');
});

test('the first community becomes current when none was chosen', () => {
  useSessionStore.getState().setMe({
    user: testUser,
    memberships: [membership('c1', '读书会', 'member'), membership('c2', '跑团', 'owner')],
    joinRequests: [],
  });
  expect(useSessionStore.getState().currentCommunityId).toBe('c1');
});

test('the chosen community stays current while I am still a member of it', () => {
  useSessionStore.getState().setCurrentCommunity('c2');
  useSessionStore.getState().setMe({
    user: testUser,
    memberships: [membership('c1', '读书会', 'member'), membership('c2', '跑团', 'owner')],
    joinRequests: [],
  });
  expect(useSessionStore.getState().currentCommunityId).toBe('c2');
  expect(persisted()).toMatchObject({ currentCommunityId: 'c2' });
});

test('after leaving the current community, my first remaining one becomes current', () => {
  useSessionStore.getState().setCurrentCommunity('c2');
  useSessionStore
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  expect(useSessionStore.getState().currentCommunityId).toBe('c1');
});

test('with no community at all, nothing is current', () => {
  useSessionStore.getState().setCurrentCommunity('c2');
  useSessionStore.getState().setMe({ user: testUser, memberships: [], joinRequests: [] });
  expect(useSessionStore.getState().currentCommunityId).toBeNull();
});

test('clearing the session forgets the token, user and memberships, also in storage', () => {
  useSessionStore.getState().signIn(auth);
  useSessionStore
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  useSessionStore.getState().clearSession();

  const state = useSessionStore.getState();
  expect([state.token, state.user, state.memberships]).toEqual([null, null, null]);
  expect(persisted()).toMatchObject({ token: null, user: null });
});
