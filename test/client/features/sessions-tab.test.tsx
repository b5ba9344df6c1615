import { fireEvent, render, screen } from '@testing-library/react';
import type { SessionSummaryView } from '@/domain/contract/sessions';
import SessionsPage from '@/pages/sessions/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi } from '../support/mock-api';

function summary(overrides: Partial<SessionSummaryView>): SessionSummaryView {
  return {
    id: 's1',
    communityId: 'c1',
    title: '15分钟：切水果做蛋糕装饰',
    startsAt: '2030-11-28T12:00:00.000Z',
    durationMinutes: 15,
    mode: 'online',
    seriesId: null,
    seriesLabel: null,
    hostNickname: '王小雪',
    capacity: 4,
    confirmedCount: 4,
    seatsLeft: 0,
    waitlistCount: 2,
    tags: ['烘焙'],
    status: 'scheduled',
    mySignup: null,
    ...overrides,
  };
}

const sessions = [
  summary({
    mySignup: {
      status: 'waitlisted',
      guests: 0,
      minGuests: null,
      position: 2,
      offerExpiresAt: null,
      checkedIn: false,
      feedback: null,
      heldBack: false,
    },
  }),
  summary({
    id: 's2',
    title: 'PPT 新手课：标题层级怎么写',
    startsAt: '2030-11-30T12:00:00.000Z',
    seriesId: '7d3c3c5e-2222-4a2b-9a59-3f0c6b1d2e02',
    seriesLabel: '每两周',
    seatsLeft: 29,
    waitlistCount: 0,
    tags: ['PPT'],
  }),
];

function meAs(role: 'member' | 'secretary') {
  return { body: { user: testUser, memberships: [membership('c1', '早起读书会', role)] } };
}

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

test('lists upcoming sessions by day with seats left or the waitlist, my position, and filters by tag', async () => {
  mockApi({
    'GET /api/me': meAs('member'),
    'GET /api/communities/c1': { body: communityView() },
    'GET /api/communities/c1/sessions': { body: { items: sessions, nextCursor: null } },
    'GET /api/communities/c1/sessions?tag=PPT': { body: { items: [sessions[1]], nextCursor: null } },
  });
  const { container } = render(<SessionsPage />);
  await screen.findByText('15分钟：切水果做蛋糕装饰');
  expect(Array.from(container.querySelectorAll('.session-day')).map((el) => el.textContent)).toEqual([
    '11月28日 星期四',
    '11月30日 星期六',
  ]);
  expect(screen.getByText('已满 · 候补 2 人')).toBeTruthy();
  // 候补 wears the waitlist colour, not the confirmed green of 已报名.
  expect(screen.getByText('候补第 2 位').className).toBe('signup-status signup-status--waitlisted');
  expect(screen.getByText('剩 29 个名额')).toBeTruthy();
  // Only the date of a series carries its mark.
  expect(Array.from(container.querySelectorAll('.session-card__series')).map((el) => el.textContent)).toEqual(
    ['每两周'],
  );
  expect(screen.queryByText('安排活动')).toBeNull();

  fireEvent.click(screen.getByText('#PPT', { selector: '.session-chip' }));
  await screen.findByText('PPT 新手课：标题层级怎么写');
  expect(screen.queryByText('15分钟：切水果做蛋糕装饰')).toBeNull();

  fireEvent.click(screen.getByText('PPT 新手课：标题层级怎么写'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/session/index?id=s2' });
});

test('an empty list tells the secretary what to do next', async () => {
  mockApi({
    'GET /api/me': meAs('secretary'),
    'GET /api/communities/c1': { body: communityView({ myRole: 'secretary' }) },
    'GET /api/communities/c1/sessions': { body: { items: [], nextCursor: null } },
  });
  render(<SessionsPage />);
  await screen.findByText(/还没有即将开始的活动/);
  fireEvent.click(screen.getByText('安排活动', { selector: '.session-schedule-empty' }));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/session-editor/index' });
});
