import { fireEvent, render, screen } from '@testing-library/react';
import type { WelcomeDigestView } from '@/domain/contract/dashboard';
import WelcomePage from '@/owner/welcome/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';

const todayDigest: WelcomeDigestView = {
  since: '2026-11-25T16:00:00.000Z',
  newcomers: [
    {
      userId: 'u7',
      nickname: '阿青',
      invitedBy: '张三丰',
      joinedAt: '2026-11-26T01:00:00.000Z',
      tags: ['写作'],
      sharedTags: [{ tag: '写作', others: 3 }],
    },
    {
      userId: 'u8',
      nickname: '小林',
      invitedBy: null,
      joinedAt: '2026-11-26T02:00:00.000Z',
      tags: [],
      sharedTags: [],
    },
  ],
  text: '欢迎今天新加入「早起读书会」的 2 位朋友：\n· 阿青（张三丰 邀请）：写作（和 3 位群友一样喜欢写作）\n· 小林\n标签相同的朋友，可以在「和我相似的人」里找到彼此。',
};

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'secretary')] });
});

test('today’s newcomers come with a message copied in one tap; nobody is told what they left out', async () => {
  mockApi({ 'GET /api/communities/c1/welcome-digest': { body: todayDigest } });
  render(<WelcomePage />);

  expect(await screen.findByText('阿青（张三丰 邀请）')).toBeTruthy();
  expect(screen.getByText('小林')).toBeTruthy();
  expect(screen.queryByText(/还没有填写/)).toBeNull();
  fireEvent.click(screen.getByText('复制'));
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: todayDigest.text });
});

test('a quiet day says so, and the week’s newcomers are one tap away in 本周群周报', async () => {
  mockApi({
    'GET /api/communities/c1/welcome-digest': { body: { ...todayDigest, newcomers: [], text: '' } },
  });
  render(<WelcomePage />);

  expect(await screen.findByText('今天还没有新成员。把邀请码分享给志同道合的朋友吧')).toBeTruthy();
  fireEvent.click(screen.getByText('本周的新朋友，在本周群周报里一起欢迎'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/weekly-digest/index' });
});
