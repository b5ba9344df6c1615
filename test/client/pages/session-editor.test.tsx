import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SessionView } from '@/domain/contract/sessions';
import SessionEditorPage from '@/owner/session-editor/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const sessionId = '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01';
const members = [
  {
    userId: testUser.id,
    nickname: '小林',
    avatarUrl: null,
    role: 'secretary',
    joinedAt: '2026-11-01T00:00:00.000Z',
  },
];

// 20:00 in China a week from now: the form refuses a start in the past or more than a year ahead.
const startsAt = new Date(new Date(Date.now() + 7 * 24 * 3600_000).setUTCHours(12, 0, 0, 0)).toISOString();

function seriesDate(): SessionView {
  return {
    id: sessionId,
    communityId: 'c1',
    title: '周五烘焙小课',
    startsAt,
    durationMinutes: 30,
    mode: 'online',
    seriesId: 'series-1',
    seriesLabel: '每周',
    hostNickname: '小林',
    capacity: 6,
    confirmedCount: 1,
    seatsLeft: 5,
    waitlistCount: 0,
    tags: ['烘焙'],
    status: 'scheduled',
    mySignup: null,
    description: '每次一个小点心。',
    host: { id: testUser.id, nickname: '小林', avatarUrl: null },
    meetingLink: 'https://meeting.tencent.com/dm/qy-friday',
    attendeeDetailsHidden: false,
    address: null,
    materials: [],
    signUpDeadline: startsAt,
    reminderOffsets: [1440, 60],
    claimWindowHours: null,
    canManage: true,
    gentleRule: false,
    signUpHeldBack: false,
    series: {
      id: 'series-1',
      repeat: 'weekly',
      text: '每周三 20:00 · 共 4 次',
      datesFromHere: 4,
      lastStartsAt: '2030-12-20T12:00:00.000Z',
      cancelledFromHere: [],
      upcomingDates: 4,
    },
  };
}

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

test('a date of a series edits 此次及以后 through the series route, keeping each date on its day', async () => {
  mockApi({
    'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'secretary')] } },
    'GET /api/communities/c1': { body: communityView({ myRole: 'secretary' }) },
    'GET /api/communities/c1/members': { body: members },
    [`GET /api/sessions/${sessionId}`]: { body: seriesDate() },
    [`PATCH /api/sessions/${sessionId}/following`]: (call) => {
      expect(call.data).toEqual({
        title: '周五烘焙小课',
        description: '每次一个小点心。',
        timeOfDay: '20:00',
        durationMinutes: 30,
        capacity: 6,
      });
      return { body: seriesDate() };
    },
  });
  taroTest.setRouter('/owner/session-editor/index', { id: sessionId });
  render(<SessionEditorPage />);
  await screen.findByText('重复活动：每周三 20:00 · 共 4 次');
  expect(screen.queryByText('每两周')).toBeNull();
  fireEvent.click(screen.getByText('此次及以后'));
  fireEvent.click(screen.getByText('保存修改'));
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith({
      title: '此次及以后都已保存，报名的成员会收到变更通知',
      icon: 'none',
    }),
  );
  expect(requestCalls().filter((call) => call.method === 'PATCH')).toHaveLength(1);
});
