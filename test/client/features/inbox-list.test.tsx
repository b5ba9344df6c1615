import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InboxMessageView, InboxPage } from '@/domain/contract/notifications';
import { InboxList } from '@/features/inbox/components/inbox-list';
import { useLoginSession } from '@/lib/login-session';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

function message(id: string, overrides: Partial<InboxMessageView> = {}): InboxMessageView {
  return {
    id,
    communityId: 'c1',
    communityName: '周末跑团',
    kind: 'session_reminder',
    title: `活动提醒：周六晨跑 ${id}`,
    body: '周六晨跑明天 07:00 开始，别忘了。',
    link: `/member/session/index?id=s-${id}`,
    createdAt: new Date().toISOString(),
    read: false,
    ...overrides,
  };
}

const page = (items: InboxMessageView[], unreadCount: number, nextCursor: string | null = null) => ({
  body: { items, unreadCount, nextCursor } satisfies InboxPage,
});

test('shows a skeleton, then my messages with their kind, community and the unread count', async () => {
  mockApi({
    'GET /api/me/inbox': page(
      [message('m1'), message('m2', { kind: 'promotion_rejected', title: '推广未通过', read: true })],
      1,
    ),
  });
  render(<InboxList />);
  expect(document.querySelector('.skeleton')).toBeTruthy();

  await screen.findByText('活动提醒：周六晨跑 m1');
  expect(screen.getByText('1 条未读')).toBeTruthy();
  expect(screen.getByText('活动提醒')).toBeTruthy();
  expect(screen.getByText('推广未通过', { selector: '.inbox-message__kind' })).toBeTruthy();
  expect(document.querySelectorAll('.inbox-message--unread')).toHaveLength(1);
});

test('tapping an unread message marks it read and opens its page', async () => {
  mockApi({
    'GET /api/me/inbox': page([message('m1')], 1),
    'POST /api/me/inbox/m1/read': { body: { unreadCount: 0 } },
  });
  render(<InboxList />);

  fireEvent.click(await screen.findByText('活动提醒：周六晨跑 m1'));

  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/session/index?id=s-m1' }));
  expect(requestCalls().some((call) => call.method === 'POST' && call.url === '/api/me/inbox/m1/read')).toBe(
    true,
  );
  expect(document.querySelector('.inbox-message--unread')).toBeNull();
  expect(screen.getByText('全部已读', { selector: '.inbox-unread-count' })).toBeTruthy();
});

test('a message of another of my communities makes it the current one before opening its page', async () => {
  signInForTest({ currentCommunityId: 'c1' });
  mockApi({
    'GET /api/me/inbox': page([message('m3', { communityId: 'c2', link: '/owner/join-requests/index' })], 0),
    'POST /api/me/inbox/m3/read': { body: { unreadCount: 0 } },
  });
  render(<InboxList />);
  fireEvent.click(await screen.findByText('活动提醒：周六晨跑 m3'));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/join-requests/index' }));
  expect(useLoginSession.getState().currentCommunityId).toBe('c2');
});

test('a message pointing at a tab page switches to that tab', async () => {
  mockApi({
    'GET /api/me/inbox': page([message('m1', { link: '/pages/sessions/index?tab=mine', read: true })], 0),
  });
  render(<InboxList />);

  fireEvent.click(await screen.findByText('活动提醒：周六晨跑 m1'));

  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/sessions/index' }));
  expect(requestCalls().filter((call) => call.method === 'POST')).toHaveLength(0);
});

test('全部已读 clears every unread mark', async () => {
  mockApi({
    'GET /api/me/inbox': page([message('m1'), message('m2')], 2),
    'POST /api/me/inbox/read-all': { body: { unreadCount: 0 } },
  });
  render(<InboxList />);

  fireEvent.click(await screen.findByText('全部已读'));

  await waitFor(() => expect(document.querySelector('.inbox-message--unread')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已全部标为已读', icon: 'none' });
});

test('加载更多 appends the next page', async () => {
  mockApi({
    'GET /api/me/inbox': page([message('m1')], 2, 'cursor-1'),
    'GET /api/me/inbox?cursor=cursor-1': page([message('m2')], 2),
  });
  render(<InboxList />);

  fireEvent.click(await screen.findByText('加载更多'));

  await screen.findByText('活动提醒：周六晨跑 m2');
  expect(screen.getByText('活动提醒：周六晨跑 m1')).toBeTruthy();
  expect(screen.queryByText('加载更多')).toBeNull();
});

test('says what to do when there are no messages', async () => {
  mockApi({ 'GET /api/me/inbox': page([], 0) });
  render(<InboxList />);
  await screen.findByText('还没有消息');
});

test('shows the error with 重试, and pull-down refresh loads again', async () => {
  let fail = true;
  mockApi({
    'GET /api/me/inbox': () =>
      fail
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : page([message('m1')], 1),
  });
  render(<InboxList />);

  await screen.findByText('服务暂时不可用，请稍后再试');
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('活动提醒：周六晨跑 m1');

  await act(() => taroTest.firePullDownRefresh());
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
});
