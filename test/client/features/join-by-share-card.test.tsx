import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommunityPreviewView, MyJoinRequestView } from '@/domain/contract/joining';
import CommunityJoinPage from '@/entry/community-join/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const taroEnv = process.env.TARO_ENV;

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

afterEach(() => {
  process.env.TARO_ENV = taroEnv;
});

const previewUrl = 'GET /api/communities/c9/preview?inviter=u7';

function preview(overrides: Partial<CommunityPreviewView> = {}): CommunityPreviewView {
  return {
    id: 'c9',
    name: '早起读书会',
    goal: '每天早起读书三十分钟',
    rules: '不发广告；每周分享一次读书笔记',
    memberCount: 37,
    capacity: 100,
    joinApproval: false,
    inviter: { id: 'u7', nickname: '阿青', avatarUrl: null },
    alreadyMember: false,
    myPendingRequest: null,
    ...overrides,
  };
}

function request(overrides: Partial<MyJoinRequestView> = {}): MyJoinRequestView {
  return {
    id: 'r1',
    communityId: 'c9',
    communityName: '早起读书会',
    status: 'pending',
    reason: '',
    createdAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

const meAfterJoining = {
  body: { user: testUser, memberships: [membership('c9', '早起读书会', 'member', false)], joinRequests: [] },
};

function openMembersCard() {
  taroTest.setRouter('/entry/community-join/index', { community: 'c9', inviter: 'u7' });
  return render(<CommunityJoinPage />);
}

/** Opened in WeChat from a card posted in a group chat. */
function openedInGroupChat() {
  process.env.TARO_ENV = 'weapp';
  Taro.getEnterOptionsSync.mockReturnValue({ shareTicket: 'ticket-1' });
}

describe("a member's share card (no invite code)", () => {
  test('shows who invited me, the goal, the rules and the size, then sends my request with a note', async () => {
    mockApi({
      [previewUrl]: { body: preview() },
      'POST /api/communities/c9/join-requests': { status: 201, body: request() },
    });
    openMembersCard();

    await screen.findByText('阿青 邀请你加入');
    expect(screen.getByText('早起读书会')).toBeTruthy();
    expect(screen.getByText('每天早起读书三十分钟')).toBeTruthy();
    expect(screen.getByText('不发广告；每周分享一次读书笔记')).toBeTruthy();
    expect(screen.getByText('37/100人')).toBeTruthy();
    // No code field: the team decides.
    expect(document.querySelector('.invite-code-input')).toBeNull();

    fireEvent.change(document.querySelector('.field--join-note input') as HTMLInputElement, {
      target: { value: '想学写标题' },
    });
    fireEvent.click(screen.getByText('申请加入'));

    await screen.findByText('已提交入群申请，群主或管理员通过后会通知你');
    expect(screen.getByText('待审核')).toBeTruthy();
    const sent = requestCalls().find((c) => c.url === '/api/communities/c9/join-requests');
    expect(sent?.data).toEqual({ inviterId: 'u7', note: '想学写标题' });
  });

  test('my request already waiting: 待审核, and withdrawing brings the form back', async () => {
    let pending: MyJoinRequestView | null = request();
    mockApi({
      [previewUrl]: () => ({ body: preview({ myPendingRequest: pending }) }),
      'POST /api/join-requests/r1/withdraw': () => {
        pending = null;
        return { body: request({ status: 'withdrawn' }) };
      },
    });
    openMembersCard();

    await screen.findByText('待审核');
    expect(screen.queryByText('申请加入')).toBeNull();
    fireEvent.click(screen.getByText('撤回申请'));
    await screen.findByText('申请加入');
    expect(screen.queryByText('待审核')).toBeNull();
  });

  test('asking twice is refused with the server’s words, and the form stays', async () => {
    mockApi({
      [previewUrl]: { body: preview() },
      'POST /api/communities/c9/join-requests': {
        status: 409,
        body: { code: 'JOIN_REQUEST_PENDING', message: '你的入群申请正在审核中，请耐心等待' },
      },
    });
    openMembersCard();
    fireEvent.click(await screen.findByText('申请加入'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '你的入群申请正在审核中，请耐心等待' }),
      ),
    );
    expect(screen.getByText('申请加入')).toBeTruthy();
  });

  test('a full community says so before I try', async () => {
    mockApi({ [previewUrl]: { body: preview({ memberCount: 100 }) } });
    openMembersCard();
    await screen.findByText('社群人数已满，暂时无法加入');
    expect((screen.getByText('申请加入') as HTMLButtonElement).disabled).toBe(true);
  });

  test('already a member: one tap into the community', async () => {
    mockApi({ [previewUrl]: { body: preview({ alreadyMember: true }) }, 'GET /api/me': meAfterJoining });
    openMembersCard();
    fireEvent.click(await screen.findByText('进入社群'));
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(screen.queryByText('申请加入')).toBeNull();
  });

  test('the preview fails to load: an error with a retry that works', async () => {
    let answers = 0;
    mockApi({
      [previewUrl]: () =>
        ++answers === 1
          ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
          : { body: preview() },
    });
    openMembersCard();
    fireEvent.click(await screen.findByText('重试'));
    await screen.findByText('申请加入');
  });
});

describe('opened from a share card inside a WeChat group', () => {
  test('a bound group lets me in without a code: straight to 首页', async () => {
    openedInGroupChat();
    mockApi({
      'POST /api/communities/join-by-group': {
        body: { outcome: 'joined', community: communityView({ id: 'c9' }) },
      },
      'GET /api/me': meAfterJoining,
    });
    openMembersCard();

    expect(screen.getByText('正在确认你所在的微信群…')).toBeTruthy();
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    const sent = requestCalls().find((c) => c.url === '/api/communities/join-by-group');
    expect(sent?.data).toEqual({ encryptedData: 'enc-group', iv: 'iv-group', inviterId: 'u7' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入社群' }));
  });

  test('a group that is not bound falls back to the request form, quietly', async () => {
    openedInGroupChat();
    mockApi({
      'POST /api/communities/join-by-group': {
        status: 404,
        body: { code: 'GROUP_NOT_BOUND', message: '这个微信群还没有绑定社群，请向群主索取邀请码' },
      },
      [previewUrl]: { body: preview() },
    });
    openMembersCard();

    await screen.findByText('申请加入');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  test('a stale WeChat session key: sign in again and try once more', async () => {
    openedInGroupChat();
    let tries = 0;
    mockApi({
      'POST /api/communities/join-by-group': () =>
        ++tries === 1
          ? {
              status: 400,
              body: { code: 'GROUP_TICKET_INVALID', message: '无法确认你所在的微信群，请从群聊里重新打开' },
            }
          : { body: { outcome: 'joined', community: communityView({ id: 'c9' }) } },
      'POST /api/auth/wechat': {
        body: { token: 'fresh-token', expiresAt: '2026-12-26T00:00:00.000Z', user: testUser },
      },
      'GET /api/me': meAfterJoining,
    });
    openMembersCard();

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(Taro.login).toHaveBeenCalledTimes(1);
    expect(Taro.getGroupEnterInfo).toHaveBeenCalledTimes(2);
    const joins = requestCalls().filter((c) => c.url === '/api/communities/join-by-group');
    expect(joins).toHaveLength(2);
    expect(joins[1].header.Authorization).toBe('Bearer fresh-token');
  });

  test('already a member of the bound community: just enter it', async () => {
    openedInGroupChat();
    mockApi({
      'POST /api/communities/join-by-group': {
        status: 409,
        body: { code: 'ALREADY_MEMBER', message: '你已经是该社群的成员' },
      },
      'GET /api/me': meAfterJoining,
    });
    openMembersCard();

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  test('in a browser there is no group to prove: the form shows at once', async () => {
    process.env.TARO_ENV = 'h5';
    Taro.getEnterOptionsSync.mockReturnValue({ shareTicket: 'ticket-1' });
    mockApi({ [previewUrl]: { body: preview() } });
    openMembersCard();

    await screen.findByText('申请加入');
    expect(requestCalls().some((c) => c.url.includes('join-by-group'))).toBe(false);
  });
});
