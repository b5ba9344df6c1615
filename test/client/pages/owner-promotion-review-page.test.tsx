import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PromotionReviewItemView } from '@/domain/contract/promotions';
import PromotionReviewPage from '@/owner/promotion-review/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'admin')] });
});

const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000);

function reviewItem(overrides: Partial<PromotionReviewItemView> = {}): PromotionReviewItemView {
  return {
    id: 'r1',
    communityId: 'c1',
    slot: {
      id: 's1',
      startsAt: inTwoDays.toISOString(),
      endsAt: new Date(inTwoDays.getTime() + 30 * 60_000).toISOString(),
      places: 3,
      remaining: 3,
      closed: false,
      source: 'schedule',
    },
    author: { id: 'u5', nickname: '小周', avatarUrl: null },
    title: '公众号涨粉复盘',
    content: '一年从0到1万粉的经验',
    link: 'https://example.com/article',
    imageUrl: null,
    category: '文章',
    status: 'pending',
    rejectReason: null,
    decidedAt: null,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    joinedAt: '2026-09-01T00:00:00.000Z',
    lastApprovedSlotStartsAt: null,
    contentVerdict: '通过内容安全检查和群规检查',
    ...overrides,
  };
}

test('通过 names the version on screen; when the author edited meanwhile, the new version is shown, marked, to review again', async () => {
  let current = reviewItem();
  mockApi({
    'GET /api/communities/c1/promotion-review': () => ({ body: [current] }),
    'POST /api/promotion-requests/r1/approve': () => {
      // The author saved an edit after this screen loaded.
      current = reviewItem({ version: 2, title: '课程限时优惠', link: 'https://example.com/buy' });
      return {
        status: 409,
        body: { code: 'PROMOTION_CHANGED', message: '作者刚刚修改了这条推广申请，请查看最新内容后再审核' },
      };
    },
  });
  render(<PromotionReviewPage />);
  await screen.findByText('公众号涨粉复盘');

  fireEvent.click(screen.getByText('通过'));
  await screen.findByText('课程限时优惠');
  const approve = requestCalls().find((call) => call.url.endsWith('/approve'));
  expect(approve?.data).toEqual({ version: 1 });
  expect(Taro.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: '作者刚刚修改了这条推广申请，请查看最新内容后再审核' }),
  );
  expect(screen.getByText('作者刚刚修改了这条申请，下面是最新内容（第 2 版），请重新审核')).toBeTruthy();
  expect(screen.queryByText('公众号涨粉复盘')).toBeNull();
});

test('不通过 sends the reason with the version on screen', async () => {
  mockApi({
    'GET /api/communities/c1/promotion-review': { body: [reviewItem({ version: 3 })] },
    'POST /api/promotion-requests/r1/reject': { body: { ...reviewItem({ version: 3 }), status: 'rejected' } },
  });
  render(<PromotionReviewPage />);
  await screen.findByText('公众号涨粉复盘');
  fireEvent.click(screen.getByText('不通过'));
  fireEvent.change(document.querySelector('.field--reason input') as Element, {
    target: { value: '这周位置已满' },
  });
  fireEvent.click(screen.getByText('确认不通过'));
  await waitFor(() =>
    expect(requestCalls().find((call) => call.url.endsWith('/reject'))?.data).toEqual({
      reason: '这周位置已满',
      version: 3,
    }),
  );
});

test('a disabled decision says why: 通过 on a full slot, 确认不通过 without a reason', async () => {
  const full = reviewItem();
  full.slot = { ...full.slot, remaining: 0 };
  mockApi({ 'GET /api/communities/c1/promotion-review': { body: [full] } });
  render(<PromotionReviewPage />);
  await screen.findByText('公众号涨粉复盘');
  expect((screen.getByText('通过') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('这个时段已满')).toBeTruthy();

  fireEvent.click(screen.getByText('不通过'));
  expect((screen.getByText('确认不通过') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('请写下不通过的原因')).toBeTruthy();
  fireEvent.change(document.querySelector('.field--reason input') as Element, {
    target: { value: '这周位置已满' },
  });
  expect((screen.getByText('确认不通过') as HTMLButtonElement).disabled).toBe(false);
  expect(screen.queryByText('请写下不通过的原因')).toBeNull();
});
