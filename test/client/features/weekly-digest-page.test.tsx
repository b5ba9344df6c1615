import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import WeeklyDigestPage from '@/member/weekly-digest/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const url = '/api/communities/c1/weekly-digests/2026-11-23';

function digest(overrides: Partial<WeeklyDigestView> = {}): WeeklyDigestView {
  return {
    communityId: 'c1',
    communityName: '早起读书会',
    weekStart: '2026-11-23',
    weekLabel: '11月23日-11月29日',
    intro: '这一周群里的新技巧、活动和新朋友，都在这里。',
    introEdited: false,
    newTips: [{ id: 't1', title: '猕猴桃去皮', minutes: 2, tryCount: 0 }],
    mostTried: [],
    sessions: [{ id: 's1', title: '周二烘焙课', startsAt: '2030-12-03T12:00:00.000Z', seatsLeft: 2 }],
    promotions: [],
    newcomers: [
      { userId: 'u7', nickname: '阿青', invitedBy: '张三丰', tags: ['烘焙'] },
      { userId: 'u8', nickname: '小满', invitedBy: null, tags: [] },
    ],
    sharedAt: null,
    canManage: true,
    text: '本周群周报｜早起读书会（11月23日-11月29日）\n…',
    ...overrides,
  };
}

beforeEach(() => {
  taroTest.reset();
  taroTest.setRouter('/member/weekly-digest/index', { week: '2026-11-23' });
});

describe('the team', () => {
  beforeEach(() => {
    signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'owner')] });
  });

  it('previews only the sections with something in them, and shares it as a card or as text', async () => {
    let shared = false;
    mockApi({
      [`GET ${url}`]: { body: { digest: digest(), noDigest: null } },
      'GET /api/communities/c1': { body: communityView({ myRole: 'owner', inviteCode: 'QY2K26' }) },
      [`POST ${url}/share`]: () => {
        shared = true;
        return { body: digest({ sharedAt: '2026-11-27T10:00:00.000Z' }) };
      },
    });
    render(<WeeklyDigestPage />);

    expect(await screen.findByText('猕猴桃去皮')).toBeTruthy();
    expect(screen.getByText('本周新技巧')).toBeTruthy();
    expect(screen.getByText('下周活动，还有名额')).toBeTruthy();
    expect(screen.getByText('欢迎新朋友')).toBeTruthy();
    expect(screen.queryByText('大家都在试')).toBeNull();
    expect(screen.queryByText('本周推广')).toBeNull();
    // A newcomer without tags is simply there, by name.
    expect(screen.getByText('小满')).toBeTruthy();
    expect(screen.queryByText(/还没有填写/)).toBeNull();
    expect(screen.getByText('未分享，群友还看不到')).toBeTruthy();

    await waitFor(() => expect(requestCalls().map((c) => c.url)).toContain('/api/communities/c1'));
    const [card] = await taroTest.shareAppMessage();
    expect(card).toEqual({
      title: '本周群周报｜早起读书会 11月23日-11月29日',
      path: '/member/weekly-digest/index?week=2026-11-23&community=c1&code=QY2K26&inviter=u1',
    });

    fireEvent.click(screen.getByText('复制文字'));
    await waitFor(() => expect(shared).toBe(true));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: digest().text });
    expect(await screen.findByText('已分享到群')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已复制，去群里粘贴吧', icon: 'none' });
  });

  it('writes the intro line, counted, and shows what the server kept', async () => {
    mockApi({
      [`GET ${url}`]: { body: { digest: digest(), noDigest: null } },
      'GET /api/communities/c1': { body: communityView({ myRole: 'owner' }) },
      [`PUT ${url}/intro`]: (call) => ({
        body: digest({ intro: (call.data as { intro: string }).intro, introEdited: true }),
      }),
    });
    render(<WeeklyDigestPage />);

    fireEvent.click(await screen.findByText('修改开场白'));
    fireEvent.change(document.querySelector('.field--digest-intro input')!, {
      target: { value: '这周大家都在烤红薯！' },
    });
    expect(screen.getByText('10/60')).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('这周大家都在烤红薯！')).toBeTruthy();
    expect(requestCalls().find((c) => c.method === 'PUT')?.data).toEqual({ intro: '这周大家都在烤红薯！' });
  });

  it('says so when the week has nothing to tell', async () => {
    mockApi({
      [`GET ${url}`]: { body: { digest: null, noDigest: 'empty' } },
    });
    render(<WeeklyDigestPage />);
    expect(await screen.findByText(/这一周还没有新技巧、活动或新朋友/)).toBeTruthy();
  });
});

describe('a member', () => {
  beforeEach(() => {
    signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
  });

  it('reads a shared digest without the team’s controls', async () => {
    mockApi({
      [`GET ${url}`]: {
        body: { digest: digest({ canManage: false, sharedAt: '2026-11-27T10:00:00.000Z' }), noDigest: null },
      },
    });
    render(<WeeklyDigestPage />);

    fireEvent.click(await screen.findByText('周二烘焙课'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/session/index?id=s1' });
    expect(screen.queryByText('复制文字')).toBeNull();
    expect(screen.queryByText('修改开场白')).toBeNull();
  });

  it('is told the week’s digest is not out yet, and a failure offers a retry', async () => {
    let calls = 0;
    mockApi({
      [`GET ${url}`]: () => {
        calls += 1;
        return calls === 1
          ? { body: { digest: null, noDigest: 'not-shared' } }
          : { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } };
      },
    });
    render(<WeeklyDigestPage />);
    expect(await screen.findByText('这一周的群周报还没有发布，群主分享后就能在这里看到。')).toBeTruthy();
    await act(() => taroTest.firePullDownRefresh());
    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
  });
});
