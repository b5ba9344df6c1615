import { communityWithTeam, joinCommunity, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  cancelSignup,
  getSession,
  members,
  moveSession,
  scheduleSession,
  signUpOk,
} from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function openCode(host: SignedInUser, sessionId: string): Promise<string> {
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/check-in-code`,
    headers: host.headers,
  });
  return opened.json().checkInCode as string;
}

function enterCode(user: SignedInUser, sessionId: string, code: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/check-in`,
    headers: user.headers,
    payload: { code },
  });
}

function onAttendee(user: SignedInUser, sessionId: string, attendeeId: string, action: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/attendees/${attendeeId}/${action}`,
    headers: user.headers,
  });
}

async function sessionUnderway() {
  const team = await communityWithTeam(t.app);
  const [host] = await members(t.app, team.community.inviteCode!, 1);
  const session = await scheduleSession(t.app, team.owner, team.community.id, {
    hostUserId: host!.user.id,
    capacity: 1,
  });
  await signUpOk(t.app, team.member, session.id);
  await signUpOk(t.app, team.admin, session.id);
  await moveSession(t.db, session.id, new Date(Date.now() - 5 * 60_000));
  return { ...team, host: host!, session };
}

describe('check-in', () => {
  it('the host opens a 4-digit code, a confirmed member enters it and shows as present', async () => {
    const { host, member, admin, session } = await sessionUnderway();
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/check-in-code`,
      headers: host.headers,
    });
    expect(opened.statusCode).toBe(200);
    const code = opened.json().checkInCode as string;
    expect(code).toMatch(/^\d{4}$/);
    const checkIn = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/check-in`,
      headers: member.headers,
      payload: { code },
    });
    expect(checkIn.json()).toMatchObject({ status: 'confirmed', checkedIn: true });
    // Waitlisted members were not there as attendees.
    const waitlisted = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/check-in`,
      headers: admin.headers,
      payload: { code },
    });
    expect(waitlisted.json().code).toBe('NOT_ATTENDEE');
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/sessions/${session.id}/attendance`,
      headers: host.headers,
    });
    expect(attendance.json()).toMatchObject({ checkedInCount: 1, checkInCode: code });
    expect(
      attendance.json().attendees.find((a: { userId: string }) => a.userId === member.user.id).checkedInAt,
    ).not.toBeNull();
  });

  it('only the host and the team see attendance or open the code', async () => {
    const { member, secretary, outsider, session } = await sessionUnderway();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/sessions/${session.id}/attendance`,
          headers: secretary.headers,
        })
      ).statusCode,
    ).toBe(200);
    for (const [user, status] of [
      [member, 403],
      [outsider, 403],
    ] as const) {
      for (const [method, url] of [
        ['GET', `/api/sessions/${session.id}/attendance`],
        ['POST', `/api/sessions/${session.id}/check-in-code`],
      ] as const) {
        expect((await t.app.inject({ method, url, headers: user.headers })).statusCode).toBe(status);
      }
    }
  });

  it('locks a member out after 5 wrong codes', async () => {
    const { host, member, session } = await sessionUnderway();
    const code = (
      await t.app.inject({
        method: 'POST',
        url: `/api/sessions/${session.id}/check-in-code`,
        headers: host.headers,
      })
    ).json().checkInCode as string;
    const wrong = code === '0000' ? '1111' : '0000';
    const attempt = (value: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/sessions/${session.id}/check-in`,
        headers: member.headers,
        payload: { code: value },
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt(wrong)).json().code).toBe('CHECK_IN_CODE_WRONG');
    const locked = await attempt(code);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('CHECK_IN_TOO_MANY_TRIES');
  });

  it('the host lifts a lockout, or checks the member in by hand; nobody else may', async () => {
    const { host, member, admin, secretary, session } = await sessionUnderway();
    const code = await openCode(host, session.id);
    const wrong = code === '0000' ? '1111' : '0000';
    for (let i = 0; i < 5; i += 1) await enterCode(member, session.id, wrong);
    expect((await enterCode(member, session.id, code)).json().code).toBe('CHECK_IN_TOO_MANY_TRIES');
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/sessions/${session.id}/attendance`,
      headers: host.headers,
    });
    expect(
      attendance.json().attendees.find((a: { userId: string }) => a.userId === member.user.id),
    ).toMatchObject({ checkInLocked: true, checkedInAt: null });

    // A member cannot lift their own lockout; the host can, and the code works again.
    expect((await onAttendee(member, session.id, member.user.id, 'check-in-unlock')).statusCode).toBe(403);
    const unlocked = await onAttendee(host, session.id, member.user.id, 'check-in-unlock');
    expect(unlocked.statusCode).toBe(200);
    expect(
      unlocked.json().attendees.find((a: { userId: string }) => a.userId === member.user.id),
    ).toMatchObject({ checkInLocked: false });
    expect((await enterCode(member, session.id, code)).json()).toMatchObject({ checkedIn: true });

    // The admin waits on the list (one seat): no sign-up to check in. Once seated, the team checks them in by hand.
    const notAttendee = await onAttendee(secretary, session.id, admin.user.id, 'check-in');
    expect(notAttendee.statusCode).toBe(404);
    expect(notAttendee.json().code).toBe('ATTENDEE_NOT_FOUND');
    // The checked-in member leaves the community, which gives up the seat.
    await moveSession(t.db, session.id, new Date(Date.now() + 10 * 60_000));
    const leave = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${session.communityId}/leave`,
      headers: member.headers,
    });
    expect(leave.statusCode).toBe(204);
    expect((await getSession(t.app, admin, session.id)).mySignup?.status).toBe('confirmed');
    const byHand = await onAttendee(secretary, session.id, admin.user.id, 'check-in');
    expect(byHand.statusCode).toBe(200);
    expect(byHand.json()).toMatchObject({ checkedInCount: 1 });
    expect((await getSession(t.app, admin, session.id)).mySignup?.checkedIn).toBe(true);
  });

  it('refuses checking in by hand before the check-in opens', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    const early = await onAttendee(owner, session.id, member.user.id, 'check-in');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CHECK_IN_NOT_OPEN');
  });

  it('a checked-in member cannot cancel; a new sign-up after leaving and coming back starts clean: not checked in, no wrong tries, no feedback', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    await moveSession(t.db, session.id, new Date(Date.now() - 5 * 60_000));
    const code = await openCode(owner, session.id);
    await enterCode(member, session.id, code === '0000' ? '1111' : '0000');
    expect((await enterCode(member, session.id, code)).json()).toMatchObject({ checkedIn: true });
    const feedback = await t.app.inject({
      method: 'PUT',
      url: `/api/sessions/${session.id}/feedback`,
      headers: member.headers,
      payload: { rating: 5, comment: '很实用' },
    });
    expect(feedback.statusCode).toBe(200);

    // The session moves to later today. Checked in, the member is there: 取消报名 is refused. Leaving
    // the community ends the sign-up; back in, the member signs up again.
    await moveSession(t.db, session.id, new Date(Date.now() + 20 * 60_000));
    const cancel = await cancelSignup(t.app, member, session.id);
    expect([cancel.statusCode, cancel.json().code]).toEqual([409, 'ALREADY_CHECKED_IN']);
    const leave = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/leave`,
      headers: member.headers,
    });
    expect(leave.statusCode).toBeLessThan(300);
    await joinCommunity(t.app, member, community.inviteCode!);
    await signUpOk(t.app, member, session.id);
    expect((await getSession(t.app, member, session.id)).mySignup).toMatchObject({
      status: 'confirmed',
      checkedIn: false,
      feedback: null,
    });
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/sessions/${session.id}/attendance`,
      headers: owner.headers,
    });
    expect(attendance.json()).toMatchObject({ checkedInCount: 0, feedbackCount: 0 });
    expect(attendance.json().attendees[0]).toMatchObject({ checkedInAt: null, checkInLocked: false });
  });

  it('a member locked out by wrong codes who cancels and signs up again may enter the code afresh', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    await moveSession(t.db, session.id, new Date(Date.now() - 5 * 60_000));
    const code = await openCode(owner, session.id);
    const wrong = code === '0000' ? '1111' : '0000';
    for (let i = 0; i < 5; i += 1) await enterCode(member, session.id, wrong);
    expect((await enterCode(member, session.id, code)).json().code).toBe('CHECK_IN_TOO_MANY_TRIES');

    // Not checked in, the member may still cancel before the start, and sign up again.
    await moveSession(t.db, session.id, new Date(Date.now() + 20 * 60_000));
    expect((await cancelSignup(t.app, member, session.id)).statusCode).toBeLessThan(300);
    await signUpOk(t.app, member, session.id);
    await moveSession(t.db, session.id, new Date(Date.now() - 5 * 60_000));
    for (let i = 0; i < 4; i += 1)
      expect((await enterCode(member, session.id, wrong)).json().code).toBe('CHECK_IN_CODE_WRONG');
    expect((await enterCode(member, session.id, code)).json()).toMatchObject({ checkedIn: true });
  });

  it('refuses opening the code far from the session time', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/check-in-code`,
      headers: owner.headers,
    });
    expect(response.json().code).toBe('CHECK_IN_NOT_OPEN');
  });
});

describe('feedback', () => {
  it('an attendee rates once (editable) and the host sees the average', async () => {
    const { host, member, admin, session } = await sessionUnderway();
    const send = (user: typeof member, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/sessions/${session.id}/feedback`,
        headers: user.headers,
        payload,
      });
    expect((await send(member, { rating: 3 })).statusCode).toBe(200);
    const edited = await send(member, { rating: 5, comment: '切水果的手法马上就能用' });
    expect(edited.json().feedback).toEqual({ rating: 5, comment: '切水果的手法马上就能用' });
    expect((await send(admin, { rating: 1 })).json().code).toBe('NOT_ATTENDEE');
    expect((await send(member, { rating: 6 })).statusCode).toBe(400);
    expect((await send(member, { rating: 4, comment: '好'.repeat(201) })).statusCode).toBe(400);
    expect((await send(member, { rating: 4, comment: '想学的加我微信' })).statusCode).toBe(422);
    const attendance = (
      await t.app.inject({
        method: 'GET',
        url: `/api/sessions/${session.id}/attendance`,
        headers: host.headers,
      })
    ).json();
    expect(attendance).toMatchObject({ feedbackCount: 1, averageRating: 5 });
    expect(attendance.comments).toEqual([
      { nickname: member.user.nickname, rating: 5, comment: '切水果的手法马上就能用' },
    ]);
  });

  it('refuses feedback before the session starts', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/sessions/${session.id}/feedback`,
      headers: member.headers,
      payload: { rating: 5 },
    });
    expect(response.json().code).toBe('FEEDBACK_TOO_EARLY');
  });
});
