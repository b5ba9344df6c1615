import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SimilarMemberView } from '@/domain/contract/profiles';
import PeopleLikeMePage from '@/member/people-like-me/index';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [] });
});

function similar(userId: string, nickname: string, sharedTags: string[]): SimilarMemberView {
  return { userId, nickname, avatarUrl: null, bio: '', role: 'member', sharedTags };
}

test('lists people like me with the shared tags, pages on, and opens a profile', async () => {
  mockApi({
    'GET /api/communities/c1/members/similar': {
      body: { items: [similar('u2', '赵敏', ['pokemon go', '重度网民'])], nextCursor: 'next' },
    },
    'GET /api/communities/c1/members/similar?cursor=next': {
      body: { items: [similar('u3', '刘晓', ['烘焙'])], nextCursor: null },
    },
    'GET /api/communities/c1/tags': { body: [{ tag: 'pokemon go', count: 3 }] },
  });
  render(<PeopleLikeMePage />);

  await screen.findByText('赵敏');
  expect(screen.getByText('#重度网民')).toBeTruthy();
  fireEvent.click(screen.getByText('加载更多'));
  await screen.findByText('刘晓');
  await waitFor(() => expect(screen.queryByText('加载更多')).toBeNull());

  fireEvent.click(screen.getByText('赵敏'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/profile/index?userId=u2' });
});

test('with nobody alike, says what to do next', async () => {
  mockApi({
    'GET /api/communities/c1/members/similar': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/tags': { body: [] },
  });
  render(<PeopleLikeMePage />);
  fireEvent.click(await screen.findByText('编辑我的标签'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/profile/edit' });
});
