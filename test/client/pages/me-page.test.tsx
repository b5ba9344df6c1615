import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AttendanceRecordView } from '@/domain/contract/sessions';
import { useLoginSession } from '@/lib/login-session';
import MePage from '@/pages/me/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c2' });
});

function meAnswer() {
  return {
    body: {
      user: testUser,
      memberships: [membership('c1', '早起读书会', 'member'), membership('c2', '周末跑团', 'owner')],
    },
  };
}

function myProfileIn(
  communityId: string,
  attendance: AttendanceRecordView = { counted: 5, attended: 4, noShows: 1, lateCancels: 1 },
) {
  return {
    [`GET /api/communities/${communityId}/members/me`]: {
      body: {
        userId: testUser.id,
        nickname: '跑团小林',
        avatarUrl: null,
        bio: '每周六早上跑 5 公里',
        tags: ['跑步'],
        role: 'owner',
        joinedAt: '2026-11-01T00:00:00.000Z',
        hiddenFromSimilar: false,
        attendance,
      },
    },
  };
}

test('shows my profile in the current community, my communities and, as its 群主, 社群设置', async () => {
  mockApi({ 'GET /api/me': meAnswer(), ...myProfileIn('c2') });
  render(<MePage />);

  await screen.findByText('周末跑团');
  // The profile of this community, not a second copy of the WeChat nickname.
  expect(await screen.findByText('跑团小林')).toBeTruthy();
  expect(screen.queryByText('小林')).toBeNull();
  // My own attendance record.
  expect(screen.getByText('最近 5 次：到场 4 次')).toBeTruthy();
  expect(screen.getByText('· 未到 1 次，其中临时取消 1 次')).toBeTruthy();
  fireEvent.click(screen.getByText('社群设置'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/settings/index' });
  // The 群主 cannot simply leave.
  expect(screen.queryByText('退出当前社群')).toBeNull();
});

test('with the gentle rule on, my record says it holds me back and what clears it', async () => {
  mockApi({
    'GET /api/me': meAnswer(),
    ...myProfileIn('c2', {
      counted: 4,
      attended: 1,
      noShows: 3,
      lateCancels: 0,
      gentleRule: {
        heldBack: true,
        noShows: 3,
        attendedInRow: 1,
        attendedToClear: 1,
        // 16:00 UTC is midnight in Shanghai: the next day there.
        clearsBy: '2027-01-08T16:00:00.000Z',
      },
    }),
  });
  render(<MePage />);
  await screen.findByText('最近 4 次：到场 1 次');
  expect(
    screen.getByText('近 60 天缺席 3 次，报名先进入候补；再连续到场 1 次，或 1月9日 后恢复'),
  ).toBeTruthy();
});

test('a member can leave the current community after confirming', async () => {
  useLoginSession.setState({ currentCommunityId: 'c1' });
  let left = false;
  mockApi({
    'GET /api/me': () =>
      left ? { body: { user: testUser, memberships: [membership('c2', '周末跑团', 'owner')] } } : meAnswer(),
    'POST /api/communities/c1/leave': () => {
      left = true;
      return { status: 204 };
    },
  });
  render(<MePage />);

  fireEvent.click(await screen.findByText('退出当前社群'));
  await waitFor(() => expect(screen.queryByText('早起读书会')).toBeNull());
  expect(useLoginSession.getState().currentCommunityId).toBe('c2');
});

test('退出登录 ends the session on the server and here', async () => {
  mockApi({ 'GET /api/me': meAnswer(), 'POST /api/auth/logout': { status: 204 } });
  render(<MePage />);

  fireEvent.click(await screen.findByText('退出登录'));
  await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(requestCalls().some((c) => c.url === '/api/auth/logout')).toBe(true);
  expect(useLoginSession.getState().token).toBeNull();
});

test("社群管理 lists the tools my role may use as cells: the 群主 all of them, the secretary the team's own", async () => {
  mockApi({ 'GET /api/me': meAnswer(), ...myProfileIn('c2') });
  const owner = render(<MePage />);
  await screen.findByText('社群管理');
  const labels = () =>
    Array.from(document.querySelectorAll('.team-tools .cell__label')).map((cell) => cell.textContent);
  expect(labels()).toEqual(['社群设置', '社群看板', '标签管理', '成员与导出', '举报处理', '新人欢迎']);
  fireEvent.click(screen.getByText('举报处理'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/reports/index' });
  owner.unmount();

  mockApi({
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c2', '周末跑团', 'secretary')] },
    },
    ...myProfileIn('c2'),
  });
  useLoginSession.setState({ memberships: [membership('c2', '周末跑团', 'secretary')] });
  render(<MePage />);
  await screen.findByText('社群管理');
  expect(labels()).toEqual(['成员与导出', '举报处理', '新人欢迎']);
});
