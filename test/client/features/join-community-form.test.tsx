import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import CommunityJoinPage from '@/entry/community-join/index';
import { JoinCommunity } from '@/features/communities/components/join-community';
import { useLoginSession } from '@/lib/login-session';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

function codeInput(): HTMLInputElement {
  return document.querySelector('.invite-code-input') as HTMLInputElement;
}

function noteInput(): HTMLInputElement {
  return document.querySelector('.field--join-note input') as HTMLInputElement;
}

function pendingRequest(): MyJoinRequestView {
  return {
    id: 'r1',
    communityId: 'c9',
    communityName: '早起读书会',
    status: 'pending',
    reason: '',
    createdAt: '2026-11-20T08:00:00.000Z',
  };
}

test('tidies the code as it is typed: lower case, spaces and full-width letters', () => {
  render(<JoinCommunity />);
  const button = screen.getByText('加入社群') as HTMLButtonElement;
  expect(button.disabled).toBe(true);

  fireEvent.change(codeInput(), { target: { value: 'k7 m２ｑx' } });
  expect(codeInput().value).toBe('K7M2QX');
  expect(button.disabled).toBe(false);
});

test('hints at look-alike characters but leaves the decision to the server', () => {
  render(<JoinCommunity />);
  fireEvent.change(codeInput(), { target: { value: 'QY2026' } });
  expect(screen.getByText('邀请码一般不含 0、1、I、L、O，请核对')).toBeTruthy();
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(false);
});

test('an incomplete code cannot be sent, and the form says why', () => {
  render(<JoinCommunity />);
  expect(screen.getByText('请输入 6 位邀请码').className).toContain('form__needs');
  fireEvent.change(codeInput(), { target: { value: 'K7M2Q' } });
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('请输入 6 位邀请码').className).toBe('form__problem');
  fireEvent.change(codeInput(), { target: { value: 'K7M2QX' } });
  expect(screen.queryByText('请输入 6 位邀请码')).toBeNull();
});

test('joins with the normalised code, the inviter and my note, then shows the community on 首页', async () => {
  mockApi({
    'POST /api/communities/join': { body: { outcome: 'joined', community: communityView({ id: 'c9' }) } },
    'GET /api/me': {
      body: {
        user: testUser,
        memberships: [membership('c9', '早起读书会', 'member', false)],
        joinRequests: [],
      },
    },
  });
  render(<JoinCommunity inviterId="u7" />);
  fireEvent.change(codeInput(), { target: { value: ' k7m2qx ' } });
  fireEvent.change(noteInput(), { target: { value: ' 做小红书两年，想学写标题 ' } });
  fireEvent.click(screen.getByText('加入社群'));

  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(requestCalls()[0].data).toEqual({
    inviteCode: 'K7M2QX',
    inviterId: 'u7',
    note: '做小红书两年，想学写标题',
  });
  expect(useLoginSession.getState().currentCommunityId).toBe('c9');
});

test('a community that approves newcomers: a clear waiting state, and the request can be taken back', async () => {
  mockApi({
    'POST /api/communities/join': { body: { outcome: 'requested', request: pendingRequest() } },
    'POST /api/join-requests/r1/withdraw': { body: { ...pendingRequest(), status: 'withdrawn' } },
  });
  render(<JoinCommunity />);
  fireEvent.change(codeInput(), { target: { value: 'K7M2QX' } });
  fireEvent.click(screen.getByText('加入社群'));

  await screen.findByText('已提交入群申请，群主或管理员通过后会通知你');
  expect(screen.getByText('待审核')).toBeTruthy();
  expect(screen.getByText('早起读书会')).toBeTruthy();
  expect(Taro.switchTab).not.toHaveBeenCalled();

  fireEvent.click(screen.getByText('撤回申请'));
  await waitFor(() => expect(codeInput()).not.toBeNull());
  expect(requestCalls().map((c) => c.url)).toContain('/api/join-requests/r1/withdraw');
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤回申请' }));
});

test('a note longer than 60 characters cannot be sent', () => {
  render(<JoinCommunity code="K7M2QX" />);
  fireEvent.change(noteInput(), { target: { value: '写'.repeat(61) } });
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(true);
});

test('a full community shows the COMMUNITY_FULL message and stays on the form', async () => {
  mockApi({
    'POST /api/communities/join': {
      status: 409,
      body: { code: 'COMMUNITY_FULL', message: '社群人数已满，暂时无法加入' },
    },
  });
  render(<JoinCommunity />);
  fireEvent.change(codeInput(), { target: { value: 'K7M2QX' } });
  fireEvent.click(screen.getByText('加入社群'));

  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '社群人数已满，暂时无法加入' }),
    ),
  );
  expect(Taro.switchTab).not.toHaveBeenCalled();
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(false);
});

test('the join page prefills the code from a shared link and passes its inviter on', async () => {
  mockApi({
    'POST /api/communities/join': { body: { outcome: 'requested', request: pendingRequest() } },
  });
  taroTest.setRouter('/entry/community-join/index', { code: 'k7m2qx', community: 'c9', inviter: 'u7' });
  render(<CommunityJoinPage />);
  expect(codeInput().value).toBe('K7M2QX');

  fireEvent.click(screen.getByText('加入社群'));
  await screen.findByText('已提交入群申请，群主或管理员通过后会通知你');
  expect(requestCalls()[0].data).toMatchObject({ inviteCode: 'K7M2QX', inviterId: 'u7' });
});
