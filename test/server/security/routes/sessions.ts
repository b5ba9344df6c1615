import { eq } from 'drizzle-orm';
import { sessions } from '../../../../server/db/schema';
import type { SessionInput } from '../../../../src/domain/contract/sessions';
import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

function sessionInput(): SessionInput {
  return {
    title: '15分钟学会切水果做蛋糕装饰',
    description: '准备一把水果刀，跟着做。',
    startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    durationMinutes: 60,
    mode: 'online',
    meetingLink: 'https://meeting.tencent.com/dm/demo',
    capacity: 10,
    materials: ['水果刀'],
    tags: ['烘焙'],
  };
}

const team = ['member', 'secretary', 'admin', 'owner'] as const;

/**
 * The meeting link is for confirmed attendees, the host and the team: where it is asked, the
 * fixture's member holds no seat. Lists never carry it.
 */
const meetingLinkForTeam = { field: 'meetingLink', seenBy: ['secretary', 'admin', 'owner'] } as const;
const meetingLinkForNobody = { field: 'meetingLink', seenBy: [] } as const;

/** A session the owner hosts, `signedUp` by every role of the community. */
function upcomingSession(f: Fixture, name: string, signedUp: boolean) {
  return once(f, `session:${name}`, async () => {
    const session = await apiCall<{ id: string }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/communities/${f.communityId}/sessions`,
      sessionInput(),
    );
    if (signedUp) {
      for (const role of team)
        await apiCall(f.app, f.users[role], 'POST', `/api/sessions/${session.id}/signups`, {});
    }
    return session;
  });
}

/** A weekly series of three dates the owner hosts. */
function upcomingSeries(f: Fixture, name: string) {
  return once(f, `series:${name}`, () =>
    apiCall<{ id: string; sessions: Array<{ id: string }> }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/communities/${f.communityId}/session-series`,
      { ...sessionInput(), repeat: 'weekly', count: 3 },
    ),
  );
}

/** A session that began a minute ago, every role signed up, with a check-in code open. */
function runningSession(f: Fixture) {
  return once(f, 'session:running', async () => {
    const session = await upcomingSession(f, 'to-run', true);
    const startsAt = new Date(Date.now() - 60_000);
    await f.db
      .update(sessions)
      .set({ startsAt, signUpDeadline: startsAt })
      .where(eq(sessions.id, session.id));
    const attendance = await apiCall<{ checkInCode: string }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/sessions/${session.id}/check-in-code`,
    );
    return { id: session.id, code: attendance.checkInCode };
  });
}

/** A published tip, for wanting a session on it. */
function tipToWant(f: Fixture) {
  return once(f, 'tip-to-want', () =>
    apiCall<{ id: string }>(f.app, f.users.owner, 'POST', `/api/communities/${f.communityId}/tips`, {
      title: '猕猴桃去皮',
      body: '切掉尾巴，用勺子沿着果肉转一圈。',
      steps: ['切掉两头', '转一圈取出'],
      tags: ['烘焙'],
      minutes: 2,
    }),
  );
}

/**
 * Sessions: the team (owner, admins, secretary) schedules; the host or the team manages a session
 * (the sessions here are hosted by the owner, so the team is what decides); members take part.
 */
export const sessionRoutes: Record<string, RouteEntry> = {
  'POST /api/communities/{communityId}/sessions': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/sessions`, payload: { ...sessionInput() } }),
    attendeeOnly: meetingLinkForTeam,
  },
  'GET /api/communities/{communityId}/sessions': {
    access: 'member',
    request: async (f) => {
      await upcomingSession(f, 'open', false);
      return { url: `/api/communities/${f.communityId}/sessions`, query: { tag: '烘焙' } };
    },
    attendeeOnly: meetingLinkForNobody,
  },
  'GET /api/me/sessions': {
    access: 'signed-in',
    request: async (f) => {
      await upcomingSession(f, 'signed-up', true);
      return { url: '/api/me/sessions' };
    },
    attendeeOnly: meetingLinkForNobody,
  },
  'GET /api/sessions/{sessionId}': {
    access: 'member',
    request: async (f) => ({ url: `/api/sessions/${(await upcomingSession(f, 'open', false)).id}` }),
    attendeeOnly: meetingLinkForTeam,
  },
  'PATCH /api/sessions/{sessionId}': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'signed-up', true)).id}`,
      payload: { title: '20分钟学会水果蛋糕装饰', capacity: 12 },
    }),
    attendeeOnly: meetingLinkForTeam,
  },
  'POST /api/communities/{communityId}/session-series': {
    access: 'secretary',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/session-series`,
      payload: { ...sessionInput(), repeat: 'biweekly', count: 4 },
    }),
    attendeeOnly: meetingLinkForNobody,
  },
  'POST /api/session-series/{seriesId}/signups': {
    access: 'member',
    request: async (f) => ({
      url: `/api/session-series/${(await upcomingSeries(f, 'to-join')).id}/signups`,
      payload: { guests: 1 },
    }),
  },
  'PATCH /api/sessions/{sessionId}/following': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSeries(f, 'to-edit')).sessions[1]!.id}/following`,
      payload: { title: '周五烘焙小课', timeOfDay: '19:30', capacity: 12 },
    }),
    attendeeOnly: meetingLinkForTeam,
  },
  'POST /api/sessions/{sessionId}/cancel-following': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSeries(f, 'to-cancel')).sessions[1]!.id}/cancel-following`,
    }),
    attendeeOnly: meetingLinkForTeam,
  },
  'POST /api/sessions/{sessionId}/cancel': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'signed-up', true)).id}/cancel`,
    }),
    attendeeOnly: meetingLinkForTeam,
  },
  'POST /api/sessions/{sessionId}/signups': {
    access: 'member',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'open', false)).id}/signups`,
      payload: { guests: 1 },
    }),
  },
  'DELETE /api/sessions/{sessionId}/signups/me': {
    access: 'member',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'signed-up', true)).id}/signups/me`,
    }),
  },
  'PATCH /api/sessions/{sessionId}/signups/me': {
    access: 'member',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'signed-up', true)).id}/signups/me`,
      payload: { minGuests: 0 },
    }),
  },
  'POST /api/sessions/{sessionId}/signups/me/claim': {
    access: 'member',
    request: async (f) => ({
      url: `/api/sessions/${(await upcomingSession(f, 'signed-up', true)).id}/signups/me/claim`,
    }),
  },
  'GET /api/sessions/{sessionId}/attendance': {
    access: 'secretary',
    request: async (f) => ({ url: `/api/sessions/${(await runningSession(f)).id}/attendance` }),
  },
  'POST /api/sessions/{sessionId}/check-in-code': {
    access: 'secretary',
    request: async (f) => ({ url: `/api/sessions/${(await runningSession(f)).id}/check-in-code` }),
  },
  'POST /api/sessions/{sessionId}/check-in': {
    access: 'member',
    request: async (f) => {
      const session = await runningSession(f);
      return { url: `/api/sessions/${session.id}/check-in`, payload: { code: session.code } };
    },
    // Wrong guesses are counted on the sign-up so a 4-digit code cannot be tried through.
    refusalWrites: { code: 'CHECK_IN_CODE_WRONG', tables: ['session_signups'] },
  },
  'GET /api/sessions/{sessionId}/check-in-qr': {
    access: 'secretary',
    request: async (f) => ({ url: `/api/sessions/${(await runningSession(f)).id}/check-in-qr` }),
  },
  'POST /api/sessions/{sessionId}/check-in-qr/scan': {
    access: 'member',
    request: async (f) => {
      const session = await runningSession(f);
      const { codes } = await apiCall<{ codes: { token: string }[] }>(
        f.app,
        f.users.owner,
        'GET',
        `/api/sessions/${session.id}/check-in-qr`,
      );
      return { url: `/api/sessions/${session.id}/check-in-qr/scan`, payload: { token: codes[0]!.token } };
    },
  },
  'GET /api/sessions/{sessionId}/check-in-passes/me': {
    access: 'member',
    request: async (f) => ({ url: `/api/sessions/${(await runningSession(f)).id}/check-in-passes/me` }),
  },
  'POST /api/sessions/{sessionId}/check-in-passes/scan': {
    access: 'secretary',
    request: async (f) => {
      const session = await runningSession(f);
      const { pass } = await apiCall<{ pass: { token: string } }>(
        f.app,
        f.users.member,
        'GET',
        `/api/sessions/${session.id}/check-in-passes/me`,
      );
      return {
        url: `/api/sessions/${session.id}/check-in-passes/scan`,
        payload: { token: pass.token, guests: 0 },
      };
    },
  },
  'POST /api/sessions/{sessionId}/attendees/{userId}/check-in': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await runningSession(f)).id}/attendees/${f.users.member.user.id}/check-in`,
    }),
  },
  'POST /api/sessions/{sessionId}/attendees/{userId}/check-in-unlock': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/sessions/${(await runningSession(f)).id}/attendees/${f.users.member.user.id}/check-in-unlock`,
    }),
  },
  'PUT /api/sessions/{sessionId}/feedback': {
    access: 'member',
    request: async (f) => ({
      url: `/api/sessions/${(await runningSession(f)).id}/feedback`,
      payload: { rating: 5, comment: '学会了，蛋糕很好看' },
    }),
  },
  'GET /api/tips/{tipId}/want': {
    access: 'member',
    request: async (f) => ({ url: `/api/tips/${(await tipToWant(f)).id}/want` }),
  },
  'POST /api/tips/{tipId}/want': {
    access: 'member',
    request: async (f) => ({ url: `/api/tips/${(await tipToWant(f)).id}/want` }),
  },
  'DELETE /api/tips/{tipId}/want': {
    access: 'member',
    request: async (f) => ({ url: `/api/tips/${(await tipToWant(f)).id}/want` }),
  },
  'GET /api/communities/{communityId}/wanted-topics': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/wanted-topics` }),
  },
};
