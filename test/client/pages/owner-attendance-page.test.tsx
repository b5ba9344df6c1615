import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AttendanceView, AttendeeView } from '@/domain/contract/sessions';
import AttendancePage from '@/owner/attendance/index';
import { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const sessionId = '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01';
const attendanceUrl = `/api/sessions/${sessionId}/attendance`;

function attendee(overrides: Partial<AttendeeView>): AttendeeView {
  return {
    userId: 'u2',
    nickname: '小周',
    avatarUrl: null,
    guests: 0,
    status: 'confirmed',
    checkedInAt: null,
    checkedInGuests: null,
    checkInLocked: false,
    record: { counted: 0, attended: 0, noShows: 0, lateCancels: 0 },
    ...overrides,
  };
}

/** A session that started ten minutes ago: the code is open, one member locked out, one waiting on the list. */
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

beforeEach(() => {
  taroTest.reset();
  signInForTest();
  taroTest.setRouter('/owner/attendance/index', { id: sessionId });
});

test('the host lifts a lockout and checks a member in by hand', async () => {
  let attendees = [
    attendee({ userId: 'u2', nickname: '小周', checkInLocked: true }),
    attendee({ userId: 'u3', nickname: '阿青' }),
    attendee({ userId: 'u4', nickname: '小吴', status: 'waitlisted' }),
  ];
  const change = (userId: string, changes: Partial<AttendeeView>) => {
    attendees = attendees.map((a) => (a.userId === userId ? { ...a, ...changes } : a));
    return { body: attendanceWith(attendees) };
  };
  mockApi({
    [`GET ${attendanceUrl}`]: () => ({ body: attendanceWith(attendees) }),
    [`POST /api/sessions/${sessionId}/attendees/u2/check-in-unlock`]: () =>
      change('u2', { checkInLocked: false }),
    [`POST /api/sessions/${sessionId}/attendees/u3/check-in`]: () =>
      change('u3', { checkedInAt: new Date().toISOString() }),
  });
  const { container } = render(<AttendancePage />);

  await screen.findByText('签到码输错太多次');
  // Only confirmed members can be checked in; the waitlisted one gets no buttons.
  expect(screen.getAllByText('手动签到')).toHaveLength(2);
  expect(screen.getAllByText('解除锁定')).toHaveLength(1);

  fireEvent.click(screen.getByText('解除锁定'));
  await waitFor(() => expect(screen.queryByText('签到码输错太多次')).toBeNull());

  const row = Array.from(container.querySelectorAll('.attendee')).find((el) =>
    el.textContent?.includes('阿青'),
  )!;
  fireEvent.click(row.querySelector('.attendee__check-in')!);
  await waitFor(() => expect(container.querySelector('.attendance-count')?.textContent).toBe('已签到 1 / 2'));
  expect(row.querySelector('.attendee__check-in')).toBeNull();
  expect(
    requestCalls()
      .filter((call) => call.method === 'POST')
      .map((call) => call.url),
  ).toEqual([
    `/api/sessions/${sessionId}/attendees/u2/check-in-unlock`,
    `/api/sessions/${sessionId}/attendees/u3/check-in`,
  ]);
});

test('before the check-in opens there is nothing to check in by hand, and 打开签到 says why it waits', async () => {
  const later = attendanceWith([attendee({})]);
  later.checkInCode = null;
  later.checkInOpensAt = new Date(Date.now() + 3600_000).toISOString();
  mockApi({ [`GET ${attendanceUrl}`]: { body: later } });
  render(<AttendancePage />);
  await screen.findByText('小周');
  expect(screen.queryByText('手动签到')).toBeNull();
  expect((screen.getByText('打开签到').closest('button') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('签到时间到了才能打开')).toBeTruthy();
});

test("once the code is open, 换一个签到码 is a plain button under it, not the screen's primary one", async () => {
  mockApi({ [`GET ${attendanceUrl}`]: { body: attendanceWith([attendee({})]) } });
  const { container } = render(<AttendancePage />);
  await screen.findByText('4821');
  expect(container.querySelector('.open-check-in')?.className).not.toContain('button--primary');
  expect(screen.getByText('换一个签到码')).toBeTruthy();
});

test('each attendee shows their attendance record', async () => {
  mockApi({
    [`GET ${attendanceUrl}`]: {
      body: attendanceWith([
        attendee({
          userId: 'u2',
          nickname: '小周',
          record: { counted: 5, attended: 4, noShows: 1, lateCancels: 0 },
        }),
        attendee({ userId: 'u3', nickname: '阿青' }),
      ]),
    },
  });
  const { container } = render(<AttendancePage />);
  await screen.findByText('最近 5 次：到场 4 次');
  const records = Array.from(container.querySelectorAll('.attendee__record')).map((el) => el.textContent);
  expect(records).toEqual(['最近 5 次：到场 4 次', '还没有签到记录']);
  expect(screen.queryByText('缺席较多，报名先候补')).toBeNull();
});

test('with the gentle rule on, the team sees which attendee it holds back', async () => {
  const standing = { noShows: 3, attendedInRow: 0, attendedToClear: 2, clearsBy: '2027-01-09T00:00:00.000Z' };
  mockApi({
    [`GET ${attendanceUrl}`]: {
      body: attendanceWith([
        attendee({
          userId: 'u2',
          nickname: '小周',
          record: {
            counted: 3,
            attended: 0,
            noShows: 3,
            lateCancels: 0,
            gentleRule: { heldBack: true, ...standing },
          },
        }),
        attendee({
          userId: 'u3',
          nickname: '阿青',
          record: {
            counted: 0,
            attended: 0,
            noShows: 0,
            lateCancels: 0,
            gentleRule: {
              heldBack: false,
              noShows: 0,
              attendedInRow: 0,
              attendedToClear: null,
              clearsBy: null,
            },
          },
        }),
      ]),
    },
  });
  const { container } = render(<AttendancePage />);
  await screen.findByText('最近 3 次：到场 0 次');
  const heldBack = Array.from(container.querySelectorAll('.attendee__held-back'));
  expect(
    heldBack.map((el) => el.closest('.attendee')?.querySelector('.attendee__name')?.textContent),
  ).toEqual(['小周']);
});
