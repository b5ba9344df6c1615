import { eq } from 'drizzle-orm';
import { sessionSignups } from '../../../server/db/schema';
import type { AttendanceView } from '../../../src/domain/contract/sessions';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { members, scheduleSession, seatCounters, signUpOk } from './session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('scans and typed codes at the same moment (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function apiJson<T>(user: SignedInUser, method: 'GET' | 'POST', url: string, payload?: object) {
    const response = await t.app.inject({
      method,
      url,
      headers: user.headers,
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode !== 200)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  }

  it("each member is checked in once, with the host's count of guests, whoever got there first", async () => {
    const team = await communityWithTeam(t.app);
    const [host, ...attendees] = await members(t.app, team.community.inviteCode!, 21);
    const session = await scheduleSession(t.app, team.owner, team.community.id, {
      hostUserId: host!.user.id,
      capacity: 60,
    });
    for (const attendee of attendees) await signUpOk(t.app, attendee, session.id, 2);
    t.clock.set(new Date(Date.parse(session.startsAt) + 5 * 60_000));
    const { checkInCode } = await apiJson<AttendanceView>(
      host!,
      'POST',
      `/api/sessions/${session.id}/check-in-code`,
    );
    const { codes } = await apiJson<{ codes: { token: string }[] }>(
      host!,
      'GET',
      `/api/sessions/${session.id}/check-in-qr`,
    );
    const passes = await Promise.all(
      attendees.map(
        async (attendee) =>
          (
            await apiJson<{ pass: { token: string } }>(
              attendee,
              'GET',
              `/api/sessions/${session.id}/check-in-passes/me`,
            )
          ).pass,
      ),
    );
    const before = await seatCounters(t.db, session.id);

    // For every member at once: the host and the owner scan their pass, they type the code and scan the host's.
    const results = await Promise.allSettled(
      attendees.flatMap((attendee, index) => [
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${session.id}/check-in-passes/scan`,
          headers: host!.headers,
          payload: { token: passes[index]!.token, guests: 1 },
        }),
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${session.id}/check-in-passes/scan`,
          headers: team.owner.headers,
          payload: { token: passes[index]!.token, guests: 1 },
        }),
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${session.id}/check-in`,
          headers: attendee.headers,
          payload: { code: checkInCode },
        }),
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${session.id}/check-in-qr/scan`,
          headers: attendee.headers,
          payload: { token: codes[0]!.token },
        }),
      ]),
    );
    const statuses = results.map((result) => (result.status === 'fulfilled' ? result.value.statusCode : 0));
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    const attendance = await apiJson<AttendanceView>(host!, 'GET', `/api/sessions/${session.id}/attendance`);
    expect(attendance.checkedInCount).toBe(attendees.length);
    for (const row of attendance.attendees) {
      expect(row).toMatchObject({ checkedInGuests: 1, checkInLocked: false });
      expect(row.checkedInAt).not.toBeNull();
    }
    // One sign-up row per member, no wrong guesses counted, the seats untouched.
    const rows = await t.db.select().from(sessionSignups).where(eq(sessionSignups.sessionId, session.id));
    expect(rows).toHaveLength(attendees.length);
    expect(rows.every((row) => row.wrongCheckInGuesses === 0 && row.guests === 2)).toBe(true);
    expect(await seatCounters(t.db, session.id)).toEqual(before);
  });
});
