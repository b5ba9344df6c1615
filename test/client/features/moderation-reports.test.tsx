import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportView } from '@/domain/contract/moderation';
import type { Role } from '@/domain/roles';
import TipPage from '@/member/tip/index';
import ReportsPage from '@/owner/reports/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipDetail } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
});

function openTipPage(authorId: string) {
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
  taroTest.setRouter('/member/tip/index', { id: 't1' });
  mockApi({
    'GET /api/tips/t1': {
      body: tipDetail(1, { title: '猕猴桃去皮', author: { id: authorId, nickname: '王小雪' } }),
    },
    'GET /api/tips/t1/tries': {
      body: [
        { user: { id: 'u5', nickname: '阿青' }, note: '根本没用', updatedAt: new Date().toISOString() },
        {
          user: { id: testUser.id, nickname: testUser.nickname },
          note: '好用',
          updatedAt: new Date().toISOString(),
        },
      ],
    },
    'GET /api/tips/t1/want': { body: { wanted: false, count: 0 } },
    'POST /api/communities/c1/reports': {
      status: 201,
      body: { id: 'r1', status: 'open', createdAt: new Date().toISOString() },
    },
  });
  render(<TipPage />);
}

test("a member reports someone's tip with a reason; the button waits for one", async () => {
  openTipPage('u9');
  await screen.findByText('猕猴桃去皮');
  fireEvent.click(document.querySelector('.tip-report')!);
  expect(screen.getByText('举报这条干货')).toBeTruthy();
  expect(document.querySelector('.report-confirm')!.className).toContain('is-disabled');
  expect(screen.getByText('写下原因后才能提交')).toBeTruthy();

  fireEvent.change(document.querySelector('.field--report-reason input')!, {
    target: { value: '像是在打广告' },
  });
  fireEvent.click(screen.getByText('提交举报'));
  await waitFor(() => expect(screen.queryByText('举报这条干货')).toBeNull());
  const sent = requestCalls().find((call) => call.method === 'POST');
  expect(sent).toMatchObject({
    url: '/api/communities/c1/reports',
    data: { targetKind: 'tip', targetId: 't1', reason: '像是在打广告' },
  });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已举报，群主和管理员会尽快处理', icon: 'none' });
});

test('notes of others can be reported, naming their writer; my own tip and note offer no 举报', async () => {
  openTipPage(testUser.id);
  await screen.findByText('根本没用');
  expect(document.querySelector('.tip-report')).toBeNull();
  // One 举报: the other member's note, not mine.
  const buttons = Array.from(document.querySelectorAll('.report-button'));
  expect(buttons).toHaveLength(1);
  fireEvent.click(buttons[0]!);
  expect(screen.getByText('举报这条心得')).toBeTruthy();
  fireEvent.change(document.querySelector('.field--report-reason input')!, { target: { value: '攻击人' } });
  fireEvent.click(screen.getByText('提交举报'));
  await waitFor(() => expect(requestCalls().some((call) => call.method === 'POST')).toBe(true));
  expect(requestCalls().find((call) => call.method === 'POST')!.data).toEqual({
    targetKind: 'note',
    targetId: 't1',
    authorId: 'u5',
    reason: '攻击人',
  });
});

const reportOf = (overrides: Partial<ReportView> = {}): ReportView => ({
  id: 'r1',
  communityId: 'c1',
  targetKind: 'tip',
  targetId: 't1',
  excerpt: '加我领取烘焙秘方',
  hidden: false,
  author: { id: 'u5', nickname: '阿青', role: 'member' },
  reporter: { id: 'u6', nickname: '小林' },
  reason: '像是在引流',
  status: 'open',
  createdAt: new Date().toISOString(),
  ...overrides,
});

function openQueue(role: Role, queues: ReportView[][]) {
  let reads = 0;
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', role)] });
  mockApi({
    'GET /api/me': {
      body: { user: testUser, memberships: [membership('c1', '早起读书会', role)], joinRequests: [] },
    },
    'GET /api/communities/c1': { body: communityView({ myRole: role }) },
    'GET /api/communities/c1/reports': () => ({ body: queues[Math.min(reads++, queues.length - 1)] }),
    'POST /api/reports/r1/decision': { status: 204 },
  });
  render(<ReportsPage />);
}

test('the team hides reported content from the queue', async () => {
  openQueue('secretary', [[reportOf()], []]);
  expect(await screen.findByText('加我领取烘焙秘方')).toBeTruthy();
  expect(screen.getByText('原因：像是在引流')).toBeTruthy();
  // The secretary hides and dismisses; removing the author is for the owner and admins.
  expect(screen.queryByText('移出作者')).toBeNull();
  fireEvent.click(screen.getByText('隐藏内容'));
  expect(await screen.findByText('没有待处理的举报')).toBeTruthy();
  expect(requestCalls().find((call) => call.method === 'POST')).toMatchObject({
    url: '/api/reports/r1/decision',
    data: { action: 'hide' },
  });
});

test('an admin removes the author, with a block, after a plain-worded confirmation', async () => {
  openQueue('admin', [[reportOf()], []]);
  await screen.findByText('加我领取烘焙秘方');
  Taro.showActionSheet.mockResolvedValueOnce({ tapIndex: 1 });
  fireEvent.click(screen.getByText('移出作者'));
  expect(await screen.findByText('没有待处理的举报')).toBeTruthy();
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '移出「阿青」', content: expect.stringContaining('不能再加入本社群') }),
  );
  expect(requestCalls().find((call) => call.method === 'POST')!.data).toEqual({
    action: 'remove_author',
    block: true,
  });
});

test('an admin cannot remove another admin from the queue, and an empty queue says so', async () => {
  openQueue('admin', [[reportOf({ author: { id: 'u2', nickname: '阿杰', role: 'admin' } })]]);
  await screen.findByText('加我领取烘焙秘方');
  expect(screen.queryByText('移出作者')).toBeNull();
  expect(screen.getByText('不处理')).toBeTruthy();
});
