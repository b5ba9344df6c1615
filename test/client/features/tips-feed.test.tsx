import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { FeedFilter } from '@/features/tips/api/get-tip-feed';
import { TipFeed } from '@/features/tips/components/tip-feed';
import { useTipFeed } from '@/features/tips/hooks/use-tip-feed';
import { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

/** The page without Taro's page hooks: the same state and component the 技巧 tab composes. */
function Feed({ canPublish = false, onCompose = jest.fn() }) {
  const [filter, setFilter] = useState<FeedFilter>({ sort: 'recommended', tag: null });
  const feed = useTipFeed('c1', filter);
  return (
    <TipFeed
      filter={filter}
      onFilterChange={setFilter}
      feed={feed}
      tags={{ myTags: ['烘焙'], otherTags: ['ppt技巧'] }}
      canPublish={canPublish}
      onOpen={jest.fn()}
      onCompose={onCompose}
    />
  );
}

const base = '/api/communities/c1/tips';

test('shows skeletons, then cards with minutes and tried count, and pages on with the cursor', async () => {
  mockApi({
    [`GET ${base}?sort=recommended`]: { body: { items: [tipCard(1), tipCard(2)], nextCursor: 'next1' } },
    [`GET ${base}?sort=recommended&cursor=next1`]: {
      body: { items: [tipCard(2), tipCard(3)], nextCursor: null },
    },
  });
  const { container } = render(<Feed />);
  expect(container.querySelector('.skeleton')).not.toBeNull();
  expect(await screen.findByText('技巧1')).toBeTruthy();
  expect(screen.getByText('第一行1')).toBeTruthy();
  expect(screen.queryByText('第二行')).toBeNull();
  expect(screen.getByText('1人试过')).toBeTruthy();

  await act(async () => {
    fireEvent.click(screen.getByText('加载更多'));
  });
  await screen.findByText('技巧3');
  // A tip repeated across pages is shown once.
  expect(container.querySelectorAll('.tip-card')).toHaveLength(3);
  expect(screen.getByText('没有更多了')).toBeTruthy();
});

test('a tag chip asks the server for that tag, 最新 switches the order', async () => {
  mockApi({
    [`GET ${base}?sort=recommended`]: { body: { items: [tipCard(1)], nextCursor: null } },
    [`GET ${base}?tag=ppt%E6%8A%80%E5%B7%A7`]: {
      body: { items: [tipCard(5, { title: 'PPT 标题' })], nextCursor: null },
    },
    [`GET ${base}?sort=latest`]: { body: { items: [tipCard(6, { title: '最新的' })], nextCursor: null } },
  });
  render(<Feed />);
  await screen.findByText('技巧1');
  fireEvent.click(screen.getByText('#ppt技巧'));
  expect(await screen.findByText('PPT 标题')).toBeTruthy();
  expect(screen.queryByText('技巧1')).toBeNull();
  fireEvent.click(screen.getByText('最新'));
  expect(await screen.findByText('最新的')).toBeTruthy();
  expect(requestCalls().map((call) => call.url)).toEqual([
    `${base}?sort=recommended`,
    `${base}?tag=ppt%E6%8A%80%E5%B7%A7`,
    `${base}?sort=latest`,
  ]);
});

test('an empty feed invites the team to publish', async () => {
  mockApi({ [`GET ${base}?sort=recommended`]: { body: { items: [], nextCursor: null } } });
  const onCompose = jest.fn();
  render(<Feed canPublish onCompose={onCompose} />);
  fireEvent.click(await screen.findByText('发布技巧'));
  expect(onCompose).toHaveBeenCalled();
  expect(screen.getByText(/发布第一个/)).toBeTruthy();
});

test('a failed load shows the error and retries', async () => {
  let calls = 0;
  mockApi({
    [`GET ${base}?sort=recommended`]: () =>
      ++calls === 1
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: { items: [tipCard(1)], nextCursor: null } },
  });
  render(<Feed />);
  fireEvent.click(await screen.findByText('重试'));
  await waitFor(() => expect(screen.getByText('技巧1')).toBeTruthy());
});
