import { eq } from 'drizzle-orm';
import { promotionDecisions, promotionRequests, promotionSlots } from '../../../server/db/schema';
import { createCommunity, devLogin, joinCommunity } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { decide, openSlots, requestSlot, settle } from './promotion-support';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('20 simultaneous approvals for 3 places', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('approves exactly 3 and answers the rest 409 SLOT_FULL', async () => {
    const owner = await devLogin(t.app);
    const admin = await devLogin(t.app);
    const community = await createCommunity(t.app, owner, { capacity: 50 });
    await joinCommunity(t.app, admin, community.inviteCode!);
    await t.app.inject({
      method: 'PUT',
      url: `/api/communities/${community.id}/members/${admin.user.id}/role`,
      headers: owner.headers,
      payload: { role: 'admin' },
    });
    const [slot] = await openSlots(t.app, community.id, owner);
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const member = await devLogin(t.app);
      await joinCommunity(t.app, member, community.inviteCode!);
      await settle(t.db, community.id, member);
      const created = await requestSlot(t.app, community.id, member, slot!.id);
      expect(created.statusCode).toBe(201);
      ids.push(created.json().id);
    }

    // Two reviewers at once, each approving every request.
    const responses = await Promise.all(
      ids.map((id, index) => decide(t.app, index % 2 ? admin : owner, id, 'approve')),
    );

    const outcomes = responses.map(
      (response) => `${response.statusCode} ${response.json().code ?? 'approved'}`,
    );
    expect(outcomes.filter((outcome) => outcome === '200 approved')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === '409 SLOT_FULL')).toHaveLength(17);
    const [row] = await t.db.select().from(promotionSlots).where(eq(promotionSlots.id, slot!.id));
    expect(row!.approvedCount).toBe(3);
    const approved = await t.db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.status, 'approved'));
    expect(approved).toHaveLength(3);
    expect(await t.db.select().from(promotionDecisions)).toHaveLength(3);
  });
});
