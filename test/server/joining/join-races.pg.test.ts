import { and, eq } from 'drizzle-orm';
import { joinRequests, memberships } from '../../../server/db/schema';
import type { JoinResult } from '../../../src/domain/contract/joining';
import { communityWithTeam, devLogin, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('join requests decided at the same moment (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const call = (user: SignedInUser, method: 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, payload });

  it('owner and admin approving and declining one request together: one decision, one membership', async () => {
    const team = await communityWithTeam(t.app);
    await call(team.owner, 'PATCH', `/api/communities/${team.community.id}`, { joinApproval: true });
    const requestIds: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const newcomer = await devLogin(t.app);
      const result = (
        await call(newcomer, 'POST', '/api/communities/join', { inviteCode: team.community.inviteCode })
      ).json<JoinResult>();
      if (result.outcome === 'requested') requestIds.push(result.request.id);
    }
    expect(requestIds).toHaveLength(10);

    const responses = await Promise.all(
      requestIds.flatMap((id) => [
        call(team.owner, 'POST', `/api/join-requests/${id}/approve`),
        call(team.admin, 'POST', `/api/join-requests/${id}/approve`),
        call(team.admin, 'POST', `/api/join-requests/${id}/decline`, {}),
      ]),
    );
    const outcomes = responses.map((r) => `${r.statusCode} ${r.json().code ?? r.json().status}`);
    const decided = outcomes.filter((o) => o === '200 approved' || o === '200 declined');
    expect(decided).toHaveLength(10);
    expect(outcomes.filter((o) => o === '409 JOIN_REQUEST_DECIDED')).toHaveLength(20);

    const approved = outcomes.filter((o) => o === '200 approved').length;
    const members = await t.db.$count(memberships, eq(memberships.communityId, team.community.id));
    expect(members).toBe(4 + approved);
    const pending = await t.db.$count(
      joinRequests,
      and(eq(joinRequests.communityId, team.community.id), eq(joinRequests.status, 'pending')),
    );
    expect(pending).toBe(0);
  });

  it('approvals racing code joins for the last 3 places: never over capacity', async () => {
    const team = await communityWithTeam(t.app);
    await call(team.owner, 'PATCH', `/api/communities/${team.community.id}`, { joinApproval: true });
    const requestIds: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const result = (
        await call(await devLogin(t.app), 'POST', `/api/communities/${team.community.id}/join-requests`, {})
      ).json<{ id: string }>();
      requestIds.push(result.id);
    }
    await call(team.owner, 'PATCH', `/api/communities/${team.community.id}`, {
      joinApproval: false,
      capacity: 7,
    });
    const codeJoiners = await Promise.all(Array.from({ length: 8 }, () => devLogin(t.app)));

    const responses = await Promise.all([
      ...requestIds.map((id) => call(team.admin, 'POST', `/api/join-requests/${id}/approve`)),
      ...codeJoiners.map((user) =>
        call(user, 'POST', '/api/communities/join', { inviteCode: team.community.inviteCode }),
      ),
    ]);
    const admitted = responses.filter((r) => r.statusCode === 200).length;
    const full = responses.filter((r) => r.statusCode === 409 && r.json().code === 'COMMUNITY_FULL').length;
    expect(admitted).toBe(3);
    expect(full).toBe(13);
    expect(await t.db.$count(memberships, eq(memberships.communityId, team.community.id))).toBe(7);
  });
});
