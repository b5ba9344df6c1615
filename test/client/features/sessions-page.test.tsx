import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SessionView } from '@/domain/contract/sessions';
import SessionPage from '@/member/session/index';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const sessionId = '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01';

function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: sessionId,
    communityId: 'c1',
    title: '15分钟：切水果做蛋糕装饰',
    startsAt: '2030-11-28T12:00:00.000Z',
    durationMinutes: 15,
    mode: 'online',
    seriesId: null,
    seriesLabel: null,
    hostNickname: '王小雪',
    capacity: 4,
    confirmedCount: 3,
    seatsLeft: 1,
    waitlistCount: 0,
    tags: ['烘焙'],
    status: 'scheduled',
    mySignup: null,
    description: '不用烤箱，只学一个马上能用的小技巧。',
    host: { id: 'u9', nickname: '王小雪', avatarUrl: null },
    meetingLink: 'https://meeting.tencent.com/dm/qy-fruit',
    attendeeDetailsHidden: false,
    address: null,
    materials: ['一把水果刀', '一个猕猴桃'],
    signUpDeadline: '2030-11-28T12:00:00.000Z',
    reminderOffsets: [1440, 60],
    claimWindowHours: null,
    canManage: false,
    series: null,
    gentleRule: false,
    signUpHeldBack: false,
    ...overrides,
  };
}

beforeEach(() => {
  taroTest.reset();
  signInForTest();
  taroTest.setRouter('/member/session/index', { id: sessionId });
});

test('shows time in China time, place, materials and seats left, and signs up with a guest', async () => {
  let current = sessionView();
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
    [`POST /api/sessions/${sessionId}/signups`]: (call) => {
      current = sessionView({
        seatsLeft: 0,
        confirmedCount: 4,
        mySignup: {
          status: 'waitlisted',
          guests: 1,
          minGuests: null,
          position: 1,
          offerExpiresAt: null,
          checkedIn: false,
          feedback: null,
          heldBack: false,
        },
      });
      expect(call.data).toEqual({ guests: 1 });
      return { body: { status: 'waitlisted', position: 1, guests: 1 } };
    },
  });
  const { container } = render(<SessionPage />);
  await screen.findByText('15分钟：切水果做蛋糕装饰');
  // 12:00 UTC is 20:00 in Shanghai.
  expect(container.querySelector('.session-time')?.textContent).toBe('11月28日 星期四 20:00-20:15');
  expect(screen.getByText('· 一把水果刀')).toBeTruthy();
  expect(container.querySelector('.session-seats')?.textContent).toContain('剩 1 个名额');

  // One seat left: a party of two waits whole.
  fireEvent.click(screen.getByText('+1'));
  expect(screen.getByText('报名候补')).toBeTruthy();
  fireEvent.click(screen.getByText('报名候补'));

  await screen.findByText('候补第 1 位（+1）');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已进入候补，第 1 位', icon: 'none' });
  expect(screen.getByText('退出候补')).toBeTruthy();
  expect(requestCalls().filter((call) => call.method === 'POST')).toHaveLength(1);
});

test('a held-back member is told why they wait and when they will be seated; the page states the rule', async () => {
  // Starts 2030-11-28 20:00 in Shanghai: seated from 11月27日 20:00 if seats remain.
  let current = sessionView({ gentleRule: true, signUpHeldBack: true });
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
    [`POST /api/sessions/${sessionId}/signups`]: () => {
      current = sessionView({
        gentleRule: true,
        waitlistCount: 1,
        mySignup: {
          status: 'waitlisted',
          guests: 0,
          minGuests: null,
          position: 1,
          offerExpiresAt: null,
          checkedIn: false,
          feedback: null,
          heldBack: true,
        },
      });
      return {
        body: {
          status: 'waitlisted',
          guests: 0,
          position: 1,
          heldBack: { seatedFrom: '2030-11-27T12:00:00.000Z' },
        },
      };
    },
  });
  render(<SessionPage />);
  await screen.findByText(
    '缺席较多先候补：近 60 天缺席 3 次的成员报名先进入候补，开始前 24 小时起若仍有空位按排队顺序入座。',
  );
  // A seat is free, but the button says before the tap where the sign-up goes.
  expect(screen.queryByText('报名')).toBeNull();
  fireEvent.click(screen.getByText('报名候补'));
  const why =
    '你最近几次报名未到场，本次先进入候补，开始前 24 小时（11月27日 20:00）若仍有空位会自动为你保留。';
  await screen.findByText('候补第 1 位');
  expect(Taro.showModal).toHaveBeenCalledWith({
    title: '已进入候补，第 1 位',
    content: why,
    showCancel: false,
  });
  expect(screen.getByText(why)).toBeTruthy();
  expect(screen.getByText('退出候补')).toBeTruthy();
});

test('without the gentle rule the page does not mention it', async () => {
  mockApi({ [`GET /api/sessions/${sessionId}`]: { body: sessionView() } });
  render(<SessionPage />);
  await screen.findByText('15分钟：切水果做蛋糕装饰');
  expect(screen.queryByText(/缺席较多先候补/)).toBeNull();
});

test('a confirmed member can cancel after confirming, and the overlap warning shows as a modal', async () => {
  let current = sessionView();
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
    [`POST /api/sessions/${sessionId}/signups`]: () => {
      current = sessionView({
        mySignup: {
          status: 'confirmed',
          guests: 0,
          minGuests: null,
          position: null,
          offerExpiresAt: null,
          checkedIn: false,
          feedback: null,
          heldBack: false,
        },
      });
      return {
        body: {
          status: 'confirmed',
          guests: 0,
          overlapping: { id: 'other', title: 'PPT 新手课', startsAt: '2030-11-28T12:00:00.000Z' },
        },
      };
    },
    [`DELETE /api/sessions/${sessionId}/signups/me`]: () => {
      current = sessionView();
      return { status: 204 };
    },
  });
  render(<SessionPage />);
  fireEvent.click(await screen.findByText('报名'));
  await screen.findByText('已报名');
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('PPT 新手课') }),
  );
  fireEvent.click(screen.getByText('取消报名'));
  await waitFor(() => expect(screen.getByText('报名')).toBeTruthy());
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已取消报名', icon: 'none' });
});

test('shows an error with a retry when the session cannot load', async () => {
  let fail = true;
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () =>
      fail
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
        : { body: sessionView() },
  });
  render(<SessionPage />);
  await screen.findByText('服务暂时不可用，请稍后再试');
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('15分钟：切水果做蛋糕装饰');
});

test('a member not yet signed up sees that the meeting link appears after signing up', async () => {
  const { meetingLink: _withheld, ...hidden } = sessionView({ attendeeDetailsHidden: true });
  mockApi({ [`GET /api/sessions/${sessionId}`]: { body: hidden } });
  const { container } = render(<SessionPage />);
  await screen.findByText('15分钟：切水果做蛋糕装饰');
  expect(container.querySelector('.session-place')?.textContent).toBe('报名成功后可见');
  fireEvent.click(container.querySelector('.session-place')!);
  expect(Taro.setClipboardData).not.toHaveBeenCalled();
});

test('shows how the waitlist moves, and a party with guests accepts a smaller spot when signing up', async () => {
  let current = sessionView();
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
    [`POST /api/sessions/${sessionId}/signups`]: (call) => {
      expect(call.data).toEqual({ guests: 2, minGuests: 0 });
      current = sessionView({
        seatsLeft: 0,
        confirmedCount: 4,
        mySignup: {
          status: 'confirmed',
          guests: 0,
          minGuests: null,
          position: null,
          offerExpiresAt: null,
          checkedIn: false,
          feedback: null,
          heldBack: false,
        },
      });
      return { body: { status: 'confirmed', guests: 0 } };
    },
  });
  const { container } = render(<SessionPage />);
  await screen.findByText('15分钟：切水果做蛋糕装饰');
  expect(container.querySelector('.waitlist-rule')?.textContent).toContain('按排队顺序入座');

  // Only me: no smaller spot to choose.
  expect(screen.queryByText('只有 1 个名额时我一个人来')).toBeNull();
  fireEvent.click(screen.getByText('+2'));
  expect(screen.getByText('报名候补')).toBeTruthy();
  expect(screen.getByText('只有 2 个名额时我带 1 位来')).toBeTruthy();
  fireEvent.click(screen.getByText('只有 1 个名额时我一个人来'));
  // One seat left and I come alone if I must: the button seats me.
  fireEvent.click(screen.getByText('报名'));
  await screen.findByText('已报名');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '名额只剩 1 个，你一个人来', icon: 'none' });
});

test('while waiting, a party chooses a smaller spot and takes it back', async () => {
  const waiting = (minGuests: number | null) =>
    sessionView({
      seatsLeft: 0,
      confirmedCount: 4,
      waitlistCount: 1,
      mySignup: {
        status: 'waitlisted',
        guests: 1,
        minGuests,
        position: 1,
        offerExpiresAt: null,
        checkedIn: false,
        feedback: null,
        heldBack: false,
      },
    });
  let current = waiting(null);
  const sent: unknown[] = [];
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
    [`PATCH /api/sessions/${sessionId}/signups/me`]: (call) => {
      const { minGuests } = call.data as { minGuests: number | null };
      sent.push(minGuests);
      current = waiting(minGuests);
      return { body: current.mySignup };
    },
  });
  const { container } = render(<SessionPage />);
  await screen.findByText('候补第 1 位（+1）');
  fireEvent.click(screen.getByText('只有 1 个名额时我一个人来'));
  await waitFor(() => expect(container.querySelector('.smaller-spot__option.is-selected')).toBeTruthy());
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存，有名额时按你的选择入座', icon: 'none' });
  fireEvent.click(screen.getByText('只有 1 个名额时我一个人来'));
  await waitFor(() => expect(container.querySelector('.smaller-spot__option.is-selected')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已改回整队候补', icon: 'none' });
  expect(sent).toEqual([0, null]);
});

test('starting in 30 minutes and already checked in: no 取消报名, and only the reminders still ahead are promised', async () => {
  const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
  const current = sessionView({
    startsAt,
    signUpDeadline: startsAt,
    reminderOffsets: [1440, 60, 15],
    seatsLeft: 0,
    confirmedCount: 4,
    mySignup: {
      status: 'confirmed',
      guests: 0,
      minGuests: null,
      position: null,
      offerExpiresAt: null,
      checkedIn: true,
      feedback: null,
      heldBack: false,
    },
  });
  mockApi({ [`GET /api/sessions/${sessionId}`]: () => ({ body: current }) });
  const { container } = render(<SessionPage />);
  await screen.findByText('已报名');
  expect(screen.queryByText('取消报名')).toBeNull();
  expect(container.querySelector('.session-reminders')?.textContent).toBe(
    '会在提前15分钟提醒你（我的 → 消息）',
  );
  expect(container.querySelector('.session-seats')?.classList.contains('session-seats--full')).toBe(true);
});

test('a date of a series shows the series and 报名全部 N 次, then each date result', async () => {
  const seriesId = '7d3c3c5e-2222-4a2b-9a59-3f0c6b1d2e02';
  const series = {
    id: seriesId,
    repeat: 'weekly' as const,
    text: '每周四 20:00 · 共 3 次',
    datesFromHere: 3,
    lastStartsAt: '2030-12-12T12:00:00.000Z',
    cancelledFromHere: [],
    upcomingDates: 3,
  };
  mockApi({
    [`GET /api/sessions/${sessionId}`]: () => ({ body: sessionView({ seriesId, series }) }),
    [`POST /api/session-series/${seriesId}/signups`]: (call) => {
      expect(call.data).toEqual({ guests: 0 });
      return {
        body: {
          dates: [
            {
              sessionId,
              startsAt: '2030-11-28T12:00:00.000Z',
              outcome: 'confirmed',
              status: 'confirmed',
              guests: 0,
            },
            {
              sessionId: 's2',
              startsAt: '2030-12-05T12:00:00.000Z',
              outcome: 'waitlisted',
              status: 'waitlisted',
              position: 2,
              guests: 0,
            },
            {
              sessionId: 's3',
              startsAt: '2030-12-12T12:00:00.000Z',
              outcome: 'already',
              status: 'confirmed',
              guests: 0,
            },
          ],
        },
      };
    },
  });
  const { container } = render(<SessionPage />);
  await screen.findByText('每周四 20:00 · 共 3 次');
  expect(screen.getByText('报名')).toBeTruthy();
  fireEvent.click(screen.getByText('报名全部 3 次'));

  await screen.findByText('候补第 2 位');
  const lines = Array.from(container.querySelectorAll('.series-result')).map((line) => line.textContent);
  expect(lines).toEqual([
    '11月28日 星期四报名成功',
    '12月5日 星期四候补第 2 位',
    '12月12日 星期四之前已报名',
  ]);
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已报名，其中 1 次在候补', icon: 'none' });
  expect(screen.queryByText('报名全部 3 次')).toBeNull();
});

describe('the team cancelling a date of a series', () => {
  const seriesId = '7d3c3c5e-2222-4a2b-9a59-3f0c6b1d2e02';
  const series = {
    id: seriesId,
    repeat: 'weekly' as const,
    text: '每周四 20:00 · 共 4 次',
    datesFromHere: 3,
    lastStartsAt: '2030-12-12T12:00:00.000Z',
    cancelledFromHere: [],
    upcomingDates: 4,
  };

  function mockSeriesDate() {
    let current = sessionView({ seriesId, series, canManage: true });
    const cancelled = () => {
      current = { ...current, status: 'cancelled' };
      return { body: current };
    };
    mockApi({
      [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
      [`POST /api/sessions/${sessionId}/cancel`]: cancelled,
      [`POST /api/sessions/${sessionId}/cancel-following`]: cancelled,
    });
  }

  const posts = () =>
    requestCalls()
      .filter((call) => call.method === 'POST')
      .map((call) => call.url);

  test('取消此次及以后 asks once more, naming how many dates, then cancels them in one call', async () => {
    mockSeriesDate();
    Taro.showActionSheet.mockResolvedValueOnce({ tapIndex: 1 });
    const { container } = render(<SessionPage />);
    fireEvent.click(await screen.findByText('取消活动'));

    await waitFor(() => expect(posts()).toEqual([`/api/sessions/${sessionId}/cancel-following`]));
    expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['取消这一次', '取消此次及以后'] });
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '取消此次及以后？',
        content: expect.stringContaining('还没开始的 3 次活动都会取消'),
        confirmText: '全部取消',
      }),
    );
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '此次及以后的活动已取消', icon: 'none' }),
    );
    await waitFor(() => expect(container.querySelector('.session-cancel')).toBeNull());
  });

  test('取消这一次 cancels this date only, and a dismissed confirmation cancels nothing', async () => {
    mockSeriesDate();
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<SessionPage />);
    fireEvent.click(await screen.findByText('取消活动'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(posts()).toEqual([]);

    fireEvent.click(screen.getByText('取消活动'));
    await waitFor(() => expect(posts()).toEqual([`/api/sessions/${sessionId}/cancel`]));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '取消这一次？' }));
  });
});
