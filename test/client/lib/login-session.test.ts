import { loginSessionStorageKey, useLoginSession } from '@/lib/login-session';
import { taroTest } from '../shims/taro';
import { membership, resetSession, testUser } from '../support/login-session';

const auth = { token: 'tok-1', expiresAt: '2026-12-26T00:00:00.000Z', user: testUser };

function persisted(): Record<string, unknown> {
  const raw = taroTest.storage.get(loginSessionStorageKey);
  return JSON.parse(String(raw)).state;
}

beforeEach(() => {
  taroTest.reset();
  resetSession();
});

test('signing in keeps the token and user, and stores them for the next launch', () => {
  useLoginSession.getState().signIn(auth);

  expect(useLoginSession.getState().token).toBe('tok-1');
  expect(useLoginSession.getState().user?.nickname).toBe('小林');
  expect(persisted()).toMatchObject({ token: 'tok-1', user: testUser });
});

test('memberships are not persisted: they are always fetched fresh', () => {
  useLoginSession.getState().signIn(auth);
  useLoginSession
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  expect(persisted()).not.toHaveProperty('memberships');
});

test('the first community becomes current when none was chosen', () => {
  useLoginSession.getState().setMe({
    user: testUser,
    memberships: [membership('c1', '读书会', 'member'), membership('c2', '跑团', 'owner')],
    joinRequests: [],
  });
  expect(useLoginSession.getState().currentCommunityId).toBe('c1');
});

test('the chosen community stays current while I am still a member of it', () => {
  useLoginSession.getState().setCurrentCommunity('c2');
  useLoginSession.getState().setMe({
    user: testUser,
    memberships: [membership('c1', '读书会', 'member'), membership('c2', '跑团', 'owner')],
    joinRequests: [],
  });
  expect(useLoginSession.getState().currentCommunityId).toBe('c2');
  expect(persisted()).toMatchObject({ currentCommunityId: 'c2' });
});

test('after leaving the current community, my first remaining one becomes current', () => {
  useLoginSession.getState().setCurrentCommunity('c2');
  useLoginSession
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  expect(useLoginSession.getState().currentCommunityId).toBe('c1');
});

test('with no community at all, nothing is current', () => {
  useLoginSession.getState().setCurrentCommunity('c2');
  useLoginSession.getState().setMe({ user: testUser, memberships: [], joinRequests: [] });
  expect(useLoginSession.getState().currentCommunityId).toBeNull();
});

test('clearing the session forgets the token, user and memberships, also in storage', () => {
  useLoginSession.getState().signIn(auth);
  useLoginSession
    .getState()
    .setMe({ user: testUser, memberships: [membership('c1', '读书会', 'member')], joinRequests: [] });
  useLoginSession.getState().clearLoginSession();

  const state = useLoginSession.getState();
  expect([state.token, state.user, state.memberships]).toEqual([null, null, null]);
  expect(persisted()).toMatchObject({ token: null, user: null });
});

test('a launch picks up what the last one stored: still signed in, in the same community', async () => {
  jest.resetModules();
  const { taroTest: afterRestartTaro } = await import('../shims/taro');
  afterRestartTaro.storage.set(
    loginSessionStorageKey,
    JSON.stringify({ state: { token: 'tok-9', user: testUser, currentCommunityId: 'c2' }, version: 0 }),
  );
  const { useLoginSession: afterRestart } = await import('@/lib/login-session');
  expect(afterRestart.getState()).toMatchObject({ token: 'tok-9', user: testUser, currentCommunityId: 'c2' });
  expect(afterRestart.getState().memberships).toBeNull();
});
