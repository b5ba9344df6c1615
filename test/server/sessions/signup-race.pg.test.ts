import { and, eq, sql } from 'drizzle-orm';
import { prepareBurst, runSignupBurst } from '../../../bench/signup-burst';
import { sessionSignups } from '../../../server/db/schema';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { seatCounters } from './session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('sign-ups under load (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('500 simultaneous sign-ups for 60 seats: exactly 60 confirmed, positions 1..440, no errors', async () => {
    const result = await runSignupBurst(t.app, t.db, 500, 60);
    expect(result).toMatchObject({
      confirmed: 60,
      waitlisted: 440,
      errors: 0,
      positionsContiguous: true,
      reported: { confirmedCount: 60, waitlistCount: 440 },
    });
  });

  it('cancellations racing sign-ups never exceed capacity and lose nobody from the waitlist', async () => {
    const seats = 20;
    const { users, sessionId } = await prepareBurst(t.app, t.db, 150, seats);
    const early = users.slice(0, 60);
    const late = users.slice(60);
    for (const user of early) {
      await t.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: user.headers,
        payload: {},
      });
    }
    // Half of the first 60 leave (confirmed and waitlisted alike) while 90 more sign up.
    const leaving = early.filter((_, index) => index % 2 === 0);
    const responses = await Promise.all([
      ...leaving.map((user) =>
        t.app.inject({
          method: 'DELETE',
          url: `/api/sessions/${sessionId}/signups/me`,
          headers: user.headers,
        }),
      ),
      ...late.map((user) =>
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${sessionId}/signups`,
          headers: user.headers,
          payload: {},
        }),
      ),
    ]);
    expect(responses.filter((r) => r.statusCode >= 300)).toHaveLength(0);

    const rows = await t.db
      .select({ status: sessionSignups.status, n: sql<number>`count(*)::int` })
      .from(sessionSignups)
      .where(eq(sessionSignups.sessionId, sessionId))
      .groupBy(sessionSignups.status);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    // 150 signed up, 30 left: the other 120 are all still there, seats full, the rest waiting.
    expect(byStatus).toEqual({ confirmed: seats, waitlisted: 120 - seats, cancelled: 30 });
    const waiting = await t.db
      .select({ arrival: sessionSignups.arrival })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'waitlisted')));
    expect(new Set(waiting.map((row) => row.arrival)).size).toBe(waiting.length);
    const counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
  });
});
