import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MyTipsSection } from '@/features/tips/components/my-tips-section';
import { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

const tried = '/api/communities/c1/me/tips?kind=tried';

test('shows the first page of 试过的技巧 and appends the next with 加载更多', async () => {
  mockApi({
    [`GET ${tried}`]: { body: { items: [tipCard(1), tipCard(2)], nextCursor: 'after-2' } },
    [`GET ${tried}&cursor=after-2`]: { body: { items: [tipCard(3)], nextCursor: null } },
  });
  render(<MyTipsSection communityId="c1" onOpen={jest.fn()} />);
  await screen.findByText('技巧2');
  fireEvent.click(screen.getByText('加载更多'));
  await screen.findByText('技巧3');
  expect(Array.from(document.querySelectorAll('.tip-card__title'), (el) => el.textContent)).toEqual([
    '技巧1',
    '技巧2',
    '技巧3',
  ]);
  expect(screen.queryByText('加载更多')).toBeNull();
});

test('switching to 收藏 shows that list, with what to do when it is empty', async () => {
  mockApi({
    [`GET ${tried}`]: { body: { items: [tipCard(1)], nextCursor: null } },
    'GET /api/communities/c1/me/tips?kind=saved': { body: { items: [], nextCursor: null } },
  });
  render(<MyTipsSection communityId="c1" onOpen={jest.fn()} />);
  await screen.findByText('技巧1');
  fireEvent.click(screen.getByText('收藏'));
  await waitFor(() => expect(screen.getByText('还没有收藏，看到好用的技巧点「收藏」')).toBeTruthy());
  expect(screen.queryByText('技巧1')).toBeNull();
});
