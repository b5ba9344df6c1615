import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { memberAddress, prepareBurst } from '../../../bench/signup-burst';
import { memberships, notices, sessionSignups } from '../../../server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { seatCounters } from '../sessions/session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a race between them.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('leaving the community while sign-ups run (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves no seat, place or pending notice to anyone who left, and the counters equal the sign-ups', async () => {
    const seats = 20;
    const { users, sessionId, community } = await prepareBurst(t.app, t.db, 160, seats);
    const signUp = (index: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: users[index]!.headers,
        payload: {},
        remoteAddress: memberAddress(index),
      });
    const leave = (index: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/communities/${community.id}/leave`,
        headers: users[index]!.headers,
        remoteAddress: memberAddress(index),
      });
    // The first 40 are signed up (20 seated, 20 waiting) before it starts.
    for (let index = 0; index < 40; index += 1) expect((await signUp(index)).statusCode).toBe(200);

    // At the same moment: every third of them leaves; 40 more sign up and leave at once; 80 sign up.
    const leavers = [...Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 3 === 0)];
    const both = Array.from({ length: 40 }, (_, i) => 40 + i);
    const joiners = Array.from({ length: 80 }, (_, i) => 80 + i);
    const responses = await Promise.all([
      ...leavers.map(leave),
      ...both.flatMap((index) => [signUp(index), leave(index)]),
      ...joiners.map(signUp),
    ]);
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    // A sign-up that lost the race to its own leaving is refused as from a non-member.
    for (const response of responses.filter((r) => r.statusCode >= 400)) {
      expect(response.json().code).toBe('NOT_A_MEMBER');
    }

    const heldByFormerMembers = await t.db
      .select({ userId: sessionSignups.userId })
      .from(sessionSignups)
      .where(
        and(
          eq(sessionSignups.sessionId, sessionId),
          inArray(sessionSignups.status, ['confirmed', 'offered', 'waitlisted']),
          notExists(
            t.db
              .select({ one: sql`1` })
              .from(memberships)
              .where(
                and(eq(memberships.communityId, community.id), eq(memberships.userId, sessionSignups.userId)),
              ),
          ),
        ),
      );
    expect(heldByFormerMembers).toEqual([]);
    const pendingForFormerMembers = await t.db
      .select({ id: notices.id })
      .from(notices)
      .where(
        and(
          eq(notices.communityId, community.id),
          eq(notices.status, 'pending'),
          sql`not exists (select 1 from memberships m where m.community_id = ${community.id} and m.user_id = notices.user_id)`,
        ),
      );
    expect(pendingForFormerMembers).toEqual([]);

    const counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
    // Plenty still waiting, so every seat is taken: freed seats always went to the line.
    expect(counters.onSession.seatsTaken).toBe(seats);
    const waiting = await t.db
      .select({ arrival: sessionSignups.arrival })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'waitlisted')));
    expect(new Set(waiting.map((row) => row.arrival)).size).toBe(counters.onSession.waitlistCount);
  });
});
