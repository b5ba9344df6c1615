import { fireEvent, render, screen } from '@testing-library/react';
import type { WelcomeDigestView } from '@/domain/contract/dashboard';
import WelcomePage from '@/owner/welcome/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';

const weekDigest: WelcomeDigestView = {
  period: 'week',
  since: '2026-11-22T16:00:00.000Z',
  newcomers: [
    {
      userId: 'u7',
      nickname: '阿青',
      invitedBy: '张三丰',
      joinedAt: '2026-11-23T01:00:00.000Z',
      tags: ['写作'],
      sharedTags: [{ tag: '写作', others: 3 }],
    },
  ],
  text: '欢迎本周新加入「早起读书会」的 1 位朋友：\n· 阿青（张三丰 邀请）：写作（和 3 位群友一样喜欢写作）\n标签相同的朋友，可以在「和我相似的人」里找到彼此。',
};

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'secretary')] });
});

test('a quiet day says so; this week’s newcomers come with a message copied in one tap', async () => {
  mockApi({
    'GET /api/communities/c1/welcome-digest?period=day': {
      body: { ...weekDigest, period: 'day', newcomers: [], text: '' },
    },
    'GET /api/communities/c1/welcome-digest?period=week': { body: weekDigest },
  });
  render(<WelcomePage />);

  expect(await screen.findByText('今天还没有新成员。把邀请码分享给志同道合的朋友吧')).toBeTruthy();
  fireEvent.click(screen.getByText('本周'));
  expect(await screen.findByText('阿青（张三丰 邀请）')).toBeTruthy();
  fireEvent.click(screen.getByText('复制'));

  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: weekDigest.text });
});
