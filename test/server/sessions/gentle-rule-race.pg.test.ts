import { and, asc, eq } from 'drizzle-orm';
import { prepareBurst } from '../../../bench/signup-burst';
import { communities, sessionSignups, sessions } from '../../../server/db/schema';
import { heldBackSeatingJob } from '../../../server/modules/sessions/held-back-seating-job';
import type { SignUpResult } from '../../../src/domain/contract/sessions';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { pastNoShows, seatCounters } from './session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('the gentle rule in a sign-up burst (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(new Date()));

  it('held-back members never take a seat before the mark; counters and positions stay exact', async () => {
    const seats = 12;
    const { owner, users, community, sessionId } = await prepareBurst(t.app, t.db, 150, seats);
    await t.db.update(communities).set({ gentleRule: true }).where(eq(communities.id, community.id));
    // Every third member missed 3 sessions in the last 60 days.
    const heldBack = new Set(users.filter((_, index) => index % 3 === 0).map((user) => user.user.id));
    await pastNoShows(t.db, community.id, owner.user.id, [...heldBack], [50, 30, 10]);

    const settled = await Promise.allSettled(
      users.map((user) =>
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${sessionId}/signups`,
          headers: user.headers,
          payload: {},
        }),
      ),
    );
    const answers = settled.map((outcome) => {
      if (outcome.status !== 'fulfilled') throw outcome.reason;
      expect(outcome.value.statusCode).toBe(200);
      return outcome.value.json<SignUpResult>();
    });
    const byUser = new Map(users.map((user, index) => [user.user.id, answers[index]!]));
    const confirmed = users.filter((user) => byUser.get(user.user.id)!.status === 'confirmed');
    expect(confirmed).toHaveLength(seats);
    for (const user of confirmed) expect(heldBack.has(user.user.id)).toBe(false);
    for (const id of heldBack) expect(byUser.get(id)).toMatchObject({ status: 'waitlisted', heldBack: {} });
    const positions = answers.flatMap((answer) => (answer.position === undefined ? [] : [answer.position]));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 - seats }, (_, i) => i + 1));
    let counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
    expect(counters.onSession).toEqual({ seatsTaken: seats, waitlistCount: 150 - seats });

    // Before the mark: seated members leave while the job runs on two "instances"; only ordinary
    // waiting members take the freed seats, in arrival order.
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    const beforeMark = new Date(session!.startsAt.getTime() - 25 * 3600_000);
    t.clock.set(beforeMark);
    const leaving = confirmed.slice(0, 6);
    const [, , ...released] = await Promise.all([
      heldBackSeatingJob.runOnce(t.db, beforeMark),
      heldBackSeatingJob.runOnce(t.db, beforeMark),
      ...leaving.map((user) =>
        t.app.inject({
          method: 'DELETE',
          url: `/api/sessions/${sessionId}/signups/me`,
          headers: user.headers,
        }),
      ),
    ]);
    for (const response of released) expect(response.statusCode).toBe(204);
    const seatedNow = async () =>
      t.db
        .select({ userId: sessionSignups.userId, heldBack: sessionSignups.heldBack })
        .from(sessionSignups)
        .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'confirmed')));
    const seated = await seatedNow();
    expect(seated).toHaveLength(seats);
    for (const row of seated) expect(heldBack.has(row.userId)).toBe(false);
    counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);

    // At the mark, with seats freed at the same time: held-back parties are seated in arrival order,
    // each seat once, on two instances at once.
    const atMark = new Date(session!.startsAt.getTime() - 24 * 3600_000);
    t.clock.set(atMark);
    const waitingInOrder = await t.db
      .select({ userId: sessionSignups.userId })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'waitlisted')))
      .orderBy(asc(sessionSignups.arrival));
    const moreLeaving = seated.slice(0, 4).map((row) => users.find((user) => user.user.id === row.userId)!);
    await Promise.all([
      heldBackSeatingJob.runOnce(t.db, atMark),
      heldBackSeatingJob.runOnce(t.db, atMark),
      ...moreLeaving.map((user) =>
        t.app.inject({
          method: 'DELETE',
          url: `/api/sessions/${sessionId}/signups/me`,
          headers: user.headers,
        }),
      ),
    ]);
    // Whichever instance ran, the mark has come for all of them once both runs and the releases end.
    while ((await heldBackSeatingJob.runOnce(t.db, atMark)) > 0);
    const finalSeated = new Set((await seatedNow()).map((row) => row.userId));
    expect(finalSeated.size).toBe(seats);
    counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
    expect(counters.onSession.seatsTaken).toBe(seats);
    const stillHeld = await t.db
      .select({ userId: sessionSignups.userId })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.heldBack, true)));
    expect(stillHeld.filter((row) => finalSeated.has(row.userId))).toEqual([]);
    // The freed seats went to the head of the line as it stood, held-back parties in their places,
    // whether a release or the job got there first.
    const newlySeated = waitingInOrder.filter((row) => finalSeated.has(row.userId)).map((row) => row.userId);
    expect(newlySeated).toEqual(waitingInOrder.slice(0, 4).map((row) => row.userId));
  });
});
