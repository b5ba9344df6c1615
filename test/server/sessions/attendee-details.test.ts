import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { cancelSignup, members, noticesOf, scheduleSession, signUpOk } from './session-fixtures';

/** The online meeting link goes to confirmed attendees, the host and the team; everyone else sees it comes after signing up. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const link = 'https://meeting.tencent.com/dm/only-attendees';

async function detail(user: SignedInUser, sessionId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/sessions/${sessionId}`,
    headers: user.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

function seesLink(body: Record<string, unknown>) {
  return {
    meetingLink: body.meetingLink,
    hidden: body.attendeeDetailsHidden,
    hasField: 'meetingLink' in body,
  };
}

const shown = { meetingLink: link, hidden: false, hasField: true };
const withheld = { meetingLink: undefined, hidden: true, hasField: false };

it('shows the link to confirmed attendees, the host and the team, and to nobody waiting or offered', async () => {
  const team = await communityWithTeam(t.app);
  const [host, confirmed, waiting, offered, bystander] = await members(t.app, team.community.inviteCode!, 5);
  const session = await scheduleSession(t.app, team.owner, team.community.id, {
    hostUserId: host!.user.id,
    meetingLink: link,
    capacity: 2,
    claimWindowHours: 12,
  });
  await signUpOk(t.app, confirmed!, session.id);
  await signUpOk(t.app, team.member, session.id);
  await signUpOk(t.app, offered!, session.id);
  await signUpOk(t.app, waiting!, session.id);
  // The plain member gives up the seat: the head of the line is offered it, the next still waits.
  await cancelSignup(t.app, team.member, session.id);

  for (const user of [confirmed!, host!, team.secretary, team.admin, team.owner]) {
    expect(seesLink(await detail(user, session.id))).toEqual(shown);
  }
  for (const user of [waiting!, offered!, bystander!, team.member]) {
    expect(seesLink(await detail(user, session.id))).toEqual(withheld);
  }
  expect((await detail(offered!, session.id)).mySignup.status).toBe('offered');

  // Claiming the offered seat brings the link.
  await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${session.id}/signups/me/claim`,
    headers: offered!.headers,
  });
  expect(seesLink(await detail(offered!, session.id))).toEqual(shown);
});

it('never puts the link in lists, 我的活动 or what a sign-up answers', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const session = await scheduleSession(t.app, owner, community.id, { meetingLink: link });
  const signedUp = await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${session.id}/signups`,
    headers: member.headers,
    payload: {},
  });
  for (const response of [
    signedUp,
    await t.app.inject({ url: `/api/communities/${community.id}/sessions`, headers: member.headers }),
    await t.app.inject({ url: '/api/me/sessions', headers: member.headers }),
  ]) {
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(link);
  }
  // Reminders (written for the confirmed member) name the session as 线上, never the link.
  const reminders = await noticesOf(t.db, member.user.id);
  expect(reminders.length).toBeGreaterThan(0);
  expect(JSON.stringify(reminders)).not.toContain(link);
});
