import { eq } from 'drizzle-orm';
import { prepareBurst } from '../../../bench/signup-burst';
import { sessionSignups, sessions } from '../../../server/db/schema';
import { guestsSeated, seatsLeft } from '../../../src/domain/sessions';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { seatCounters } from './session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('smaller spots racing cancellations, sign-ups and more capacity (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps seats exact and the waitlist whole, and leaves no seat a waiting party would take', async () => {
    const seats = 20;
    const { owner, users, sessionId } = await prepareBurst(t.app, t.db, 140, seats);
    const early = users.slice(0, 60);
    const late = users.slice(60);
    // Parties of three: six are seated (18 seats), two seats stay free, 54 parties wait whole.
    for (const user of early) {
      await t.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: user.headers,
        payload: { guests: 2 },
      });
    }
    const confirmedEarly = early.slice(0, 6);
    const waitingEarly = early.slice(6);
    const responses = await Promise.all([
      // Three seated parties leave.
      ...confirmedEarly.slice(0, 3).map((user) =>
        t.app.inject({
          method: 'DELETE',
          url: `/api/sessions/${sessionId}/signups/me`,
          headers: user.headers,
        }),
      ),
      // Most waiting parties accept a smaller spot at the same moment.
      ...waitingEarly
        .filter((_, index) => index % 3 !== 2)
        .map((user, index) =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/sessions/${sessionId}/signups/me`,
            headers: user.headers,
            payload: { minGuests: index % 2 },
          }),
        ),
      // Newcomers with every kind of party.
      ...late.map((user, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${sessionId}/signups`,
          headers: user.headers,
          payload: index % 4 === 0 ? { guests: 2, minGuests: 0 } : { guests: index % 3 },
        }),
      ),
      // And the team adds seats.
      t.app.inject({
        method: 'PATCH',
        url: `/api/sessions/${sessionId}`,
        headers: owner.headers,
        payload: { capacity: 32 },
      }),
    ]);
    const failed = responses.filter((response) => response.statusCode >= 300);
    // A party seated before its change arrived is no longer waiting: that answer is the only refusal.
    for (const response of failed) expect(response.json().code).toBe('NOT_WAITLISTED');

    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    const counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
    expect(session!.capacity).toBe(32);
    expect(session!.seatsTaken).toBeLessThanOrEqual(32);

    const signups = await t.db.select().from(sessionSignups).where(eq(sessionSignups.sessionId, sessionId));
    expect(signups.filter((row) => row.status === 'cancelled')).toHaveLength(3);
    expect(signups.filter((row) => row.status !== 'cancelled')).toHaveLength(137);
    const waiting = signups.filter((row) => row.status === 'waitlisted');
    expect(new Set(waiting.map((row) => row.arrival)).size).toBe(waiting.length);
    // Empty seats never sit beside a waiting party that would take them.
    const free = seatsLeft(session!.capacity, session!.seatsTaken);
    for (const party of waiting) expect(guestsSeated(free, party.guests, party.minGuests)).toBeNull();
    // Nobody is seated with fewer guests than they accepted, nor more than they asked for.
    for (const row of signups.filter((r) => r.status === 'confirmed')) {
      expect(row.guests).toBeGreaterThanOrEqual(0);
      expect(row.guests).toBeLessThanOrEqual(2);
      if (row.minGuests !== null) expect(row.guests).toBeGreaterThanOrEqual(row.minGuests);
    }
  });
});
