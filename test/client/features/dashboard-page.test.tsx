import { fireEvent, render, screen } from '@testing-library/react';
import type { DashboardView } from '@/domain/contract/dashboard';
import DashboardPage from '@/owner/dashboard/index';
import { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';

const weekStarts = [
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
];

function dashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    size: {
      memberCount: 42,
      capacity: 100,
      band: { min: 60, max: 100 },
      advice: '还差 18 人到推荐的 60-100 人，邀请志同道合的朋友吧',
      weeks: weekStarts.map((weekStart, index) => ({ weekStart, joined: index, left: index === 7 ? 2 : 0 })),
    },
    team: {
      admins: 2,
      secretaries: 1,
      recommended: { admin: 1, secretary: 1 },
      note: '团队比推荐的大了：社群是一个群，不是一座监狱，一位管理员和一位秘书就够了',
    },
    content: {
      weeks: weekStarts.map((weekStart) => ({ weekStart, published: 1, saved: 2, tried: 3 })),
      mostTried: [{ id: 't1', title: '标题公式', tryCount: 12 }],
    },
    sessions: [
      {
        id: 's1',
        title: '复盘会',
        startsAt: '2026-11-20T12:00:00.000Z',
        capacity: 10,
        seatsTaken: 4,
        fillPercent: 40,
        waitlisted: 1,
        attended: 3,
        noShowPercent: 25,
        waitlistConversionPercent: 50,
      },
    ],
    promotions: weekStarts.map((weekStart) => ({
      weekStart,
      requested: 2,
      approved: 1,
      rejected: 1,
      emptyPlaces: 0,
    })),
    tags: { top: [{ tag: '写作', holders: 9, addedRecently: 2 }], growthWeeks: 4 },
    ...overrides,
  };
}

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'owner')] });
});

test('the owner sees the member count against the band, weekly bars and the team note', async () => {
  mockApi({ 'GET /api/communities/c1/dashboard': { body: dashboard() } });
  const { container } = render(<DashboardPage />);

  expect(container.querySelector('.skeleton')).not.toBeNull();
  expect((await screen.findByText('42')).className).toBe('dashboard-member-count');
  expect(screen.getByText('还差 18 人到推荐的 60-100 人，邀请志同道合的朋友吧')).toBeTruthy();
  // 8 weeks × (2 size + 3 content + 4 promotion) series.
  expect(container.querySelectorAll('.bar-chart__fill')).toHaveLength(8 * 9);
  // The tallest weekly join (7, the last week) fills its chart; the first week's 0 is empty.
  const joins = container.querySelectorAll('.dashboard-size .bar-chart__bar--green .bar-chart__fill');
  expect(joins[7]!.getAttribute('style')).toContain('height: 100%');
  expect(joins[0]!.getAttribute('style')).toContain('height: 0%');
  expect(screen.getAllByText('11/23')).toHaveLength(3);
  expect(screen.getByText(/不是一座监狱/)).toBeTruthy();
  expect(screen.getByText('标题公式')).toBeTruthy();
  expect(screen.getByText('报名 4/10（40%） · 候补 1 · 签到 3 · 未到率 25% · 候补转正 50%')).toBeTruthy();
  expect(screen.getByText('9 人 · 近4周 +2')).toBeTruthy();
});

test('a quiet community gets empty states that say what to do next', async () => {
  mockApi({
    'GET /api/communities/c1/dashboard': {
      body: dashboard({
        sessions: [],
        content: { weeks: dashboard().content.weeks, mostTried: [] },
        tags: { top: [], growthWeeks: 4 },
      }),
    },
  });
  render(<DashboardPage />);

  expect(await screen.findByText('近 8 周没有活动：安排一场活动，让大家见见面')).toBeTruthy();
  expect(screen.getByText('还没有人试过技巧：发布一个 5 分钟能学会的技巧吧')).toBeTruthy();
  expect(screen.getByText('还没有人加标签：提醒新成员在资料里加上自己的标签')).toBeTruthy();
});

test('a refusal shows the error with a retry that loads again', async () => {
  let calls = 0;
  mockApi({
    'GET /api/communities/c1/dashboard': () => {
      calls += 1;
      return calls === 1
        ? { status: 403, body: { code: 'FORBIDDEN', message: '没有权限' } }
        : { body: dashboard() };
    },
  });
  render(<DashboardPage />);

  fireEvent.click(await screen.findByText('重试'));
  expect(await screen.findByText('42')).toBeTruthy();
});
