import { fireEvent, render, screen } from '@testing-library/react';
import type { TipCardView } from '@/domain/contract/tips';
import TagPage from '@/member/tag/index';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1' });
  taroTest.setRouter('/member/tag/index', { tag: encodeURIComponent('烘焙') });
});

const bakingTip = (overrides: Partial<TipCardView> = {}) =>
  tipCard(7, {
    title: '戚风蛋糕不塌的小窍门',
    body: '倒扣放凉\n至少两小时',
    minutes: 5,
    tryCount: 2,
    ...overrides,
  });

const tagTipsUrl = `/api/communities/c1/tips?tag=${encodeURIComponent('烘焙')}`;
const tagMembersUrl = `/api/communities/c1/tags/members?tag=${encodeURIComponent('烘焙')}`;

test('lists the tips carrying the tag, and a tap opens the tip', async () => {
  mockApi({
    [`GET ${tagMembersUrl}`]: { body: [] },
    [`GET ${tagTipsUrl}`]: { body: { items: [bakingTip()], nextCursor: null } },
  });
  render(<TagPage />);

  fireEvent.click(await screen.findByText('戚风蛋糕不塌的小窍门'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/tip/index?id=t7' });
  expect(requestCalls().map((call) => call.url)).toContain(tagTipsUrl);
});

test('says so when no tip carries the tag yet', async () => {
  mockApi({
    [`GET ${tagMembersUrl}`]: { body: [] },
    [`GET ${tagTipsUrl}`]: { body: { items: [], nextCursor: null } },
  });
  render(<TagPage />);
  expect(await screen.findByText('还没有 #烘焙 的技巧')).toBeTruthy();
});

test('a failed tips section offers a retry that works', async () => {
  let answers = 0;
  mockApi({
    [`GET ${tagMembersUrl}`]: { body: [] },
    [`GET ${tagTipsUrl}`]: () =>
      ++answers === 1
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: { items: [bakingTip()], nextCursor: null } },
  });
  render(<TagPage />);
  await screen.findByText('服务暂时不可用，请稍后再试');
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('戚风蛋糕不塌的小窍门');
});
