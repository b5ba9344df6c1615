import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import SessionPage from '@/member/session/index';
import TipPage from '@/member/tip/index';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest, testUser } from '../support/login-session';
import { mockApi } from '../support/mock-api';
import { tipDetail } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
});

const tip = tipDetail(1, { title: '猕猴桃去皮', minutes: 2 });

test("a non-member opening a member's tip card is led to ask that community, naming who shared it", async () => {
  signInForTest({ memberships: [] });
  taroTest.setRouter('/member/tip/index', { id: 't1', community: 'c1', inviter: 'u7' });
  mockApi({
    'GET /api/tips/t1': { status: 403, body: { code: 'NOT_A_MEMBER', message: '你还不是该社群的成员' } },
    'GET /api/tips/t1/tries': {
      status: 403,
      body: { code: 'NOT_A_MEMBER', message: '你还不是该社群的成员' },
    },
  });
  render(<TipPage />);
  fireEvent.click(await screen.findByText('加入社群'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({
    url: '/entry/community-join/index?community=c1&inviter=u7',
  });
});

test("a member's card of the tip names its community and the member as inviter", async () => {
  signInForTest({ memberships: [] });
  taroTest.setRouter('/member/tip/index', { id: 't1' });
  mockApi({
    'GET /api/tips/t1': { body: tip },
    'GET /api/tips/t1/tries': { body: [] },
    'GET /api/tips/t1/want': { body: { wanted: false, count: 0 } },
  });
  render(<TipPage />);
  await screen.findByText('猕猴桃去皮');
  await waitFor(async () => {
    const [card] = (await taroTest.shareAppMessage()) as Array<{ title: string; path: string }>;
    expect(card).toEqual({
      title: '猕猴桃去皮｜2分钟就能试的小技巧',
      path: `/member/tip/index?id=t1&community=c1&inviter=${testUser.id}`,
    });
  });
});

test('a session card opened by a non-member leads to the join screen the same way', async () => {
  signInForTest({ memberships: [] });
  taroTest.setRouter('/member/session/index', { id: 's1', community: 'c1', inviter: 'u7' });
  mockApi({
    'GET /api/sessions/s1': { status: 403, body: { code: 'NOT_A_MEMBER', message: '你还不是该社群的成员' } },
  });
  render(<SessionPage />);
  expect(await screen.findByText('加入社群后就能看到这个活动')).toBeTruthy();
  fireEvent.click(screen.getByText('加入社群'));
  expect(Taro.redirectTo).toHaveBeenCalledWith({
    url: '/entry/community-join/index?community=c1&inviter=u7',
  });
});
