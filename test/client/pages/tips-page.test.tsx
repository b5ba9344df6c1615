import { render, screen, waitFor } from '@testing-library/react';
import TipsPage from '@/pages/tips/index';
import { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, type Reply, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
});

/** /api/me answers only when the test says so. */
function heldMe(...memberships: ReturnType<typeof membership>[]) {
  let answer: () => void = () => {};
  const reply = new Promise<Reply>((resolve) => {
    answer = () => resolve({ body: { user: testUser, memberships, joinRequests: [] } });
  });
  return { reply: () => reply, answer };
}

const notAMember: Reply = { status: 403, body: { code: 'NOT_A_MEMBER', message: '你还不是该社群的成员' } };

const communityRoutes = (id: string, title: string): Record<string, Reply> => ({
  [`GET /api/communities/${id}`]: { body: communityView({ id }) },
  [`GET /api/communities/${id}/tips?sort=recommended`]: {
    body: { items: [tipCard(1, { id: `${id}-t1`, title, communityId: id })], nextCursor: null },
  },
  [`GET /api/communities/${id}/tips/tags`]: { body: { myTags: [], otherTags: [] } },
});

test('the remembered community’s feed is asked for at once, not after /api/me answers', async () => {
  signInForTest({ currentCommunityId: 'c1' });
  const me = heldMe(membership('c1', '早起读书会', 'member'));
  mockApi({ 'GET /api/me': me.reply, ...communityRoutes('c1', '牛油果一秒去核') });
  const { container } = render(<TipsPage />);

  await waitFor(() =>
    expect(requestCalls().map((call) => call.url)).toEqual(
      expect.arrayContaining(['/api/me', '/api/communities/c1', '/api/communities/c1/tips?sort=recommended']),
    ),
  );
  // Nothing is shown for the community until /api/me says it is still mine.
  expect(container.querySelector('.tip-card')).toBeNull();

  me.answer();
  expect(await screen.findByText('牛油果一秒去核')).toBeTruthy();
  // The feed was not asked for a second time.
  expect(requestCalls().filter((call) => call.url.includes('/tips?'))).toHaveLength(1);
});

test('a remembered community I have left: the page moves to mine without ever showing an error', async () => {
  signInForTest({ currentCommunityId: 'c-left' });
  const me = heldMe(membership('c1', '早起读书会', 'member'));
  mockApi({
    'GET /api/me': me.reply,
    'GET /api/communities/c-left': notAMember,
    'GET /api/communities/c-left/tips?sort=recommended': notAMember,
    'GET /api/communities/c-left/tips/tags': notAMember,
    ...communityRoutes('c1', '牛油果一秒去核'),
  });
  const { container } = render(<TipsPage />);
  const errorsSeen: string[] = [];
  const observer = new MutationObserver(() => {
    if (container.querySelector('.load-error')) errorsSeen.push(container.textContent ?? '');
  });
  observer.observe(container, { childList: true, subtree: true, characterData: true });

  // The guesses for the remembered community fail before /api/me answers.
  await waitFor(() =>
    expect(requestCalls().map((call) => call.url)).toContain('/api/communities/c-left/tips?sort=recommended'),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  me.answer();

  expect(await screen.findByText('牛油果一秒去核')).toBeTruthy();
  observer.disconnect();
  expect(errorsSeen).toEqual([]);
  expect(container.querySelectorAll('.tip-card')).toHaveLength(1);
});
