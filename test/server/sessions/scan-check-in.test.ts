import { checkInStep, stepStartsAt } from '../../../src/domain/check-in-scan';
import type {
  AttendanceView,
  HostCheckInCodesView,
  MyCheckInPassView,
} from '../../../src/domain/contract/sessions';
import { checkInClosesAt } from '../../../src/domain/sessions';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { members, moveSession, scheduleSession, signUpOk } from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(new Date()));

const second = 1000;
const step = 30 * second;

function call(user: SignedInUser, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
}

/**
 * A session hosted by a plain member, 3 days ahead: the member (1 guest) and two more hold seats, the
 * secretary waits. The clock is then set 5 minutes after the start, 1 s into a 30-second step, and
 * the host opens check-in.
 */
async function sessionUnderway() {
  t.clock.set(new Date());
  const team = await communityWithTeam(t.app);
  const [host, second_, third] = await members(t.app, team.community.inviteCode!, 3);
  const session = await scheduleSession(t.app, team.owner, team.community.id, {
    hostUserId: host!.user.id,
    capacity: 4,
  });
  await signUpOk(t.app, team.member, session.id, 1);
  await signUpOk(t.app, second_!, session.id);
  await signUpOk(t.app, third!, session.id);
  await signUpOk(t.app, team.secretary, session.id);
  const startsAt = new Date(session.startsAt);
  const stepNow = checkInStep(new Date(startsAt.getTime() + 5 * 60 * second));
  const setStep = (n: number) => t.clock.set(new Date(stepStartsAt(stepNow + n).getTime() + second));
  setStep(0);
  expect((await call(host!, 'POST', `/api/sessions/${session.id}/check-in-code`)).statusCode).toBe(200);
  return { ...team, host: host!, others: [second_!, third!], session, startsAt, setStep };
}

async function hostCodes(host: SignedInUser, sessionId: string) {
  const response = await call(host, 'GET', `/api/sessions/${sessionId}/check-in-qr`);
  expect(response.statusCode).toBe(200);
  return response.json<HostCheckInCodesView>();
}

const scanHostCode = (user: SignedInUser, sessionId: string, token: string) =>
  call(user, 'POST', `/api/sessions/${sessionId}/check-in-qr/scan`, { token });

const scanPass = (user: SignedInUser, sessionId: string, token: string, guests: number) =>
  call(user, 'POST', `/api/sessions/${sessionId}/check-in-passes/scan`, { token, guests });

async function passOf(user: SignedInUser, sessionId: string) {
  const response = await call(user, 'GET', `/api/sessions/${sessionId}/check-in-passes/me`);
  expect(response.statusCode).toBe(200);
  const { pass } = response.json<MyCheckInPassView>();
  expect(pass).not.toBeNull();
  return pass!;
}

async function attendance(user: SignedInUser, sessionId: string) {
  return (await call(user, 'GET', `/api/sessions/${sessionId}/attendance`)).json<AttendanceView>();
}

describe("members scan the host's code", () => {
  it('hands the host the codes of the next 5 minutes, one per 30 seconds, the first one of this moment', async () => {
    const { host, session, setStep } = await sessionUnderway();
    setStep(0);
    const { codes, serverTime } = await hostCodes(host, session.id);
    expect(codes).toHaveLength(10);
    expect(Date.parse(codes[0]!.validFrom)).toBeLessThanOrEqual(Date.parse(serverTime));
    expect(Date.parse(codes[0]!.validUntil)).toBeGreaterThan(Date.parse(serverTime));
    expect(Date.parse(codes[1]!.validFrom) - Date.parse(codes[0]!.validFrom)).toBe(step);
    expect(new Set(codes.map((code) => code.token)).size).toBe(10);
  });

  it("checks a confirmed member in with this step's code and the one before; older codes are refused", async () => {
    const { host, member, others, session, setStep } = await sessionUnderway();
    const [first] = (await hostCodes(host, session.id)).codes;
    setStep(1);
    const late = await scanHostCode(member, session.id, first!.token);
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ status: 'confirmed', checkedIn: true });
    setStep(2);
    const stale = await scanHostCode(others[0]!, session.id, first!.token);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'CHECK_IN_QR_EXPIRED',
      message: expect.stringContaining('签到码已更新'),
    });
    const fresh = (await hostCodes(host, session.id)).codes[0]!;
    expect((await scanHostCode(others[0]!, session.id, fresh.token)).statusCode).toBe(200);
    expect((await attendance(host, session.id)).checkedInCount).toBe(2);
  });

  it('a second scan changes nothing', async () => {
    const { host, member, session } = await sessionUnderway();
    const [code] = (await hostCodes(host, session.id)).codes;
    expect((await scanHostCode(member, session.id, code!.token)).statusCode).toBe(200);
    const checkedInAt = (await attendance(host, session.id)).attendees.find(
      (a) => a.userId === member.user.id,
    )!.checkedInAt;
    t.clock.advance(10 * second);
    const again = await scanHostCode(member, session.id, code!.token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ checkedIn: true });
    const after = await attendance(host, session.id);
    expect(after.checkedInCount).toBe(1);
    expect(after.attendees.find((a) => a.userId === member.user.id)!.checkedInAt).toBe(checkedInAt);
  });

  it("refuses another session's code, a forged one and anything that is not a host code, in Chinese", async () => {
    const { host, member, session } = await sessionUnderway();
    const other = await sessionUnderway();
    const otherCode = (await hostCodes(other.host, other.session.id)).codes[0]!.token;
    const mine = (await hostCodes(host, session.id)).codes[0]!.token;
    const otherSession = await scanHostCode(member, session.id, otherCode);
    expect(otherSession.statusCode).toBe(409);
    expect(otherSession.json()).toMatchObject({
      code: 'CHECK_IN_QR_OTHER_SESSION',
      message: '这是另一场活动的签到码',
    });
    const forged = `${mine.slice(0, -1)}${mine.endsWith('A') ? 'B' : 'A'}`;
    const pass = (await passOf(member, session.id)).token;
    for (const token of [forged, 'https://example.com/not-ours', pass, mine.replace(/\.\d+\./, '.1.')]) {
      const refused = await scanHostCode(member, session.id, token);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'CHECK_IN_QR_INVALID',
        message: expect.stringContaining('无法识别'),
      });
    }
    expect((await attendance(host, session.id)).checkedInCount).toBe(0);
  });

  it('gives no codes before check-in is opened or past its window, and a scan after the close is refused', async () => {
    const team = await communityWithTeam(t.app);
    // 15 s into a step: the window closes 45 minutes later, 15 s into a step too.
    const startsAt = new Date(
      stepStartsAt(checkInStep(new Date(Date.now() + 3 * 24 * 3600 * second))).getTime() + 15 * second,
    );
    const session = await scheduleSession(t.app, team.owner, team.community.id, {
      startsAt: startsAt.toISOString(),
      durationMinutes: 15,
    });
    await signUpOk(t.app, team.member, session.id);
    t.clock.set(new Date(startsAt.getTime() + 60 * second));
    const notOpened = await call(team.owner, 'GET', `/api/sessions/${session.id}/check-in-qr`);
    expect(notOpened.json()).toMatchObject({ code: 'CHECK_IN_NOT_OPEN' });
    await call(team.owner, 'POST', `/api/sessions/${session.id}/check-in-code`);
    const closesAt = checkInClosesAt({ startsAt, durationMinutes: 15 });
    t.clock.set(new Date(closesAt.getTime() - 5 * second));
    const { codes } = await hostCodes(team.owner, session.id);
    expect(codes).toHaveLength(1);
    // The same step, 5 s after the close.
    t.clock.set(new Date(closesAt.getTime() + 5 * second));
    const closed = await scanHostCode(team.member, session.id, codes[0]!.token);
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'CHECK_IN_NOT_OPEN', message: '现在不在签到时间内' });
    const after = await call(team.owner, 'GET', `/api/sessions/${session.id}/check-in-qr`);
    expect(after.json()).toMatchObject({ code: 'CHECK_IN_NOT_OPEN' });
  });

  it('lets a member locked out by wrong codes in by scanning: a signed code is no guess', async () => {
    const { host, member, session } = await sessionUnderway();
    const code = (await attendance(host, session.id)).checkInCode!;
    const wrong = code === '0000' ? '1111' : '0000';
    for (let i = 0; i < 5; i += 1)
      await call(member, 'POST', `/api/sessions/${session.id}/check-in`, { code: wrong });
    const scanned = await scanHostCode(
      member,
      session.id,
      (await hostCodes(host, session.id)).codes[0]!.token,
    );
    expect(scanned.json()).toMatchObject({ checkedIn: true });
  });

  it('only the host and the team get the codes; a waiting member cannot check in with one', async () => {
    const { host, member, secretary, outsider, owner, session } = await sessionUnderway();
    expect((await call(owner, 'GET', `/api/sessions/${session.id}/check-in-qr`)).statusCode).toBe(200);
    for (const user of [member, outsider]) {
      expect((await call(user, 'GET', `/api/sessions/${session.id}/check-in-qr`)).statusCode).toBe(403);
    }
    const token = (await hostCodes(host, session.id)).codes[0]!.token;
    expect((await scanHostCode(secretary, session.id, token)).json()).toMatchObject({ code: 'NOT_ATTENDEE' });
    expect((await scanHostCode(outsider, session.id, token)).statusCode).toBe(403);
  });
});

describe("the host scans a member's pass", () => {
  it('shows the pass to a confirmed member only, and checks them in with the guests who came', async () => {
    const { host, member, secretary, session } = await sessionUnderway();
    const pass = await passOf(member, session.id);
    expect(pass).toMatchObject({ nickname: member.user.nickname, guests: 1, checkedIn: false });
    // Waiting is a state, not a fault: no pass, and why, with a 200 (no red line in the console).
    const waiting = await call(secretary, 'GET', `/api/sessions/${session.id}/check-in-passes/me`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toEqual({ pass: null, noPass: 'NOT_ATTENDEE' });

    const tooMany = await scanPass(host, session.id, pass.token, 2);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: 'GUESTS_ABOVE_BOOKED' });
    const scanned = await scanPass(host, session.id, pass.token, 0);
    expect(scanned.statusCode).toBe(200);
    const row = scanned.json<AttendanceView>().attendees.find((a) => a.userId === member.user.id)!;
    expect(row.checkedInAt).not.toBeNull();
    expect(row.checkedInGuests).toBe(0);
    // The friend arrived after all: a second scan keeps the check-in time and takes the new count.
    t.clock.advance(60 * second);
    const again = (await scanPass(host, session.id, pass.token, 1)).json<AttendanceView>();
    const later = again.attendees.find((a) => a.userId === member.user.id)!;
    expect(later).toMatchObject({ checkedInAt: row.checkedInAt, checkedInGuests: 1 });
    expect(again.checkedInCount).toBe(1);
    expect((await passOf(member, session.id)).checkedIn).toBe(true);
  });

  it("refuses another session's pass, a forged one, the host's own code and a pass made before the session moved", async () => {
    const { host, member, session, startsAt, setStep } = await sessionUnderway();
    const other = await sessionUnderway();
    const otherPass = (await passOf(other.member, other.session.id)).token;
    const pass = (await passOf(member, session.id)).token;
    const refusal = async (token: string) => (await scanPass(host, session.id, token, 0)).json();
    expect(await refusal(otherPass)).toMatchObject({ code: 'CHECK_IN_PASS_OTHER_SESSION' });
    const hostCode = (await hostCodes(host, session.id)).codes[0]!.token;
    for (const token of [`${pass.slice(0, -2)}xx`, hostCode, '12345678']) {
      expect(await refusal(token)).toMatchObject({
        code: 'CHECK_IN_PASS_INVALID',
        message: expect.stringContaining('我的签到码'),
      });
    }
    await moveSession(t.db, session.id, new Date(startsAt.getTime() - 60 * second));
    setStep(0);
    expect(await refusal(pass)).toMatchObject({
      code: 'CHECK_IN_PASS_EXPIRED',
      message: expect.stringContaining('已失效'),
    });
    expect((await scanPass(host, session.id, (await passOf(member, session.id)).token, 0)).statusCode).toBe(
      200,
    );
  });

  it('refuses a pass once the window has closed, and gives none then', async () => {
    const { host, member, session, startsAt } = await sessionUnderway();
    const pass = (await passOf(member, session.id)).token;
    t.clock.set(new Date(checkInClosesAt({ startsAt, durationMinutes: 15 }).getTime() + second));
    expect((await scanPass(host, session.id, pass, 0)).json()).toMatchObject({
      code: 'CHECK_IN_PASS_EXPIRED',
    });
    const none = await call(member, 'GET', `/api/sessions/${session.id}/check-in-passes/me`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ pass: null, noPass: 'CHECK_IN_NOT_OPEN' });
  });

  it('the session host and the team scan passes; another member may not', async () => {
    const { host, member, others, admin, session } = await sessionUnderway();
    const pass = (await passOf(member, session.id)).token;
    const refused = await scanPass(others[0]!, session.id, pass, 0);
    expect(refused.statusCode).toBe(403);
    expect((await scanPass(admin, session.id, pass, 1)).statusCode).toBe(200);
    expect(
      (await scanPass(host, session.id, (await passOf(others[1]!, session.id)).token, 0)).statusCode,
    ).toBe(200);
  });
});
