import { fireEvent, render, screen } from '@testing-library/react';
import TipSearchPage from '@/member/tip-search/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

const searchUrl = (q: string, cursor?: string) =>
  `/api/communities/c1/tips/search?q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`;

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
});

function search(text: string) {
  fireEvent.change(document.querySelector('.tip-search__input')!, { target: { value: text } });
  fireEvent.click(screen.getByText('搜索'));
}

test('asks nothing until words are typed, then lists the matches page by page', async () => {
  mockApi({
    [`GET ${searchUrl('烘焙')}`]: {
      body: { items: [tipCard(1, { title: '周五烘焙课的准备' })], nextCursor: 'next' },
    },
    [`GET ${searchUrl('烘焙', 'next')}`]: {
      body: { items: [tipCard(2, { title: '烤箱预热多久' })], nextCursor: null },
    },
  });
  render(<TipSearchPage />);
  expect(screen.getByText(/输入标题、做法或步骤里的词/)).toBeTruthy();
  expect(requestCalls()).toHaveLength(0);

  search('  烘焙 ');
  fireEvent.click(await screen.findByText('周五烘焙课的准备'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/tip/index?id=t1' });
  fireEvent.click(screen.getByText('加载更多'));
  expect(await screen.findByText('烤箱预热多久')).toBeTruthy();
});

test('says when nothing matches, and shows a failure with a retry', async () => {
  let fail = true;
  mockApi({
    [`GET ${searchUrl('蛋糕')}`]: { body: { items: [], nextCursor: null } },
    [`GET ${searchUrl('红薯')}`]: () =>
      fail
        ? { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } }
        : { body: { items: [tipCard(3, { title: '红薯怎么烤更甜' })], nextCursor: null } },
  });
  render(<TipSearchPage />);

  search('蛋糕');
  expect(await screen.findByText('没有找到包含「蛋糕」的技巧，换个词试试')).toBeTruthy();
  search('红薯');
  expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('红薯怎么烤更甜')).toBeTruthy();
});
