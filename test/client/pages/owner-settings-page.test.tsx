import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import OwnerSettingsPage from '@/owner/settings/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { mockApi, requestCalls } from '../support/mock-api';
import { membership, signInForTest, testUser } from '../support/session';

const members = [
  { userId: 'u1', nickname: '小林', avatarUrl: null, role: 'owner', joinedAt: '2026-11-01T08:00:00.000Z' },
  { userId: 'u2', nickname: '阿青', avatarUrl: null, role: 'member', joinedAt: '2026-11-02T08:00:00.000Z' },
];

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'owner')] });
});

function ownerCommunity() {
  return communityView({ myRole: 'owner', inviteCode: 'K7M2QX' });
}

test('the owner hands a member a role picked from the action sheet', async () => {
  let roleOfAqing = 'member';
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': () => ({ body: [members[0], { ...members[1], role: roleOfAqing }] }),
    'PUT /api/communities/c1/members/u2/role': (call) => {
      roleOfAqing = (call.data as { role: string }).role;
      return { body: { ...members[1], role: roleOfAqing } };
    },
  });
  // The sheet offers the roles the member does not have yet: 管理员, 秘书.
  Taro.showActionSheet.mockResolvedValue({ tapIndex: 1 });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('设置角色'));
  await waitFor(() => expect(screen.getByText('秘书')).toBeTruthy());
  expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['管理员', '秘书'] });
  expect(requestCalls().find((c) => c.method === 'PUT')?.data).toEqual({ role: 'secretary' });
});

test('transferring ownership asks first and does nothing when cancelled', async () => {
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': { body: members },
  });
  Taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('转让群主'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(requestCalls().some((c) => c.url.endsWith('/transfer-ownership'))).toBe(false);
});

test('after a confirmed transfer the former owner leaves the owner tools', async () => {
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': { body: members },
    'POST /api/communities/c1/transfer-ownership': { body: communityView({ myRole: 'admin' }) },
    'GET /api/me': { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'admin')] } },
  });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('转让群主'));
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(requestCalls().find((c) => c.url.endsWith('/transfer-ownership'))?.data).toEqual({ userId: 'u2' });
});

test('resetting the invite code shows the new code', async () => {
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': { body: members },
    'POST /api/communities/c1/invite-code/reset': {
      body: communityView({ myRole: 'owner', inviteCode: 'P9WXYZ' }),
    },
  });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('重置'));
  await screen.findByText('P9WXYZ');
  expect(screen.queryByText('K7M2QX')).toBeNull();
});

test('someone who is not the owner is told so instead of seeing the tools', async () => {
  mockApi({ 'GET /api/communities/c1': { body: communityView({ myRole: 'admin', inviteCode: 'K7M2QX' }) } });
  render(<OwnerSettingsPage />);
  await screen.findByText('只有群主可以进行此操作');
  expect(screen.queryByText('成员与角色')).toBeNull();
});
