import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { JoinCommunityForm } from '@/features/communities/components/join-community-form';
import { useSessionStore } from '@/lib/session-store';
import CommunityJoinPage from '@/pages/community-join/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { mockApi, requestCalls } from '../support/mock-api';
import { membership, signInForTest, testUser } from '../support/session';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

function codeInput(): HTMLInputElement {
  return document.querySelector('.invite-code-input') as HTMLInputElement;
}

test('tidies the code as it is typed: lower case, spaces and full-width letters', () => {
  render(<JoinCommunityForm />);
  const button = screen.getByText('加入社群') as HTMLButtonElement;
  expect(button.disabled).toBe(true);

  fireEvent.change(codeInput(), { target: { value: 'k7 m２ｑx' } });
  expect(codeInput().value).toBe('K7M2QX');
  expect(button.disabled).toBe(false);
});

test('hints at look-alike characters but leaves the decision to the server', () => {
  render(<JoinCommunityForm />);
  fireEvent.change(codeInput(), { target: { value: 'QY2026' } });
  expect(screen.getByText('邀请码一般不含 0、1、I、L、O，请核对')).toBeTruthy();
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(false);
});

test('an incomplete code cannot be sent', () => {
  render(<JoinCommunityForm />);
  fireEvent.change(codeInput(), { target: { value: 'K7M2Q' } });
  expect((screen.getByText('加入社群') as HTMLButtonElement).disabled).toBe(true);
});

test('joins with the normalised code, then shows the community on 首页', async () => {
  mockApi({
    'POST /api/communities/join': { body: communityView({ id: 'c9' }) },
    'GET /api/me': { body: { user: testUser, memberships: [membership('c9', '早起读书会', 'member')] } },
  });
  render(<JoinCommunityForm />);
  fireEvent.change(codeInput(), { target: { value: ' k7m2qx ' } });
  fireEvent.click(screen.getByText('加入社群'));

  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(requestCalls()[0].data).toEqual({ inviteCode: 'K7M2QX' });
  expect(useSessionStore.getState().currentCommunityId).toBe('c9');
});

test('a full community shows the COMMUNITY_FULL message and stays on the form', async () => {
  mockApi({
    'POST /api/communities/join': {
      status: 409,
      body: { code: 'COMMUNITY_FULL', message: '社群人数已满，暂时无法加入' },
    },
  });
  render(<JoinCommunityForm />);
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

test('the join page prefills the code from a shared link', () => {
  taroTest.setRouter('/pages/community-join/index', { code: 'k7m2qx' });
  render(<CommunityJoinPage />);
  expect(codeInput().value).toBe('K7M2QX');
});
