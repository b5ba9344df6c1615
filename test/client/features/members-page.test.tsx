import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemberDirectoryEntry } from '@/domain/contract/communities';
import type { ExportRecordView } from '@/domain/contract/exports';
import MembersPage from '@/owner/members/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi } from '../support/mock-api';

function entry(
  userId: string,
  nickname: string,
  tags: string[],
  role: MemberDirectoryEntry['role'] = 'member',
) {
  return { userId, nickname, avatarUrl: null, role, joinedAt: '2026-11-01T08:00:00.000Z', tags };
}

const record: ExportRecordView = {
  id: 'e1',
  kind: 'members',
  subject: '早起读书会',
  rowCount: 37,
  exportedBy: { id: 'u1', nickname: '小林' },
  createdAt: '2026-11-26T08:00:00.000Z',
};

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'secretary')] });
});

function mockMembers(history: ExportRecordView[][]) {
  let exportsRead = 0;
  mockApi({
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c1', '早起读书会', 'secretary')], joinRequests: [] },
    },
    'GET /api/communities/c1': { body: communityView({ myRole: 'secretary' }) },
    'GET /api/communities/c1/members/search': {
      body: {
        items: [entry('u2', '李根', ['写作'], 'owner'), entry('u3', '阿青', ['烘焙', '红薯'])],
        nextCursor: null,
      },
    },
    [`GET /api/communities/c1/members/search?q=${encodeURIComponent('烘焙')}`]: {
      body: { items: [entry('u3', '阿青', ['烘焙', '红薯'])], nextCursor: null },
    },
    [`GET /api/communities/c1/members/search?q=${encodeURIComponent('蛋糕')}`]: {
      body: { items: [], nextCursor: null },
    },
    'GET /api/communities/c1/exports': () => ({
      body: { items: history[Math.min(exportsRead++, history.length - 1)], nextCursor: null },
    }),
  });
}

test('the team finds members by name or tag', async () => {
  mockMembers([[]]);
  render(<MembersPage />);

  expect(await screen.findByText('李根')).toBeTruthy();
  expect(screen.getByText('#烘焙 #红薯')).toBeTruthy();
  fireEvent.change(document.querySelector('.member-search__input')!, { target: { value: '烘焙' } });
  fireEvent.click(screen.getByText('搜索'));
  expect(await screen.findByText('阿青')).toBeTruthy();
  expect(screen.queryByText('李根')).toBeNull();

  fireEvent.change(document.querySelector('.member-search__input')!, { target: { value: '蛋糕' } });
  fireEvent.click(screen.getByText('搜索'));
  expect(await screen.findByText('没有名字或标签包含「蛋糕」的成员')).toBeTruthy();
});

test('in WeChat the member list downloads with the token and opens as xlsx; the export log shows it', async () => {
  mockMembers([[], [record]]);
  render(<MembersPage />);
  expect(await screen.findByText(/还没有人导出过名单/)).toBeTruthy();

  fireEvent.click(screen.getByText('导出成员名单（含标签）'));

  await waitFor(() => expect(Taro.openDocument).toHaveBeenCalled());
  expect(Taro.downloadFile).toHaveBeenCalledWith({
    url: '/api/communities/c1/members/export',
    header: { Authorization: 'Bearer test-token' },
  });
  expect(Taro.openDocument).toHaveBeenCalledWith({
    filePath: 'wxfile://tmp/export.xlsx',
    fileType: 'xlsx',
    showMenu: true,
  });
  expect(await screen.findByText('成员名单：早起读书会')).toBeTruthy();
  expect(screen.getByText(/小林 · .* · 37 行/)).toBeTruthy();
});

test('a refused export is a toast, and nothing opens', async () => {
  mockMembers([[]]);
  Taro.downloadFile.mockResolvedValueOnce({ statusCode: 403, tempFilePath: 'wxfile://tmp/x', errMsg: 'ok' });
  render(<MembersPage />);
  fireEvent.click(await screen.findByText('导出成员名单（含标签）'));

  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith({
      title: '没有权限进行此操作',
      icon: 'none',
      duration: 2500,
    }),
  );
  expect(Taro.openDocument).not.toHaveBeenCalled();
});
