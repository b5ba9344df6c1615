import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { JoinRequestView } from '@/domain/contract/joining';
import JoinRequestsPage from '@/owner/join-requests/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'admin')] });
});

const queueUrl = 'GET /api/communities/c1/join-requests';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function joinRequest(overrides: Partial<JoinRequestView> = {}): JoinRequestView {
  return {
    id: 'j1',
    communityId: 'c1',
    user: { id: 'u5', nickname: '小周', avatarUrl: null },
    inviter: null,
    via: 'invite_code',
    note: '',
    status: 'pending',
    reason: '',
    createdAt: minutesAgo(5),
    decidedAt: null,
    ...overrides,
  };
}

const threeRequests = [
  joinRequest({ note: '做小红书两年，想学写标题' }),
  joinRequest({
    id: 'j2',
    user: { id: 'u6', nickname: '小吴', avatarUrl: null },
    via: 'share_card',
    inviter: { id: 'u7', nickname: '阿青', avatarUrl: null },
  }),
  joinRequest({ id: 'j3', user: { id: 'u8', nickname: '小郑', avatarUrl: null }, via: 'share_card' }),
];

/** The queue as the server keeps it: decided requests leave it. */
function mockQueue(extra: Parameters<typeof mockApi>[0] = {}) {
  let queue = [...threeRequests];
  const decide = (id: string, status: JoinRequestView['status']) => {
    const decided = queue.find((r) => r.id === id)!;
    queue = queue.filter((r) => r.id !== id);
    return { body: { ...decided, status } };
  };
  mockApi({
    [queueUrl]: () => ({ body: queue }),
    'POST /api/join-requests/j1/approve': () => decide('j1', 'approved'),
    'POST /api/join-requests/j2/decline': () => decide('j2', 'declined'),
    ...extra,
  });
}

test('each request shows who, how they came, their note and when', async () => {
  mockQueue();
  render(<JoinRequestsPage />);

  await screen.findByText('小周');
  expect(screen.getByText('通过邀请码 · 5分钟前')).toBeTruthy();
  expect(screen.getByText('做小红书两年，想学写标题')).toBeTruthy();
  expect(screen.getByText('由 阿青 邀请 · 5分钟前')).toBeTruthy();
  expect(screen.getByText('通过分享卡片 · 5分钟前')).toBeTruthy();
});

test('通过 lets the newcomer in and takes the request off the queue', async () => {
  mockQueue();
  render(<JoinRequestsPage />);
  await screen.findByText('小周');

  fireEvent.click(screen.getAllByText('通过')[0]);
  await waitFor(() => expect(screen.queryByText('小周')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
  expect(screen.getByText('小吴')).toBeTruthy();
});

test('拒绝 asks for an optional reason; cancelling sends nothing, confirming sends the reason', async () => {
  mockQueue();
  render(<JoinRequestsPage />);
  await screen.findByText('小吴');

  fireEvent.click(screen.getAllByText('拒绝')[1]);
  await screen.findByText('拒绝「小吴」的入群申请');
  fireEvent.click(screen.getByText('取消'));
  expect(screen.queryByText('拒绝「小吴」的入群申请')).toBeNull();
  expect(requestCalls().some((c) => c.url.endsWith('/decline'))).toBe(false);

  fireEvent.click(screen.getAllByText('拒绝')[1]);
  fireEvent.change(document.querySelector('.field--decline-reason input') as HTMLInputElement, {
    target: { value: ' 本群只收本地的朋友 ' },
  });
  fireEvent.click(screen.getByText('确认拒绝'));
  await waitFor(() => expect(screen.queryByText('小吴')).toBeNull());
  expect(requestCalls().find((c) => c.url.endsWith('/decline'))?.data).toEqual({
    reason: '本群只收本地的朋友',
  });
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已拒绝' }));
});

test('a request another admin already decided: the message, and the queue as it is now', async () => {
  let answered = false;
  mockApi({
    [queueUrl]: () => ({ body: answered ? threeRequests.slice(1) : threeRequests }),
    'POST /api/join-requests/j1/approve': () => {
      answered = true;
      return { status: 409, body: { code: 'JOIN_REQUEST_DECIDED', message: '这条入群申请已经处理过了' } };
    },
  });
  render(<JoinRequestsPage />);
  fireEvent.click((await screen.findAllByText('通过'))[0]);

  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '这条入群申请已经处理过了' }),
    ),
  );
  await waitFor(() => expect(screen.queryByText('小周')).toBeNull());
});

test('an empty queue says so', async () => {
  mockApi({ [queueUrl]: { body: [] } });
  render(<JoinRequestsPage />);
  await screen.findByText('暂无入群申请');
});

test('skeleton while loading, then an error with a retry that works', async () => {
  let answers = 0;
  mockApi({
    [queueUrl]: () =>
      ++answers === 1
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: threeRequests },
  });
  const { container } = render(<JoinRequestsPage />);
  expect(container.querySelector('.skeleton')).not.toBeNull();

  fireEvent.click(await screen.findByText('重试'));
  await screen.findByText('小周');
});

test('pull-down refresh shows requests that arrived meanwhile', async () => {
  let queue = [threeRequests[0]];
  mockApi({ [queueUrl]: () => ({ body: queue }) });
  render(<JoinRequestsPage />);
  await screen.findByText('小周');

  queue = threeRequests;
  await act(() => taroTest.firePullDownRefresh());
  await screen.findByText('小吴');
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
});
