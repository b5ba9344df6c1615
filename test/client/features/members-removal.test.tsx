import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BlockedUserView, MemberDirectoryEntry } from '@/domain/contract/communities';
import type { Role } from '@/domain/roles';
import MembersPage from '@/owner/members/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

function entry(userId: string, nickname: string, role: MemberDirectoryEntry['role']): MemberDirectoryEntry {
  return { userId, nickname, avatarUrl: null, role, joinedAt: '2026-11-01T08:00:00.000Z', tags: [] };
}

const directory = [
  entry('u1', '群主小林', 'owner'),
  entry('u2', '管理员阿杰', 'admin'),
  entry('u3', '秘书小美', 'secretary'),
  entry('u4', '成员阿青', 'member'),
];

const blockedUser: BlockedUserView = {
  userId: 'u9',
  nickname: '广告号',
  avatarUrl: null,
  reason: '多次发广告',
  blockedByNickname: '群主小林',
  blockedAt: '2026-11-20T08:00:00.000Z',
};

function mockMembersAs(role: Role, blocked: BlockedUserView[][] = [[]]) {
  let blocksRead = 0;
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', role)] });
  mockApi({
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c1', '早起读书会', role)], joinRequests: [] },
    },
    'GET /api/communities/c1': { body: communityView({ myRole: role }) },
    'GET /api/communities/c1/members/search': { body: { items: directory, nextCursor: null } },
    'GET /api/communities/c1/exports': { body: { items: [], nextCursor: null } },
    'GET /api/communities/c1/blocks': () => ({ body: blocked[Math.min(blocksRead++, blocked.length - 1)] }),
    'POST /api/communities/c1/members/u4/removal': { status: 204 },
    'DELETE /api/communities/c1/blocks/u9': { status: 204 },
  });
}

function removeButtonsFor(): string[] {
  return Array.from(document.querySelectorAll('.member-directory__row'))
    .filter((row) => row.querySelector('.remove-member'))
    .map((row) => row.querySelector('.member-directory__name')!.textContent!);
}

beforeEach(() => {
  taroTest.reset();
});

test('the owner may remove everyone but themselves; an admin only the secretary and members; the secretary no one', async () => {
  mockMembersAs('owner');
  const { unmount } = render(<MembersPage />);
  await screen.findByText('成员阿青');
  expect(removeButtonsFor()).toEqual(['管理员阿杰', '秘书小美', '成员阿青']);
  unmount();

  mockMembersAs('admin');
  const admin = render(<MembersPage />);
  await screen.findByText('成员阿青');
  expect(removeButtonsFor()).toEqual(['秘书小美', '成员阿青']);
  admin.unmount();

  mockMembersAs('secretary');
  render(<MembersPage />);
  await screen.findByText('成员阿青');
  expect(removeButtonsFor()).toEqual([]);
  expect(screen.queryByText('已禁止加入')).toBeNull();
});

test('removing asks for a reason and a block, confirms in plain words, and sends both', async () => {
  mockMembersAs('owner', [
    [],
    [{ ...blockedUser, userId: 'u4', nickname: '成员阿青', reason: '多次发广告' }],
  ]);
  render(<MembersPage />);
  await screen.findByText('成员阿青');
  expect(await screen.findByText('没有被禁止加入的人')).toBeTruthy();

  const row = Array.from(document.querySelectorAll('.member-directory__row')).find((r) =>
    r.textContent?.includes('成员阿青'),
  )!;
  fireEvent.click(row.querySelector('.remove-member')!);
  // The button's own tap: the profile does not open.
  expect(Taro.navigateTo).not.toHaveBeenCalled();
  expect(screen.getByText('将「成员阿青」移出社群')).toBeTruthy();

  fireEvent.change(document.querySelector('.field--removal-reason input')!, {
    target: { value: '多次发广告' },
  });
  fireEvent.click(document.querySelector('.removal-block-switch')!);
  fireEvent.click(screen.getByText('移出社群'));

  await waitFor(() => expect(screen.queryByText('将「成员阿青」移出社群')).toBeNull());
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({
      title: '移出「成员阿青」',
      content: expect.stringContaining('不能再加入本社群'),
    }),
  );
  const removal = requestCalls().find((call) => call.url.endsWith('/members/u4/removal'));
  expect(removal).toMatchObject({ method: 'POST', data: { reason: '多次发广告', block: true } });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已移出成员阿青', icon: 'none' });
  // The blocked list shows them now.
  expect(await screen.findByText('群主小林移出：多次发广告')).toBeTruthy();
});

test('backing out of the confirmation removes no one', async () => {
  mockMembersAs('owner');
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  render(<MembersPage />);
  await screen.findByText('成员阿青');
  const row = Array.from(document.querySelectorAll('.member-directory__row')).find((r) =>
    r.textContent?.includes('成员阿青'),
  )!;
  fireEvent.click(row.querySelector('.remove-member')!);
  fireEvent.click(screen.getByText('移出社群'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(requestCalls().some((call) => call.url.endsWith('/removal'))).toBe(false);
  expect(screen.getByText('将「成员阿青」移出社群')).toBeTruthy();
});

test('the team lifts a block from the list', async () => {
  mockMembersAs('admin', [[blockedUser], []]);
  render(<MembersPage />);
  expect(await screen.findByText('群主小林移出：多次发广告')).toBeTruthy();
  fireEvent.click(screen.getByText('解除禁止'));
  expect(await screen.findByText('没有被禁止加入的人')).toBeTruthy();
  expect(requestCalls().some((call) => call.method === 'DELETE' && call.url.endsWith('/blocks/u9'))).toBe(
    true,
  );
});

test('a reason the content check refuses is shown under the field, and the dialog stays open', async () => {
  mockMembersAs('owner');
  const routes = Taro.request.getMockImplementation()!;
  Taro.request.mockImplementation(async (options: unknown) => {
    const call = options as { url: string; method?: string };
    if (call.method === 'POST' && call.url.endsWith('/removal'))
      return {
        statusCode: 422,
        data: {
          code: 'CONTENT_REJECTED',
          message: '内容包含不当信息，请修改后再试',
          fields: { reason: '不能在这里拉人进群或留微信（「进群」）' },
        },
        header: {},
        errMsg: 'request:ok',
      };
    return routes(options);
  });
  render(<MembersPage />);
  await screen.findByText('成员阿青');
  const row = Array.from(document.querySelectorAll('.member-directory__row')).find((r) =>
    r.textContent?.includes('成员阿青'),
  )!;
  fireEvent.click(row.querySelector('.remove-member')!);
  fireEvent.change(document.querySelector('.field--removal-reason input')!, {
    target: { value: '进群就发广告' },
  });
  fireEvent.click(screen.getByText('移出社群'));
  expect(await screen.findByText('不能在这里拉人进群或留微信（「进群」）')).toBeTruthy();
  expect(screen.getByText('将「成员阿青」移出社群')).toBeTruthy();
});
