import { and, eq, inArray } from 'drizzle-orm';
import { memberAddress, prepareBurst } from '../../../bench/signup-burst';
import { authSessions, memberships, sessionSignups, users } from '../../../server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { seatCounters } from '../sessions/session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a race between them.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('closing accounts while sign-ups run (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves a closed account no seat, place, membership or session, and the counters equal the sign-ups', async () => {
    const seats = 20;
    const { users: members, sessionId } = await prepareBurst(t.app, t.db, 120, seats);
    const signUp = (index: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: members[index]!.headers,
        payload: {},
        remoteAddress: memberAddress(index),
      });
    const close = (index: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/close-account',
        headers: members[index]!.headers,
        payload: { confirm: '注销账号' },
        remoteAddress: memberAddress(index),
      });
    // The first 40 are signed up (20 seated, 20 waiting) before it starts.
    for (let index = 0; index < 40; index += 1) expect((await signUp(index)).statusCode).toBe(200);

    // At the same moment: every third of them closes their account; 20 more sign up and close at once; 60 sign up.
    const closers = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 3 === 0);
    const both = Array.from({ length: 20 }, (_, i) => 40 + i);
    const others = Array.from({ length: 60 }, (_, i) => 60 + i);
    const responses = await Promise.all([
      ...closers.map(close),
      ...both.flatMap((index) => [signUp(index), close(index)]),
      ...others.map(signUp),
    ]);
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    // A sign-up that lost the race to its own closing finds no membership, or no session at all.
    for (const response of responses.filter((r) => r.statusCode >= 400)) {
      expect(['NOT_A_MEMBER', 'SESSION_EXPIRED']).toContain(response.json().code);
    }

    const closedIds = [...closers, ...both].map((index) => members[index]!.user.id);
    const closed = await t.db.select().from(users).where(inArray(users.id, closedIds));
    expect(new Set(closed.map((user) => user.nickname))).toEqual(new Set(['已注销用户']));
    expect(await t.db.select().from(memberships).where(inArray(memberships.userId, closedIds))).toEqual([]);
    expect(await t.db.select().from(authSessions).where(inArray(authSessions.userId, closedIds))).toEqual([]);
    const heldByClosed = await t.db
      .select({ userId: sessionSignups.userId })
      .from(sessionSignups)
      .where(
        and(
          eq(sessionSignups.sessionId, sessionId),
          inArray(sessionSignups.userId, closedIds),
          inArray(sessionSignups.status, ['confirmed', 'offered', 'waitlisted']),
        ),
      );
    expect(heldByClosed).toEqual([]);

    const counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
    // Plenty still waiting, so every seat is taken: freed seats always went to the line.
    expect(counters.onSession.seatsTaken).toBe(seats);
  });
});
