import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { JoinRequestView } from '@/domain/contract/joining';
import type { PromotionRequestView, PromotionReviewItemView } from '@/domain/contract/promotions';
import type { SessionSummaryView } from '@/domain/contract/sessions';
import type { TipCardView } from '@/domain/contract/tips';
import IndexPage from '@/pages/index/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, type Reply, type RequestCall, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

const inAnHour = () => new Date(Date.now() + 60 * 60_000).toISOString();

const writingTip = (overrides: Partial<TipCardView> = {}) =>
  tipCard(1, {
    title: '三分钟写出爆款标题',
    body: '先写痛点\n再写结果',
    tags: ['写作'],
    tryCount: 4,
    ...overrides,
  });

function session(overrides: Partial<SessionSummaryView> = {}): SessionSummaryView {
  return {
    id: 's1',
    communityId: 'c1',
    title: '15分钟：手机拍出好封面',
    startsAt: '2030-11-28T12:00:00.000Z',
    durationMinutes: 15,
    mode: 'online',
    seriesId: null,
    seriesLabel: null,
    hostNickname: '王小雪',
    capacity: 4,
    confirmedCount: 1,
    seatsLeft: 3,
    waitlistCount: 0,
    tags: [],
    status: 'scheduled',
    mySignup: null,
    ...overrides,
  };
}

function promotion(overrides: Partial<PromotionRequestView> = {}): PromotionRequestView {
  return {
    id: 'p1',
    communityId: 'c1',
    slot: {
      id: 'slot1',
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      endsAt: inAnHour(),
      places: 3,
      remaining: 2,
      closed: false,
      source: 'schedule',
    },
    author: testUser,
    title: '周末烘焙小班',
    content: '从戚风蛋糕做起',
    link: null,
    imageUrl: null,
    category: '课程',
    status: 'approved',
    rejectReason: null,
    decidedAt: null,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function reviewItem(id: string): PromotionReviewItemView {
  return {
    ...promotion({ id, status: 'pending' }),
    joinedAt: '2026-09-01T00:00:00.000Z',
    lastApprovedSlotStartsAt: null,
    contentVerdict: '通过',
  };
}

function joinRequest(id: string): JoinRequestView {
  return {
    id,
    communityId: 'c1',
    user: { id: `u-${id}`, nickname: '阿青', avatarUrl: null },
    inviter: null,
    via: 'invite_code',
    note: '',
    status: 'pending',
    reason: '',
    createdAt: '2026-11-20T00:00:00.000Z',
    decidedAt: null,
  };
}

type Routes = Record<string, Reply | ((call: RequestCall) => Reply)>;

/** 首页 of 早起读书会 for `role`, with the newest tip, two sessions (the first full) and a promotion on now. */
function mockHome(role: 'owner' | 'admin' | 'secretary' | 'member', overrides: Routes = {}) {
  mockApi({
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c1', '早起读书会', role)], joinRequests: [] },
    },
    'GET /api/communities/c1': { body: communityView({ myRole: role }) },
    'GET /api/communities/c1/tips?sort=latest': {
      body: { items: [writingTip(), writingTip({ id: 't2', title: '更早的技巧' })], nextCursor: null },
    },
    'GET /api/communities/c1/sessions': {
      body: {
        items: [session({ id: 's0', title: '已经满员的活动', seatsLeft: 0, confirmedCount: 4 }), session()],
        nextCursor: null,
      },
    },
    'GET /api/communities/c1/promotion-board': { body: { current: [promotion()], upcoming: [] } },
    'GET /api/communities/c1/weekly-digests/latest': { body: { latest: null } },
    'GET /api/communities/c1/tips/manage?status=suggested': {
      body: [writingTip({ id: 's1', status: 'suggested' }), writingTip({ id: 's2', status: 'suggested' })],
    },
    'GET /api/communities/c1/promotion-review': { body: [reviewItem('r1')] },
    'GET /api/communities/c1/join-requests': {
      body: [joinRequest('j1'), joinRequest('j2'), joinRequest('j3')],
    },
    ...overrides,
  });
}

function follows(earlier: Element, later: Element): boolean {
  return Boolean(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING);
}

test("shows the goal first, then today's tip, then the next session with seats left", async () => {
  mockHome('member');
  render(<IndexPage />);

  const goal = await screen.findByText('每天早起读书三十分钟');
  const tip = await screen.findByText('三分钟写出爆款标题');
  const next = await screen.findByText('15分钟：手机拍出好封面');
  expect(follows(goal, tip)).toBe(true);
  expect(follows(tip, next)).toBe(true);
  // Only the newest tip, and a full session is not the next one to join.
  expect(screen.queryByText('更早的技巧')).toBeNull();
  expect(screen.queryByText('已经满员的活动')).toBeNull();
  expect(screen.getByText('剩 3 个名额')).toBeTruthy();
  expect(await screen.findByText('周末烘焙小班')).toBeTruthy();

  fireEvent.click(tip);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/tip/index?id=t1' });
  fireEvent.click(next);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/session/index?id=s1' });
});

test('the owner sees what waits for review, each count opening its queue', async () => {
  mockHome('owner');
  render(<IndexPage />);

  const suggestions = await screen.findByText('2 条投稿待审核');
  expect(screen.getByText('1 个推广申请待审核')).toBeTruthy();
  fireEvent.click(suggestions);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/tip-review/index' });
  fireEvent.click(screen.getByText('1 个推广申请待审核'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/promotion-review/index' });
  fireEvent.click(screen.getByText('3 个入群申请待审核'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/join-requests/index' });
});

test('an admin reaches the join requests, the dashboard and 新人欢迎 from 首页', async () => {
  mockHome('admin');
  render(<IndexPage />);

  fireEvent.click(await screen.findByText('社群看板'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/dashboard/index' });
  fireEvent.click(screen.getByText('新人欢迎'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/welcome/index' });
  // Also with nothing waiting, the queue of join requests is one tap away.
  fireEvent.click(screen.getByText('入群申请'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/join-requests/index' });
});

test('a member sees no waiting counts, and the review queues are not even asked for', async () => {
  mockHome('member');
  render(<IndexPage />);
  await screen.findByText('三分钟写出爆款标题');

  expect(screen.queryByText('待处理')).toBeNull();
  expect(screen.queryByText(/待审核/)).toBeNull();
  expect(screen.queryByText('群主工具')).toBeNull();
  const urls = requestCalls().map((call) => call.url);
  expect(urls).not.toContain('/api/communities/c1/promotion-review');
  expect(urls).not.toContain('/api/communities/c1/join-requests');
  expect(urls).not.toContain('/api/communities/c1/tips/manage?status=suggested');
});

test('nothing waiting, no tips, no sessions and no promotion today: the sections stay out of the way', async () => {
  mockHome('admin', {
    'GET /api/communities/c1/tips?sort=latest': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/sessions': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/promotion-board': { body: { current: [], upcoming: [] } },
    'GET /api/communities/c1/tips/manage?status=suggested': { body: [] },
    'GET /api/communities/c1/promotion-review': { body: [] },
    'GET /api/communities/c1/join-requests': { body: [] },
  });
  const { container } = render(<IndexPage />);
  await screen.findByText('每天早起读书三十分钟');
  await waitFor(() => expect(container.querySelector('.skeleton')).toBeNull());

  expect(screen.queryByText('今日技巧')).toBeNull();
  expect(screen.queryByText('下一场活动')).toBeNull();
  expect(screen.queryByText('今日推广')).toBeNull();
  expect(screen.queryByText('待处理')).toBeNull();
  expect(container.querySelector('.load-error')).toBeNull();
});

test('a section that fails shows a retry that reloads it, the rest of 首页 stays', async () => {
  let tipAnswers = 0;
  mockHome('member', {
    'GET /api/communities/c1/tips?sort=latest': () =>
      ++tipAnswers === 1
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: { items: [writingTip()], nextCursor: null } },
  });
  render(<IndexPage />);

  await screen.findByText('服务暂时不可用，请稍后再试');
  expect(screen.getByText('15分钟：手机拍出好封面')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('三分钟写出爆款标题');
});

test('pull-down refresh reloads every section', async () => {
  let tipTitle = '旧技巧';
  let waiting = 1;
  mockHome('owner', {
    'GET /api/communities/c1/tips?sort=latest': () => ({
      body: { items: [writingTip({ title: tipTitle })], nextCursor: null },
    }),
    'GET /api/communities/c1/promotion-review': () => ({
      body: Array.from({ length: waiting }, (_, index) => reviewItem(`r${index}`)),
    }),
  });
  render(<IndexPage />);
  await screen.findByText('旧技巧');
  await screen.findByText('1 个推广申请待审核');

  tipTitle = '新技巧';
  waiting = 3;
  await act(() => taroTest.firePullDownRefresh());
  await screen.findByText('新技巧');
  await screen.findByText('3 个推广申请待审核');
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
});

test('the latest shared 本周群周报 is one tap from 首页, above today’s tip', async () => {
  mockHome('member', {
    'GET /api/communities/c1/weekly-digests/latest': {
      body: {
        latest: {
          weekStart: '2026-11-23',
          weekLabel: '11月23日-11月29日',
          sharedAt: '2026-11-27T12:00:00.000Z',
        },
      },
    },
  });
  render(<IndexPage />);

  const entry = await screen.findByText('本周群周报 · 11月23日-11月29日 ›');
  expect(follows(entry, await screen.findByText('三分钟写出爆款标题'))).toBe(true);
  fireEvent.click(entry);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/weekly-digest/index?week=2026-11-23' });
});

test('an admin previews this week’s digest from 群主工具', async () => {
  mockHome('admin');
  render(<IndexPage />);

  fireEvent.click(await screen.findByText('本周群周报'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/weekly-digest/index' });
});
