import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemberProfileView } from '@/domain/contract/profiles';
import MemberProfilePage from '@/member/profile/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

function profile(overrides: Partial<MemberProfileView> = {}): MemberProfileView {
  return {
    userId: 'u2',
    nickname: '阿青',
    avatarUrl: null,
    bio: '周末烘焙',
    tags: ['烘焙'],
    role: 'member',
    joinedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [] });
  taroTest.setRouter('/member/profile/index', { userId: 'u2' });
});

test("the team sees a member's attendance record on their page", async () => {
  mockApi({
    'GET /api/communities/c1/members/u2': {
      body: profile({ attendance: { counted: 4, attended: 2, noShows: 2, lateCancels: 0 } }),
    },
  });
  render(<MemberProfilePage />);
  await screen.findByText('阿青');
  expect(screen.getByText('最近 4 次：到场 2 次')).toBeTruthy();
  expect(screen.getByText('· 未到 2 次')).toBeTruthy();
});

test('other members see no record (the server leaves it out)', async () => {
  mockApi({ 'GET /api/communities/c1/members/u2': { body: profile() } });
  const { container } = render(<MemberProfilePage />);
  await screen.findByText('阿青');
  expect(container.querySelector('.attendance-line')).toBeNull();
});

describe('转让群主 on the member page', () => {
  const asOwner = (more: Parameters<typeof mockApi>[0] = {}) => {
    signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'owner')] });
    mockApi({
      'GET /api/communities/c1/members/u2': { body: profile() },
      'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'owner')] } },
      ...more,
    });
  };

  test('is asked twice; a no at either step changes nothing', async () => {
    asOwner();
    render(<MemberProfilePage />);
    const button = await screen.findByText('转让群主');
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(button);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(2));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '再次确认', content: '确定把群主转让给「阿青」？此操作无法撤回。' }),
    );
    expect(requestCalls().some((call) => call.url.endsWith('/transfer-ownership'))).toBe(false);
  });

  test('confirmed twice, hands the community over, refreshes my role and goes back', async () => {
    asOwner({ 'POST /api/communities/c1/transfer-ownership': { body: {} } });
    render(<MemberProfilePage />);
    fireEvent.click(await screen.findByText('转让群主'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(requestCalls().find((call) => call.url.endsWith('/transfer-ownership'))?.data).toEqual({
      userId: 'u2',
    });
  });

  test('is not offered to anyone but the 群主', async () => {
    signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'admin')] });
    mockApi({
      'GET /api/communities/c1/members/u2': { body: profile() },
      'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'admin')] } },
    });
    render(<MemberProfilePage />);
    await screen.findByText('阿青');
    expect(screen.queryByText('转让群主')).toBeNull();
  });
});
