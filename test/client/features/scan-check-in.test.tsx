import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AttendanceView, AttendeeView, SessionView } from '@/domain/contract/sessions';
import { encodeQr } from '@/features/qr-code/qr-encoder';
import CheckInPassPage from '@/member/check-in-pass/index';
import SessionPage from '@/member/session/index';
import AttendancePage from '@/owner/attendance/index';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const sessionId = '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01';
const otherSessionId = '7d3c3c5e-2222-4a2b-9a59-3f0c6b1d2e01';
const memberId = '0b8a4a57-3a0e-4d3c-8f55-2d7a1e9c6b10';
const signature = 'AbCdEfGhIjKlMnOpQrStUv';
const hostToken = (step: number) => `QY1S.${sessionId}.${step}.${signature}`;
const passToken = (session = sessionId) => `QY1P.${session}.${memberId}.1900000000.${signature}`;

const taroEnv = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = taroEnv;
  jest.useRealTimers();
});

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

/** The dark modules a drawn QR code shows, read back from the positions of its Views. */
function drawnModules(container: HTMLElement, size: number): boolean[][] {
  const span = size + 8;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const run of Array.from(container.querySelectorAll<HTMLElement>('.qr-code__dark'))) {
    const at = (value: string) => Math.round((Number.parseFloat(value) / 100) * span) - 4;
    const row = at(run.style.top);
    const column = at(run.style.left);
    const length = Math.round((Number.parseFloat(run.style.width.replace('calc(', '')) / 100) * span);
    for (let i = 0; i < length; i++) modules[row]![column + i] = true;
  }
  return modules;
}

describe("a member's check-in on the session page", () => {
  const startsAt = new Date(Date.now() - 5 * 60_000).toISOString();
  const session: SessionView = {
    id: sessionId,
    communityId: 'c1',
    title: '15分钟：切水果做蛋糕装饰',
    startsAt,
    durationMinutes: 15,
    mode: 'online',
    seriesId: null,
    seriesLabel: null,
    hostNickname: '王小雪',
    capacity: 4,
    confirmedCount: 1,
    seatsLeft: 3,
    waitlistCount: 0,
    tags: ['烘焙'],
    status: 'scheduled',
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
    description: '不用烤箱。',
    host: { id: 'u9', nickname: '王小雪', avatarUrl: null },
    meetingLink: null,
    attendeeDetailsHidden: false,
    address: null,
    materials: [],
    signUpDeadline: startsAt,
    reminderOffsets: [],
    claimWindowHours: null,
    canManage: false,
    series: null,
    gentleRule: false,
    signUpHeldBack: false,
  };

  beforeEach(() => taroTest.setRouter('/member/session/index', { id: sessionId }));

  test('in WeChat, 扫码签到 opens the camera for a QR code and posts what it read', async () => {
    process.env.TARO_ENV = 'weapp';
    let current = session;
    mockApi({
      [`GET /api/sessions/${sessionId}`]: () => ({ body: current }),
      [`POST /api/sessions/${sessionId}/check-in-qr/scan`]: () => {
        current = { ...session, mySignup: { ...session.mySignup!, checkedIn: true } };
        return { body: current.mySignup };
      },
    });
    Taro.scanCode.mockResolvedValue({ result: hostToken(1), scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
    render(<SessionPage />);
    fireEvent.click(await screen.findByText('扫码签到'));

    await screen.findByText('已签到');
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    const posted = requestCalls().find((call) => call.url.endsWith('/check-in-qr/scan'));
    expect(posted?.data).toEqual({ token: hostToken(1) });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功' }));
  });

  test('a refused camera is explained with 去设置, and nothing is posted', async () => {
    process.env.TARO_ENV = 'weapp';
    mockApi({ [`GET /api/sessions/${sessionId}`]: { body: session } });
    Taro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail auth deny' });
    render(<SessionPage />);
    fireEvent.click(await screen.findByText('扫码签到'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '需要相机权限', confirmText: '去设置' }),
      ),
    );
    expect(requestCalls().some((call) => call.url.includes('/check-in-qr'))).toBe(false);
  });

  test('in the browser, where nothing scans, there is no 扫码签到: the typed code serves', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({ [`GET /api/sessions/${sessionId}`]: { body: session } });
    render(<SessionPage />);
    await screen.findByPlaceholderText('输入主持人给的 4 位签到码');
    expect(screen.queryByText('扫码签到')).toBeNull();
    fireEvent.click(screen.getByText('我的签到码（给主持人扫）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/member/check-in-pass/index?id=${sessionId}` });
  });

  test('签到 by code says what it waits for until the code has 4 digits', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({ [`GET /api/sessions/${sessionId}`]: { body: session } });
    render(<SessionPage />);
    const input = await screen.findByPlaceholderText('输入主持人给的 4 位签到码');
    const submit = () => document.querySelector('.check-in__submit') as HTMLButtonElement;
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('请输入 4 位签到码')).toBeTruthy();
    fireEvent.input(input, { target: { value: '12' } });
    expect(screen.getByText('请输入 4 位签到码').className).toBe('form__problem');
    fireEvent.input(input, { target: { value: '1234' } });
    expect(submit().disabled).toBe(false);
    expect(screen.queryByText('请输入 4 位签到码')).toBeNull();
  });

  test('in WeChat without a scanner (an old base library), no 扫码签到 either', async () => {
    process.env.TARO_ENV = 'weapp';
    mockApi({ [`GET /api/sessions/${sessionId}`]: { body: session } });
    (Taro as unknown as { scanCode?: unknown }).scanCode = undefined;
    render(<SessionPage />);
    await screen.findByPlaceholderText('输入主持人给的 4 位签到码');
    expect(screen.queryByText('扫码签到')).toBeNull();
  });
});

test('我的签到码 draws the pass on the device, module for module', async () => {
  taroTest.setRouter('/member/check-in-pass/index', { id: sessionId });
  mockApi({
    [`GET /api/sessions/${sessionId}/check-in-passes/me`]: {
      body: {
        pass: {
          token: passToken(),
          nickname: '小周',
          guests: 2,
          checkedIn: false,
          validFrom: '2030-11-28T11:30:00.000Z',
          validUntil: '2030-11-28T12:45:00.000Z',
        },
        noPass: null,
      },
    },
  });
  const { container } = render(<CheckInPassPage />);
  await screen.findByText('小周 +2');
  expect(screen.getByText('签到时间 19:30 - 20:45 有效，只能用于这场活动')).toBeTruthy();
  const symbol = encodeQr(passToken());
  expect(drawnModules(container, symbol.size)).toEqual(symbol.modules);
});

test('我的签到码 without a seat says so, as a state of the session and not as a failed load', async () => {
  taroTest.setRouter('/member/check-in-pass/index', { id: sessionId });
  mockApi({
    [`GET /api/sessions/${sessionId}/check-in-passes/me`]: { body: { pass: null, noPass: 'NOT_ATTENDEE' } },
  });
  render(<CheckInPassPage />);
  await screen.findByText('报名成功后，这里会有你的签到码');
  expect(screen.queryByText('重试')).toBeNull();
});

describe("the host's attendance page", () => {
  function attendee(overrides: Partial<AttendeeView> = {}): AttendeeView {
    return {
      userId: memberId,
      nickname: '小周',
      avatarUrl: null,
      guests: 2,
      status: 'confirmed',
      checkedInAt: null,
      checkedInGuests: null,
      checkInLocked: false,
      record: { counted: 0, attended: 0, noShows: 0, lateCancels: 0 },
      ...overrides,
    };
  }

  function attendanceWith(attendees: AttendeeView[]): AttendanceView {
    const startedAt = Date.now() - 10 * 60_000;
    return {
      sessionId,
      checkInCode: '4821',
      checkInOpensAt: new Date(startedAt - 30 * 60_000).toISOString(),
      checkInClosesAt: new Date(startedAt + 45 * 60_000).toISOString(),
      attendees,
      checkedInCount: attendees.filter((a) => a.checkedInAt).length,
      feedbackCount: 0,
      averageRating: null,
      comments: [],
    };
  }

  beforeEach(() => taroTest.setRouter('/owner/attendance/index', { id: sessionId }));

  test('shows the code of the moment and turns to the next one by the clock, without asking again', async () => {
    jest.useFakeTimers({
      now: new Date('2030-11-28T12:10:01.000Z'),
      doNotFake: ['nextTick', 'setImmediate'],
    });
    const step = Date.parse('2030-11-28T12:10:00.000Z') / 30_000;
    const codes = Array.from({ length: 10 }, (_, i) => ({
      token: hostToken(step + i),
      validFrom: new Date((step + i) * 30_000).toISOString(),
      validUntil: new Date((step + i + 1) * 30_000).toISOString(),
    }));
    mockApi({
      [`GET /api/sessions/${sessionId}/attendance`]: () => ({ body: attendanceWith([attendee()]) }),
      // The phone's clock is 1 s behind the server's.
      [`GET /api/sessions/${sessionId}/check-in-qr`]: () => ({
        body: { serverTime: new Date(Date.now() + 1000).toISOString(), codes },
      }),
    });
    const { container } = render(<AttendancePage />);
    const first = encodeQr(codes[0]!.token);
    await waitFor(() => expect(drawnModules(container, first.size)).toEqual(first.modules));
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    const second = encodeQr(codes[1]!.token);
    expect(drawnModules(container, second.size)).toEqual(second.modules);
    expect(requestCalls().filter((call) => call.url.endsWith('/check-in-qr'))).toHaveLength(1);
    expect(screen.getByText('4821')).toBeTruthy();
  });

  test('扫码签到成员: shows who it is with their party, and checks them in with the guests who came', async () => {
    process.env.TARO_ENV = 'weapp';
    let attendees = [attendee()];
    mockApi({
      [`GET /api/sessions/${sessionId}/attendance`]: () => ({ body: attendanceWith(attendees) }),
      [`GET /api/sessions/${sessionId}/check-in-qr`]: {
        body: { serverTime: new Date().toISOString(), codes: [] },
      },
      [`POST /api/sessions/${sessionId}/check-in-passes/scan`]: (call) => {
        const { guests } = call.data as { guests: number };
        attendees = [attendee({ checkedInAt: new Date().toISOString(), checkedInGuests: guests })];
        return { body: attendanceWith(attendees) };
      },
    });
    Taro.scanCode.mockResolvedValue({ result: passToken(), scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
    const { container } = render(<AttendancePage />);
    fireEvent.click(await screen.findByText('扫码签到成员'));

    await waitFor(() => expect(container.querySelector('.pass-scan')).not.toBeNull());
    expect(container.querySelector('.pass-scan__who')?.textContent).toBe('小周 +2');
    fireEvent.click(screen.getByText('1 位'));
    fireEvent.click(screen.getByText('确认签到（2 人）'));

    await screen.findByText('已签到（到了 2 人）');
    const posted = requestCalls().find((call) => call.url.endsWith('/check-in-passes/scan'));
    expect(posted?.data).toEqual({ token: passToken(), guests: 1 });
    expect(container.querySelector('.attendance-count')?.textContent).toBe('已签到 1 / 1');
  });

  test("扫码签到成员: another session's pass or a code that is no pass is refused on the spot", async () => {
    process.env.TARO_ENV = 'weapp';
    mockApi({
      [`GET /api/sessions/${sessionId}/attendance`]: () => ({ body: attendanceWith([attendee()]) }),
      [`GET /api/sessions/${sessionId}/check-in-qr`]: {
        body: { serverTime: new Date().toISOString(), codes: [] },
      },
    });
    render(<AttendancePage />);
    Taro.scanCode.mockResolvedValueOnce({
      result: passToken(otherSessionId),
      scanType: 'QR_CODE',
      errMsg: 'ok',
    });
    fireEvent.click(await screen.findByText('扫码签到成员'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '这是另一场活动的成员签到码' }),
      ),
    );
    Taro.scanCode.mockResolvedValueOnce({ result: 'https://example.com', scanType: 'QR_CODE', errMsg: 'ok' });
    fireEvent.click(screen.getByText('扫码签到成员'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '无法识别这个二维码，请让成员打开「我的签到码」' }),
      ),
    );
    expect(requestCalls().some((call) => call.url.endsWith('/check-in-passes/scan'))).toBe(false);
  });

  test('in the browser the host shows the code but has no scanner', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({
      [`GET /api/sessions/${sessionId}/attendance`]: () => ({ body: attendanceWith([attendee()]) }),
      [`GET /api/sessions/${sessionId}/check-in-qr`]: {
        body: {
          serverTime: new Date().toISOString(),
          codes: [
            {
              token: hostToken(1),
              validFrom: new Date(0).toISOString(),
              validUntil: new Date(Date.now() + 30_000).toISOString(),
            },
          ],
        },
      },
    });
    const { container } = render(<AttendancePage />);
    await waitFor(() => expect(container.querySelectorAll('.qr-code__dark').length).toBeGreaterThan(0));
    expect(screen.queryByText('扫码签到成员')).toBeNull();
  });
});
