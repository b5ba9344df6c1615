import { and, eq, inArray, sql } from 'drizzle-orm';
import { memberAddress, prepareBurst } from '../../../bench/signup-burst';
import { notices, sessionSignups, sessions } from '../../../server/db/schema';
import type { SeriesSignUpResult, SeriesView, SignUpResult } from '../../../src/domain/contract/sessions';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { seatCounters } from './session-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('whole-series sign-ups racing single-date sign-ups (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('30 members take the whole series while 30 others take single dates: no date over capacity, one line per date', async () => {
    const seats = 5;
    const dateCount = 4;
    const { owner, users, community } = await prepareBurst(t.app, t.db, 60, seats);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/session-series`,
      headers: owner.headers,
      payload: {
        title: '周五烘焙小课',
        startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        mode: 'offline',
        address: '社区活动室',
        capacity: seats,
        repeat: 'weekly',
        count: dateCount,
      },
    });
    expect(created.statusCode).toBe(201);
    const series = created.json<SeriesView>();
    const dateIds = series.sessions.map((date) => date.id);
    const wholeSeries = users.slice(0, 30);
    const singleDate = users.slice(30);

    const settled = await Promise.allSettled([
      ...wholeSeries.map((user, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/session-series/${series.id}/signups`,
          headers: user.headers,
          payload: {},
          remoteAddress: memberAddress(index),
        }),
      ),
      ...singleDate.map((user, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${dateIds[index % dateCount]}/signups`,
          headers: user.headers,
          payload: {},
          remoteAddress: memberAddress(30 + index),
        }),
      ),
    ]);
    const responses = settled.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    expect(responses.filter((response) => response.statusCode !== 200)).toHaveLength(0);

    // Every answer's waitlist positions, per date: each position given once.
    const positions = new Map<string, number[]>(dateIds.map((id) => [id, []]));
    for (const response of responses.slice(0, 30)) {
      const { dates } = response.json<SeriesSignUpResult>();
      expect(dates.map((date) => date.sessionId)).toEqual(dateIds);
      for (const date of dates) {
        expect(['confirmed', 'waitlisted']).toContain(date.outcome);
        if (date.outcome === 'waitlisted') positions.get(date.sessionId)!.push(date.position!);
      }
    }
    for (const [index, response] of responses.slice(30).entries()) {
      const result = response.json<SignUpResult>();
      if (result.status === 'waitlisted') positions.get(dateIds[index % dateCount]!)!.push(result.position!);
    }

    for (const id of dateIds) {
      const singles = singleDate.filter((_, index) => dateIds[index % dateCount] === id).length;
      const counters = await seatCounters(t.db, id);
      expect(counters.onSession).toEqual(counters.fromSignups);
      expect(counters.onSession).toEqual({ seatsTaken: seats, waitlistCount: 30 + singles - seats });
      const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id));
      expect(row!.seatsTaken).toBeLessThanOrEqual(row!.capacity);
      const waiting = counters.onSession.waitlistCount;
      expect([...positions.get(id)!].sort((a, b) => a - b)).toEqual(
        Array.from({ length: waiting }, (_, index) => index + 1),
      );
    }

    // Each whole-series member holds exactly one live sign-up on every date.
    const perMember = await t.db
      .select({ userId: sessionSignups.userId, n: sql<number>`count(*)::int` })
      .from(sessionSignups)
      .where(
        and(
          inArray(sessionSignups.sessionId, dateIds),
          inArray(
            sessionSignups.userId,
            wholeSeries.map((user) => user.user.id),
          ),
        ),
      )
      .groupBy(sessionSignups.userId);
    expect(perMember).toHaveLength(30);
    expect(perMember.every((member) => member.n === dateCount)).toBe(true);
  });

  it('取消此次及以后 racing sign-ups and an edit from an earlier date: each cancelled date tells exactly the people it holds', async () => {
    const dateCount = 4;
    const { owner, users, community } = await prepareBurst(t.app, t.db, 40, 6);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/session-series`,
      headers: owner.headers,
      payload: {
        title: '周五烘焙小课',
        startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        mode: 'offline',
        address: '社区活动室',
        capacity: 6,
        repeat: 'weekly',
        count: dateCount,
      },
    });
    const series = created.json<SeriesView>();
    const dateIds = series.sessions.map((date) => date.id);
    const wholeSeries = users.slice(0, 20);
    const singleDate = users.slice(20);

    const settled = await Promise.allSettled([
      t.app.inject({
        method: 'POST',
        url: `/api/sessions/${dateIds[1]}/cancel-following`,
        headers: owner.headers,
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/sessions/${dateIds[0]}/following`,
        headers: owner.headers,
        payload: { capacity: 8 },
      }),
      ...wholeSeries.map((user, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/session-series/${series.id}/signups`,
          headers: user.headers,
          payload: {},
          remoteAddress: memberAddress(index),
        }),
      ),
      ...singleDate.map((user, index) =>
        t.app.inject({
          method: 'POST',
          url: `/api/sessions/${dateIds[index % dateCount]}/signups`,
          headers: user.headers,
          payload: {},
          remoteAddress: memberAddress(20 + index),
        }),
      ),
    ]);
    const responses = settled.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    // Both team calls succeed, whichever went first; a single sign-up after the cancel is refused as such.
    expect(responses.slice(0, 2).map((response) => response.statusCode)).toEqual([200, 200]);
    for (const response of responses.slice(2 + wholeSeries.length)) {
      if (response.statusCode !== 200) expect(response.json().code).toBe('SESSION_CANCELLED');
    }

    const rows = await t.db.select().from(sessions).where(inArray(sessions.id, dateIds));
    const statusOf = new Map(rows.map((row) => [row.id, row.status]));
    expect(dateIds.map((id) => statusOf.get(id))).toEqual([
      'scheduled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    for (const id of dateIds.slice(1)) {
      const holding = await t.db
        .select({ userId: sessionSignups.userId })
        .from(sessionSignups)
        .where(
          and(
            eq(sessionSignups.sessionId, id),
            inArray(sessionSignups.status, ['confirmed', 'offered', 'waitlisted']),
          ),
        );
      const told = await t.db
        .select({ userId: notices.userId })
        .from(notices)
        .where(
          and(
            eq(notices.kind, 'session_cancelled'),
            sql`${notices.dedupeKey} like ${`session-cancelled:${id}:%`}`,
          ),
        );
      expect(told.map((row) => row.userId).sort()).toEqual(holding.map((row) => row.userId).sort());
      const counters = await seatCounters(t.db, id);
      expect(counters.onSession).toEqual(counters.fromSignups);
    }
  });
});
