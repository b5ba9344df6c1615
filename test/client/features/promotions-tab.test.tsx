import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type {
  PromotionEligibilityView,
  PromotionRequestView,
  PromotionRulesView,
  PromotionSlotView,
} from '@/domain/contract/promotions';
import PromotionRequestPage from '@/member/promotion-request/index';
import ReportPage from '@/member/report/index';
import PromotionsPage from '@/pages/promotions/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const rules: PromotionRulesView = {
  minTenureDays: 7,
  windowDays: 30,
  approvedPerWindow: 1,
  earnedExtraPerWindow: 1,
  pendingMax: 1,
  weeksOpen: 4,
  schedule: [{ weekday: 5, startTime: '20:00', durationMinutes: 30, places: 3 }],
};

const slot: PromotionSlotView = {
  id: 's1',
  startsAt: '2026-11-27T12:00:00.000Z',
  endsAt: '2026-11-27T12:30:00.000Z',
  places: 3,
  remaining: 2,
  closed: false,
  source: 'schedule',
};

const eligible: PromotionEligibilityView = {
  eligible: true,
  problems: [],
  eligibleFrom: null,
  allowance: 1,
  usedInWindow: 0,
  earnedExtra: null,
  joinedAt: '2026-09-01T00:00:00.000Z',
};

function requestView(overrides: Partial<PromotionRequestView> = {}): PromotionRequestView {
  return {
    id: 'r1',
    communityId: 'c1',
    slot,
    author: testUser,
    title: '周末烘焙小班',
    content: '从戚风蛋糕做起',
    link: null,
    imageUrl: null,
    category: '课程',
    status: 'pending',
    rejectReason: null,
    decidedAt: null,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function mockTab(
  eligibility: PromotionEligibilityView,
  mine: PromotionRequestView[] = [],
  more: Parameters<typeof mockApi>[0] = {},
) {
  mockApi({
    'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'member')] } },
    'GET /api/communities/c1/promotion-rules': { body: rules },
    'GET /api/communities/c1/promotion-eligibility': { body: eligibility },
    'GET /api/communities/c1/promotion-slots': { body: [slot] },
    'GET /api/communities/c1/promotion-board': { body: { current: [], upcoming: [] } },
    'GET /api/communities/c1/promotion-requests/mine': { body: mine },
    'POST /api/communities/c1/promotion-requests': { status: 201, body: requestView() },
    ...more,
  });
}

function type(name: string, value: string) {
  const input = document.querySelector(`.field--${name} input, .field--${name} textarea`) as Element;
  fireEvent.change(input, { target: { value } });
}

beforeEach(() => {
  taroTest.reset();
  signInForTest({ memberships: [membership('c1', '早起读书会', 'member')], currentCommunityId: 'c1' });
});

/** Taps the slot on the 推广 tab, then opens the page it leads to, as WeChat would. */
async function requestFirstSlot() {
  const tab = render(<PromotionsPage />);
  fireEvent.click(await screen.findByText('11月27日 周五 20:00-20:30'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/promotion-request/index?slot=s1' });
  tab.unmount();
  taroTest.setRouter('/member/promotion-request/index', { slot: 's1' });
  render(<PromotionRequestPage />);
  await screen.findByText('提交申请');
}

test('a new member sees exactly why and from when, and is not sent to the form', async () => {
  mockTab({
    ...eligible,
    eligible: false,
    eligibleFrom: '2026-12-01T02:00:00.000Z',
    problems: [
      {
        reason: 'tenure',
        message: '入群满 7 天才能申请推广，12月1日 10:00 起可以申请',
        eligibleFrom: '2026-12-01T02:00:00.000Z',
      },
    ],
  });
  render(<PromotionsPage />);
  await screen.findByText('入群满 7 天才能申请推广，12月1日 10:00 起可以申请');
  fireEvent.click(screen.getByText('11月27日 周五 20:00-20:30'));
  expect(Taro.navigateTo).not.toHaveBeenCalled();
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '暂时不能申请，原因见上方', icon: 'none' });
  expect(screen.getByText('满足上方条件后，点一个时段申请推广')).toBeTruthy();
  expect(screen.getByText('剩 2/3 个名额')).toBeTruthy();
  expect(screen.queryByText('推广审核')).toBeNull();
});

test('an eligible member picks a slot, fills the form and submits; our content rules block a QR code first', async () => {
  mockTab(eligible);
  await requestFirstSlot();
  type('title', '周末烘焙小班');
  type('content', '扫码报名');
  expect(screen.getByText('不能让人扫码（「扫码」）')).toBeTruthy();
  const submit = screen.getByText('提交申请') as HTMLButtonElement;
  expect(submit.disabled).toBe(true);

  type('content', '从戚风蛋糕做起');
  fireEvent.click(screen.getByText('课程'));
  fireEvent.click(submit);
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交，等待审核', icon: 'success' }),
  );
  expect(Taro.navigateBack).toHaveBeenCalled();
  const post = requestCalls().find((call) => call.method === 'POST');
  expect(post?.data).toEqual({
    slotId: 's1',
    title: '周末烘焙小班',
    content: '从戚风蛋糕做起',
    category: '课程',
  });
});

test('attaches a picture: uploaded when chosen, sent with the request', async () => {
  mockTab(eligible);
  await requestFirstSlot();
  type('title', '周末烘焙小班');
  type('content', '从戚风蛋糕做起');
  fireEvent.click(screen.getByText('添加图片（可选）'));
  await screen.findByText('换一张图片');
  expect(Taro.uploadFile).toHaveBeenCalledWith(
    expect.objectContaining({
      url: '/api/uploads',
      filePath: 'wxfile://tmp/photo.jpg',
      name: 'file',
      formData: { use: 'promotion' },
    }),
  );
  expect(document.querySelector('.promotion-image-picker img')?.getAttribute('src')).toBe('/api/uploads/u1');

  fireEvent.click(screen.getByText('提交申请'));
  await waitFor(() => expect(requestCalls().some((call) => call.method === 'POST')).toBe(true));
  const post = requestCalls().find((call) => call.method === 'POST');
  expect(post?.data).toMatchObject({ title: '周末烘焙小班', imageUploadId: 'u1' });
});

test('says a picture is being checked while only I can see it', async () => {
  mockTab(eligible);
  jest.mocked(Taro.uploadFile).mockResolvedValueOnce({
    statusCode: 201,
    data: JSON.stringify({ id: 'u2', url: '/api/uploads/u2?key=preview' }),
  } as never);
  await requestFirstSlot();
  fireEvent.click(screen.getByText('添加图片（可选）'));
  expect(await screen.findByText('图片审核中，通过后其他成员才能看到')).toBeTruthy();
});

test('shows my requests with their status and the reason of a refusal', async () => {
  mockTab(eligible, [
    requestView({ id: 'r2', title: '涨粉复盘', status: 'approved' }),
    requestView({ id: 'r3', title: '拼团', status: 'rejected', rejectReason: '和社群主题无关' }),
  ]);
  render(<PromotionsPage />);
  await screen.findByText('涨粉复盘');
  expect(screen.getByText('已通过')).toBeTruthy();
  expect(screen.getByText('未通过')).toBeTruthy();
  expect(screen.getByText('原因：和社群主题无关')).toBeTruthy();
});

test("a member reports someone else's promotion on the board, not their own, on the 举报 page", async () => {
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
  mockApi({
    'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'member')] } },
    'GET /api/communities/c1/promotion-rules': { body: rules },
    'GET /api/communities/c1/promotion-eligibility': { body: eligible },
    'GET /api/communities/c1/promotion-slots': { body: [slot] },
    'GET /api/communities/c1/promotion-board': {
      body: {
        current: [
          requestView({ id: 'p1', status: 'approved', title: '我的烘焙课' }),
          requestView({
            id: 'p2',
            status: 'approved',
            title: '稳赚理财群',
            author: { id: 'u8', nickname: '阿强', avatarUrl: null },
          }),
        ],
        upcoming: [],
      },
    },
    'GET /api/communities/c1/promotion-requests/mine': { body: [] },
    'POST /api/communities/c1/reports': {
      status: 201,
      body: { id: 'rep1', status: 'open', createdAt: '2026-11-20T00:00:00.000Z' },
    },
  });
  const tab = render(<PromotionsPage />);
  await screen.findByText('稳赚理财群');
  const reports = document.querySelectorAll('.promotion-report');
  expect(reports).toHaveLength(1);
  fireEvent.click(reports[0]!);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/member/report/index?communityId=c1&targetKind=promotion&targetId=p2',
  });
  tab.unmount();
  taroTest.setRouter('/member/report/index', { communityId: 'c1', targetKind: 'promotion', targetId: 'p2' });
  render(<ReportPage />);
  expect(screen.getByText('举报这条推广')).toBeTruthy();
  type('report-reason', '像是诈骗');
  fireEvent.click(screen.getByText('提交举报'));
  await waitFor(() =>
    expect(requestCalls().find((call) => call.method === 'POST')).toMatchObject({
      url: '/api/communities/c1/reports',
      data: { targetKind: 'promotion', targetId: 'p2', reason: '像是诈骗' },
    }),
  );
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
});

test('the 举报 page without a known target says so instead of a form', () => {
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
  mockApi({
    'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'member')] } },
  });
  taroTest.setRouter('/member/report/index', { communityId: 'c1', targetKind: 'user', targetId: 'u8' });
  render(<ReportPage />);
  expect(screen.getByText('找不到要举报的内容，请返回后再试。')).toBeTruthy();
  expect(screen.queryByText('提交举报')).toBeNull();
});

test('修改 on a pending request opens it in the form, filled in, and saving updates that request', async () => {
  mockTab(eligible, [requestView()], {
    'PATCH /api/promotion-requests/r1': { body: requestView({ title: '周末烘焙小班·改' }) },
  });
  const tab = render(<PromotionsPage />);
  fireEvent.click(await screen.findByText('修改'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/member/promotion-request/index?slot=s1&request=r1',
  });
  tab.unmount();
  taroTest.setRouter('/member/promotion-request/index', { slot: 's1', request: 'r1' });
  render(<PromotionRequestPage />);
  await screen.findByDisplayValue('周末烘焙小班');
  type('title', '周末烘焙小班·改');
  fireEvent.click(screen.getByText('保存修改'));
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(requestCalls().find((call) => call.method === 'PATCH')?.data).toMatchObject({
    title: '周末烘焙小班·改',
  });
});

test('opened directly (a deep link or a refresh), the 群主 gets 推广审核 and 推广规则 as soon as /api/me answers', async () => {
  signInForTest({ memberships: null, currentCommunityId: 'c1' });
  mockTab(eligible, [], {
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c1', '早起读书会', 'owner')], joinRequests: [] },
    },
  });
  const { container } = render(<PromotionsPage />);
  expect(await screen.findByText('推广审核')).toBeTruthy();
  expect(container.querySelector('.promotion-rules-entry')?.textContent).toBe('推广规则');
});

test('without a community, 推广 offers what to do next: 创建社群 or 加入社群', async () => {
  signInForTest({ memberships: [], joinRequests: [], currentCommunityId: null });
  mockApi({ 'GET /api/me': { body: { user: testUser, memberships: [], joinRequests: [] } } });
  render(<PromotionsPage />);
  expect(await screen.findByText('创建社群')).toBeTruthy();
  expect(screen.getByText('加入社群')).toBeTruthy();
});
