import { eq } from 'drizzle-orm';
import { sessions } from '../../../server/db/schema';
import type {
  CreateSeriesBody,
  SeriesSignUpResult,
  SeriesView,
  SessionView,
} from '../../../src/domain/contract/sessions';
import { localDay, localTimeOfDay } from '../../../src/domain/session-series';
import { communityWithTeam } from '../../support/api-session';
import { everyTableRowCount } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import { getSession, members, noticesOf, seatCounters, sessionInput, signUpOk } from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(new Date()));

const hour = 3600_000;
// A Wednesday; the series' first date is Friday 2027-01-29 20:00 in China, so a weekly series crosses the month end.
const wednesday = new Date('2027-01-20T04:00:00.000Z');
const firstFriday = '2027-01-29T12:00:00.000Z';

function seriesInput(overrides: Partial<CreateSeriesBody> = {}): CreateSeriesBody {
  return {
    ...sessionInput({ title: '周五烘焙小课', startsAt: firstFriday, capacity: 2 }),
    repeat: 'weekly',
    count: 4,
    ...overrides,
  } as CreateSeriesBody;
}

function createSeries(user: { headers: Record<string, string> }, communityId: string, body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/session-series`,
    headers: user.headers,
    payload: body as object,
  });
}

async function seriesOk(user: { headers: Record<string, string> }, communityId: string, overrides = {}) {
  const response = await createSeries(user, communityId, seriesInput(overrides));
  if (response.statusCode !== 201) throw new Error(`series failed: ${response.statusCode} ${response.body}`);
  return response.json<SeriesView>();
}

function signUpForSeries(user: { headers: Record<string, string> }, seriesId: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/session-series/${seriesId}/signups`,
    headers: user.headers,
    payload: {},
  });
}

function cancelFollowing(user: { headers: Record<string, string> }, sessionId: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/cancel-following`,
    headers: user.headers,
  });
}

function editFollowing(user: { headers: Record<string, string> }, sessionId: string, body: object) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/sessions/${sessionId}/following`,
    headers: user.headers,
    payload: body,
  });
}

/** Every table, the series table included (rate-limit hits count every request): refused means nothing written. */
async function counts() {
  const { 'public.rate_limit_hits': _hits, ...rest } = await everyTableRowCount(t.db);
  return rest;
}

describe('creating a series', () => {
  it('makes every date a session at the same local time, across the month end', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.secretary, team.community.id);
    expect(series.text).toBe('每周五 20:00 · 共 4 次');
    expect(
      series.sessions.map((s) => `${localDay(new Date(s.startsAt))} ${localTimeOfDay(new Date(s.startsAt))}`),
    ).toEqual(['2027-01-29 20:00', '2027-02-05 20:00', '2027-02-12 20:00', '2027-02-19 20:00']);
    expect(
      series.sessions.every((s) => s.seriesId === series.id && s.capacity === 2 && s.seatsLeft === 2),
    ).toBe(true);

    const third = await getSession(t.app, team.member, series.sessions[2]!.id);
    expect(third.series).toEqual({
      id: series.id,
      repeat: 'weekly',
      text: '每周五 20:00 · 共 4 次',
      datesFromHere: 2,
      lastStartsAt: series.sessions[3]!.startsAt,
      cancelledFromHere: [],
      upcomingDates: 4,
    });
  });

  it('lets the team create one, refuses members and outsiders, and writes nothing for them', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    for (const user of [team.owner, team.admin]) await seriesOk(user, team.community.id);
    const before = await counts();
    for (const [user, code] of [
      [team.member, 'FORBIDDEN'],
      [team.outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const response = await createSeries(user, team.community.id, seriesInput());
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ count: 4, until: '2027-03-01' }, 'count', '请选择重复次数或结束日期（二选一）'],
    [{ count: undefined, until: '2027-01-30' }, 'count', '重复至少 2 次'],
    [{ count: undefined, until: '2027-02-30' }, 'until', '结束日期格式不正确'],
    [{ count: undefined, until: '2027-12-31' }, 'count', '重复最多 26 次'],
  ])('refuses %j in Chinese and writes nothing', async (overrides, field, message) => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const before = await counts();
    const response = await createSeries(team.owner, team.community.id, seriesInput(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: message } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a series whose last date is more than a year away', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const response = await createSeries(
      team.owner,
      team.community.id,
      seriesInput({ startsAt: '2027-10-01T12:00:00.000Z', repeat: 'biweekly', count: 26 }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual({ count: '最后一次不能晚于一年后' });
  });
});

describe('signing up for the whole series', () => {
  it('takes a seat on each date with one, the waitlist where there is none, and says so per date', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const [early1, early2] = await members(t.app, team.community.inviteCode!, 2);
    const full = series.sessions[1]!.id;
    await signUpOk(t.app, early1!, full);
    await signUpOk(t.app, early2!, full);

    const response = await signUpForSeries(team.member, series.id);
    expect(response.statusCode).toBe(200);
    expect(response.json<SeriesSignUpResult>().dates.map((d) => [d.startsAt, d.outcome, d.position])).toEqual(
      [
        [series.sessions[0]!.startsAt, 'confirmed', undefined],
        [series.sessions[1]!.startsAt, 'waitlisted', 1],
        [series.sessions[2]!.startsAt, 'confirmed', undefined],
        [series.sessions[3]!.startsAt, 'confirmed', undefined],
      ],
    );
    for (const date of series.sessions) {
      const counters = await seatCounters(t.db, date.id);
      expect(counters.onSession).toEqual(counters.fromSignups);
    }

    const again = await signUpForSeries(team.member, series.id);
    expect(again.json<SeriesSignUpResult>().dates.map((d) => [d.outcome, d.status, d.position])).toEqual([
      ['already', 'confirmed', undefined],
      ['already', 'waitlisted', 1],
      ['already', 'confirmed', undefined],
      ['already', 'confirmed', undefined],
    ]);
  });

  it('leaves out cancelled and started dates and answers closed past a deadline', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id, {
      signUpDeadline: new Date(Date.parse(firstFriday) - 24 * hour).toISOString(),
    });
    const [first, second, third] = series.sessions;
    await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${third!.id}/cancel`,
      headers: team.owner.headers,
    });
    // Past the first date's start, past the second date's deadline (a day before its start).
    t.clock.set(new Date(Date.parse(second!.startsAt) - 2 * hour));
    expect(Date.parse(first!.startsAt)).toBeLessThan(t.clock.now().getTime());

    const response = await signUpForSeries(team.member, series.id);
    expect(response.json<SeriesSignUpResult>().dates.map((d) => [d.sessionId, d.outcome])).toEqual([
      [second!.id, 'closed'],
      [series.sessions[3]!.id, 'confirmed'],
    ]);
  });

  it('refuses an outsider, and an unknown series, writing nothing', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const before = await counts();
    const outsider = await signUpForSeries(team.outsider, series.id);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('NOT_A_MEMBER');
    const unknown = await signUpForSeries(team.member, '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01');
    expect(unknown.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('editing this and all following dates', () => {
  it('changes only this date and the later ones, and tells their people of the new time', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const [first, second, third] = series.sessions;
    await signUpOk(t.app, team.member, third!.id);
    await signUpOk(t.app, team.admin, first!.id);

    const response = await editFollowing(team.secretary, second!.id, {
      title: '周五烘焙小课（新时间）',
      timeOfDay: '19:30',
      capacity: 6,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<SessionView>()).toMatchObject({ title: '周五烘焙小课（新时间）', capacity: 6 });

    const after = await Promise.all(series.sessions.map((s) => getSession(t.app, team.owner, s.id)));
    expect(
      after.map((s) => [
        s.title,
        localDay(new Date(s.startsAt)),
        localTimeOfDay(new Date(s.startsAt)),
        s.capacity,
      ]),
    ).toEqual([
      ['周五烘焙小课', '2027-01-29', '20:00', 2],
      ['周五烘焙小课（新时间）', '2027-02-05', '19:30', 6],
      ['周五烘焙小课（新时间）', '2027-02-12', '19:30', 6],
      ['周五烘焙小课（新时间）', '2027-02-19', '19:30', 6],
    ]);
    expect(after[3]!.signUpDeadline).toBe(after[3]!.startsAt);
    expect((await noticesOf(t.db, team.member.user.id)).map((n) => n.kind)).toContain('session_changed');
    expect((await noticesOf(t.db, team.admin.user.id)).map((n) => n.kind)).not.toContain('session_changed');
  });

  it('refuses fewer seats than a later date has taken, changing no date at all', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const [a, b] = await members(t.app, team.community.inviteCode!, 2);
    await signUpOk(t.app, a!, series.sessions[3]!.id);
    await signUpOk(t.app, b!, series.sessions[3]!.id);
    const response = await editFollowing(team.owner, series.sessions[1]!.id, {
      title: '新标题',
      capacity: 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CAPACITY_BELOW_CONFIRMED');
    const rows = await t.db.select().from(sessions).where(eq(sessions.seriesId, series.id));
    expect(rows.map((row) => [row.title, row.capacity])).toEqual(rows.map(() => ['周五烘焙小课', 2]));
  });

  it('refuses members, outsiders and a session that is not part of a series', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    for (const [user, code] of [
      [team.member, 'FORBIDDEN'],
      [team.outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const response = await editFollowing(user, series.sessions[0]!.id, { title: '改一下' });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe(code);
    }
    const single = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${team.community.id}/sessions`,
      headers: team.owner.headers,
      payload: sessionInput({ startsAt: firstFriday }),
    });
    const alone = await editFollowing(team.owner, single.json().id, { title: '改一下' });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().code).toBe('NOT_IN_SERIES');
  });
});

describe('cancelling one date', () => {
  it("tells that date's people only, and the series counts one date fewer", async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    await signUpForSeries(team.member, series.id);
    await signUpOk(t.app, team.admin, series.sessions[2]!.id);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${series.sessions[1]!.id}/cancel`,
      headers: team.owner.headers,
    });
    expect(response.statusCode).toBe(200);
    const cancelledFor = async (userId: string) =>
      (await noticesOf(t.db, userId)).filter((n) => n.kind === 'session_cancelled').length;
    expect(await cancelledFor(team.member.user.id)).toBe(1);
    expect(await cancelledFor(team.admin.user.id)).toBe(0);
    const first = await getSession(t.app, team.member, series.sessions[0]!.id);
    expect(first.series?.text).toBe('每周五 20:00 · 共 3 次');
    // The calendar repeats over the cancelled date and leaves it out.
    expect(first.series).toMatchObject({
      datesFromHere: 3,
      cancelledFromHere: [series.sessions[1]!.startsAt],
      lastStartsAt: series.sessions[3]!.startsAt,
    });
  });
});

describe('the mark of a series on the session cards', () => {
  it('says 每周 or 每两周 on the dates of a series in 活动 and 我的活动, nothing on a session alone', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const weekly = await seriesOk(team.owner, team.community.id, { count: 2 });
    const biweekly = await seriesOk(team.owner, team.community.id, { repeat: 'biweekly', count: 2 });
    await t.app.inject({
      method: 'POST',
      url: `/api/communities/${team.community.id}/sessions`,
      headers: team.owner.headers,
      payload: sessionInput({ title: '单独一次', startsAt: firstFriday }),
    });
    await signUpOk(t.app, team.member, biweekly.sessions[1]!.id);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${team.community.id}/sessions`,
      headers: team.member.headers,
    });
    const labels = list.json<{ items: { id: string; title: string; seriesLabel: string | null }[] }>().items;
    const labelOf = (id: string) => labels.find((item) => item.id === id)?.seriesLabel;
    expect(weekly.sessions.map((s) => labelOf(s.id))).toEqual(['每周', '每周']);
    expect(biweekly.sessions.map((s) => labelOf(s.id))).toEqual(['每两周', '每两周']);
    expect(labels.find((item) => item.title === '单独一次')?.seriesLabel).toBeNull();

    const mine = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: team.member.headers });
    expect(
      mine.json<{ upcoming: { seriesLabel: string | null }[] }>().upcoming.map((s) => s.seriesLabel),
    ).toEqual(['每两周']);
  });
});

describe('cancelling this and all following dates', () => {
  it('cancels every later date not yet started in one step, telling each date its own people', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const [first, second, third, fourth] = series.sessions;
    await signUpForSeries(team.member, series.id);
    await signUpOk(t.app, team.admin, first!.id);
    await signUpOk(t.app, team.admin, fourth!.id);
    // The third date was cancelled on its own already: its people are not told twice.
    await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${third!.id}/cancel`,
      headers: team.owner.headers,
    });

    const response = await cancelFollowing(team.secretary, second!.id);
    expect(response.statusCode).toBe(200);
    expect(response.json<SessionView>()).toMatchObject({ id: second!.id, status: 'cancelled' });

    const after = await Promise.all(series.sessions.map((s) => getSession(t.app, team.owner, s.id)));
    expect(after.map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    expect(after[0]!.series).toMatchObject({ text: '每周五 20:00 · 共 1 次', datesFromHere: 1 });
    const cancelledNotices = async (userId: string) =>
      (await noticesOf(t.db, userId)).filter((n) => n.kind === 'session_cancelled').length;
    expect(await cancelledNotices(team.member.user.id)).toBe(3);
    expect(await cancelledNotices(team.admin.user.id)).toBe(1);
    for (const date of series.sessions.slice(1)) {
      const counters = await seatCounters(t.db, date.id);
      expect(counters.onSession).toEqual(counters.fromSignups);
    }

    const again = await cancelFollowing(team.owner, second!.id);
    expect(again.statusCode).toBe(200);
    expect(await cancelledNotices(team.member.user.id)).toBe(3);
  });

  it('leaves dates that have started as they are', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const [first] = series.sessions;
    await signUpOk(t.app, team.member, first!.id);
    t.clock.set(new Date(Date.parse(first!.startsAt) + 10 * 60_000));

    const response = await cancelFollowing(team.owner, first!.id);
    expect(response.statusCode).toBe(200);
    const after = await Promise.all(series.sessions.map((s) => getSession(t.app, team.owner, s.id)));
    expect(after.map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await noticesOf(t.db, team.member.user.id)).map((n) => n.kind)).not.toContain(
      'session_cancelled',
    );
  });

  it('refuses members, outsiders and a session that is not part of a series, cancelling nothing', async () => {
    t.clock.set(wednesday);
    const team = await communityWithTeam(t.app);
    const series = await seriesOk(team.owner, team.community.id);
    const single = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${team.community.id}/sessions`,
      headers: team.owner.headers,
      payload: sessionInput({ startsAt: firstFriday }),
    });
    const before = await counts();
    for (const [user, code] of [
      [team.member, 'FORBIDDEN'],
      [team.outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const response = await cancelFollowing(user, series.sessions[0]!.id);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe(code);
    }
    const alone = await cancelFollowing(team.owner, single.json().id);
    expect(alone.statusCode).toBe(409);
    expect(alone.json().code).toBe('NOT_IN_SERIES');
    const unknown = await cancelFollowing(team.owner, '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01');
    expect(unknown.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
