import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import IndexPage from '@/pages/index/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

const taroEnv = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = taroEnv;
});

function meWith(...memberships: ReturnType<typeof membership>[]) {
  return { body: { user: testUser, memberships, joinRequests: [] } };
}

function myRequest(overrides: Partial<MyJoinRequestView> = {}): MyJoinRequestView {
  return {
    id: 'r1',
    communityId: 'c5',
    communityName: '周末跑团',
    status: 'pending',
    reason: '',
    createdAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

test('shows the community with its goal first and my role from the API answer', async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'admin')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'admin', inviteCode: 'K7M2QX' }) },
  });
  const { container } = render(<IndexPage />);

  const goal = await screen.findByText('每天早起读书三十分钟');
  expect(goal).toHaveProperty('className', 'community-goal');
  expect(container.querySelector('.community-name')?.textContent).toBe('早起读书会');
  expect(container.querySelector('.my-role')?.textContent).toBe('管理员');
  expect(screen.getByText('37/100人')).toBeTruthy();

  // The goal comes before the rules and everything else below the name.
  const rules = screen.getByText('不发广告；每周分享一次读书笔记');
  expect(goal.compareDocumentPosition(rules) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

  // The team sees the invite code and can copy it.
  fireEvent.click(screen.getByText('复制'));
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7M2QX' });
  // Only the 群主 gets the settings entry.
  expect(screen.queryByText('社群设置')).toBeNull();
});

test('a plain member sees no invite code; the owner sees the settings entry', async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'member' }) },
  });
  const { unmount } = render(<IndexPage />);
  await screen.findByText('每天早起读书三十分钟');
  expect(screen.getByText('成员', { selector: '.my-role' })).toBeTruthy();
  expect(screen.queryByText('复制')).toBeNull();
  unmount();

  taroTest.reset();
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'owner')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'owner', inviteCode: 'K7M2QX' }) },
  });
  render(<IndexPage />);
  fireEvent.click(await screen.findByText('社群设置'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/settings/index' });
});

test('shows the skeleton while loading, then an error with a retry that works', async () => {
  let communityAnswers = 0;
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member')),
    'GET /api/communities/c1': () =>
      ++communityAnswers === 1
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: communityView() },
  });
  const { container } = render(<IndexPage />);
  expect(container.querySelector('.skeleton')).not.toBeNull();

  await screen.findByText('服务暂时不可用，请稍后再试');
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('每天早起读书三十分钟');
});

test('without a community, offers to create one or join one', async () => {
  mockApi({ 'GET /api/me': meWith() });
  render(<IndexPage />);

  fireEvent.click(await screen.findByText('创建社群'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/entry/community-create/index' });
  fireEvent.click(screen.getByText('加入社群'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/entry/community-join/index' });
});

test('pull-down refresh reloads the community and stops the spinner', async () => {
  let goal = '旧目标';
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member')),
    'GET /api/communities/c1': () => ({ body: communityView({ goal }) }),
  });
  render(<IndexPage />);
  await screen.findByText('旧目标');

  goal = '新目标';
  await act(() => taroTest.firePullDownRefresh());
  await screen.findByText('新目标');
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
});

test("the team's share card carries the invite code, the community and me as the inviter", async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'admin')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'admin', inviteCode: 'K7M2QX' }) },
  });
  render(<IndexPage />);
  await screen.findByText('每天早起读书三十分钟');

  const [card] = await taroTest.shareAppMessage();
  expect(card).toEqual({
    title: '邀请你加入「早起读书会」：每天早起读书三十分钟',
    path: '/entry/community-join/index?code=K7M2QX&community=c1&inviter=u1',
  });
});

test("a member's share card, without a code, names the community and me so the newcomer can ask to join", async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'member', inviteCode: null }) },
  });
  render(<IndexPage />);
  await screen.findByText('每天早起读书三十分钟');

  const [card] = await taroTest.shareAppMessage();
  expect(card).toMatchObject({ path: '/entry/community-join/index?community=c1&inviter=u1' });
});

test('in WeChat, cards shared from 首页 carry a share ticket (the group they were posted in)', async () => {
  process.env.TARO_ENV = 'weapp';
  mockApi({ 'GET /api/me': meWith() });
  render(<IndexPage />);
  await screen.findByText('创建社群');
  expect(Taro.showShareMenu).not.toHaveBeenCalled();
  await act(() => taroTest.fireLoad());
  expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
});

test('a newcomer reads the goal and rules and confirms them before the usual 首页', async () => {
  let confirmed = false;
  mockApi({
    'GET /api/me': () => meWith(membership('c1', '早起读书会', 'member', confirmed)),
    'GET /api/communities/c1': { body: communityView() },
    'POST /api/communities/c1/rules-confirmation': () => {
      confirmed = true;
      return { status: 204 };
    },
    'GET /api/communities/c1/tips?sort=latest': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/sessions': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/promotion-board': { body: { current: [], upcoming: [] } },
    'GET /api/communities/c1/weekly-digests/latest': { body: { latest: null } },
  });
  const { container } = render(<IndexPage />);

  await screen.findByText('欢迎加入「早起读书会」');
  expect(screen.getByText('每天早起读书三十分钟')).toBeTruthy();
  expect(screen.getByText('不发广告；每周分享一次读书笔记')).toBeTruthy();
  expect(container.querySelector('.community-header')).toBeNull();
  // The sections wait until the rules are confirmed.
  expect(requestCalls().map((c) => c.url)).not.toContain('/api/communities/c1/sessions');

  fireEvent.click(screen.getByText('我已阅读，遵守群规'));
  await waitFor(() => expect(container.querySelector('.community-header')).not.toBeNull());
  expect(screen.queryByText('欢迎加入「早起读书会」')).toBeNull();
  expect(requestCalls().filter((c) => c.url.endsWith('/rules-confirmation'))).toHaveLength(1);
  await waitFor(() => expect(requestCalls().map((c) => c.url)).toContain('/api/communities/c1/sessions'));
});

test('confirming the rules fails: a toast, and the welcome card stays to try again', async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member', false)),
    'GET /api/communities/c1': { body: communityView() },
    'POST /api/communities/c1/rules-confirmation': 'network-error',
  });
  render(<IndexPage />);
  fireEvent.click(await screen.findByText('我已阅读，遵守群规'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ icon: 'none' })));
  expect((screen.getByText('我已阅读，遵守群规') as HTMLButtonElement).disabled).toBe(false);
});

test('without a community, my pending request can be withdrawn and a declined one shows the reason', async () => {
  let requests = [
    myRequest(),
    myRequest({ id: 'r2', communityName: '早起读书会', status: 'declined', reason: '本群只收本地的朋友' }),
  ];
  mockApi({
    'GET /api/me': () => ({ body: { user: testUser, memberships: [], joinRequests: requests } }),
    'POST /api/join-requests/r1/withdraw': () => {
      requests = requests.filter((r) => r.id !== 'r1');
      return { body: myRequest({ status: 'withdrawn' }) };
    },
  });
  render(<IndexPage />);

  await screen.findByText('周末跑团');
  expect(screen.getByText('待审核')).toBeTruthy();
  expect(screen.getByText('未通过')).toBeTruthy();
  expect(screen.getByText('原因：本群只收本地的朋友')).toBeTruthy();
  // Still free to start or join another community meanwhile.
  expect(screen.getByText('加入社群')).toBeTruthy();

  fireEvent.click(screen.getByText('撤回申请'));
  await waitFor(() => expect(screen.queryByText('周末跑团')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤回申请' }));
  expect(screen.getByText('未通过')).toBeTruthy();
});

test('back on 首页 after my request was approved: the community is there', async () => {
  let approved = false;
  mockApi({
    'GET /api/me': () => ({
      body: approved
        ? { user: testUser, memberships: [membership('c1', '早起读书会', 'member', false)], joinRequests: [] }
        : { user: testUser, memberships: [], joinRequests: [myRequest({ communityName: '早起读书会' })] },
    }),
    'GET /api/communities/c1': { body: communityView() },
  });
  render(<IndexPage />);
  await screen.findByText('待审核');

  approved = true;
  await act(() => taroTest.fireDidShow());
  await screen.findByText('欢迎加入「早起读书会」');
});

test('shows the community I picked, not just my first one', async () => {
  signInForTest({ currentCommunityId: 'c2' });
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'member'), membership('c2', '周末跑团', 'owner')),
    'GET /api/communities/c2': {
      body: communityView({ id: 'c2', name: '周末跑团', goal: '每周末一起跑十公里' }),
    },
  });
  render(<IndexPage />);
  await screen.findByText('每周末一起跑十公里');
  await waitFor(() => expect(requestCalls().map((c) => c.url)).not.toContain('/api/communities/c1'));
});
