import { render, screen } from '@testing-library/react';
import type { MemberProfileView } from '@/domain/contract/profiles';
import MemberProfilePage from '@/member/profile/index';
import { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';

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
