import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import IndexPage from '@/pages/index/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { mockApi, requestCalls } from '../support/mock-api';
import { membership, signInForTest, testUser } from '../support/session';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

function meWith(...memberships: ReturnType<typeof membership>[]) {
  return { body: { user: testUser, memberships } };
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
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/community-create/index' });
  fireEvent.click(screen.getByText('加入社群'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/community-join/index' });
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

test('sharing the community opens the join page with the invite code', async () => {
  mockApi({
    'GET /api/me': meWith(membership('c1', '早起读书会', 'admin')),
    'GET /api/communities/c1': { body: communityView({ myRole: 'admin', inviteCode: 'K7M2QX' }) },
  });
  render(<IndexPage />);
  await screen.findByText('每天早起读书三十分钟');

  const [card] = await taroTest.shareAppMessage();
  expect(card).toEqual({
    title: '邀请你加入「早起读书会」：每天早起读书三十分钟',
    path: '/pages/community-join/index?code=K7M2QX',
  });
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
