import { count, eq } from 'drizzle-orm';
import { notices, promotionDecisions, promotionRequests, promotionSlots } from '../../../server/db/schema';
import { communityWithTeam, devLogin, joinCommunity } from '../../support/api-session';
import { databaseChecksum } from '../../support/database-checksum';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import { decide, openSlots, requestSlot, settle } from './promotion-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function team() {
  const setup = await communityWithTeam(t.app);
  await settle(t.db, setup.community.id, setup.owner, setup.admin, setup.secretary, setup.member);
  const slots = await openSlots(t.app, setup.community.id, setup.member);
  return { ...setup, slots };
}

const promotionCounts = async () => ({
  ...(await rowCounts(t.db)),
  requests: (await t.db.select({ n: count() }).from(promotionRequests))[0]!.n,
  decisions: (await t.db.select({ n: count() }).from(promotionDecisions))[0]!.n,
});

describe('slots and rules', () => {
  it('opens the default weekly Friday 20:00 slot (China time) for 4 weeks, 3 places each', async () => {
    const { slots } = await team();
    expect(slots.length).toBeGreaterThanOrEqual(4);
    expect(slots.length).toBeLessThanOrEqual(5);
    for (const slot of slots) {
      // Friday 20:00 in Shanghai is Friday 12:00 UTC.
      expect(new Date(slot.startsAt).getUTCDay()).toBe(5);
      expect(new Date(slot.startsAt).getUTCHours()).toBe(12);
      expect(slot).toMatchObject({ places: 3, remaining: 3, closed: false });
    }
  });

  it('lets owner and admin change the schedule; the secretary, a member and an outsider cannot', async () => {
    const { community, owner, admin, secretary, member, outsider } = await team();
    const body = {
      minTenureDays: 3,
      schedule: [{ weekday: 3, startTime: '21:00', durationMinutes: 60, places: 2 }],
    };
    const put = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/communities/${community.id}/promotion-rules`,
        headers,
        payload: body,
      });
    expect((await put(secretary.headers)).json().code).toBe('FORBIDDEN');
    expect((await put(member.headers)).statusCode).toBe(403);
    expect((await put(outsider.headers)).json().code).toBe('NOT_A_MEMBER');
    expect((await put(owner.headers)).statusCode).toBe(200);
    const saved = await put(admin.headers);
    expect(saved.json()).toMatchObject({ minTenureDays: 3, schedule: body.schedule });
    const slots = await openSlots(t.app, community.id, member);
    expect(slots.every((slot) => new Date(slot.startsAt).getUTCDay() === 3)).toBe(true);
    expect(slots.every((slot) => new Date(slot.startsAt).getUTCHours() === 13 && slot.places === 2)).toBe(
      true,
    );
  });

  it('refuses overlapping or malformed schedules', async () => {
    const { community, owner } = await team();
    const put = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/communities/${community.id}/promotion-rules`,
        headers: owner.headers,
        payload,
      });
    const overlap = await put({
      minTenureDays: 7,
      schedule: [
        { weekday: 5, startTime: '20:00', durationMinutes: 30, places: 3 },
        { weekday: 5, startTime: '20:15', durationMinutes: 30, places: 3 },
      ],
    });
    expect(overlap.json().code).toBe('SCHEDULE_OVERLAP');
    const bad = await put({
      minTenureDays: 7,
      schedule: [{ weekday: 8, startTime: '25:00', durationMinutes: 30, places: 3 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('adds an extra slot and closes a slot (admin only); closing declines its pending requests', async () => {
    const { community, admin, member, secretary, slots } = await team();
    const startsAt = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/promotion-slots`,
      headers: admin.headers,
      payload: { startsAt, durationMinutes: 30, places: 1 },
    });
    expect(extra.statusCode).toBe(201);
    expect(extra.json()).toMatchObject({ source: 'extra', places: 1, remaining: 1 });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/promotion-slots`,
      headers: admin.headers,
      payload: { startsAt, durationMinutes: 30, places: 1 },
    });
    expect(again.json().code).toBe('SLOT_EXISTS');

    const created = await requestSlot(t.app, community.id, member, slots[0]!.id);
    expect(created.statusCode).toBe(201);
    const close = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/promotion-slots/${slots[0]!.id}/close`,
        headers,
        payload: {},
      });
    expect((await close(secretary.headers)).statusCode).toBe(403);
    const closed = await close(admin.headers);
    expect(closed.json()).toMatchObject({ closed: true });
    const [request] = await t.db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.id, created.json().id));
    expect(request).toMatchObject({ status: 'rejected', decidedBy: admin.user.id });
    const retry = await requestSlot(t.app, community.id, member, slots[0]!.id);
    expect(retry.json().code).toBe('SLOT_CLOSED');
  });
});

describe('requesting', () => {
  it('tells a new member why and from when, and the server refuses them', async () => {
    const { community, owner } = await team();
    const newcomer = await devLogin(t.app);
    await joinCommunity(t.app, newcomer, community.inviteCode!);
    const eligibility = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/promotion-eligibility`,
      headers: newcomer.headers,
    });
    expect(eligibility.json()).toMatchObject({ eligible: false, problems: [{ reason: 'tenure' }] });
    const joinedAt = new Date(eligibility.json().joinedAt).getTime();
    expect(new Date(eligibility.json().eligibleFrom).getTime()).toBe(joinedAt + 7 * 24 * 3600_000);
    const slots = await openSlots(t.app, community.id, owner);
    const before = await promotionCounts();
    const refused = await requestSlot(t.app, community.id, newcomer, slots[0]!.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PROMOTION_NOT_ELIGIBLE');
    expect(refused.json().fields.eligibility).toContain('入群满 7 天');
    expect(await promotionCounts()).toEqual(before);
  });

  it('allows one pending request, editable and withdrawable by its author only', async () => {
    const { community, member, admin, slots } = await team();
    const created = await requestSlot(t.app, community.id, member, slots[0]!.id);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending', category: '文章', slot: { id: slots[0]!.id } });
    const second = await requestSlot(t.app, community.id, member, slots[1]!.id);
    expect(second.json().code).toBe('PROMOTION_PENDING_EXISTS');

    const id = created.json().id;
    const byOther = await t.app.inject({
      method: 'PATCH',
      url: `/api/promotion-requests/${id}`,
      headers: admin.headers,
      payload: { title: '改标题' },
    });
    expect(byOther.statusCode).toBe(404);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/promotion-requests/${id}`,
      headers: member.headers,
      payload: { title: '改过的标题', slotId: slots[1]!.id, link: null },
    });
    expect(edited.json()).toMatchObject({ title: '改过的标题', link: null, slot: { id: slots[1]!.id } });
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/promotion-requests/${id}/withdraw`,
      headers: member.headers,
      payload: {},
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const afterWithdraw = await t.app.inject({
      method: 'PATCH',
      url: `/api/promotion-requests/${id}`,
      headers: member.headers,
      payload: { title: '再改' },
    });
    expect(afterWithdraw.json().code).toBe('PROMOTION_NOT_PENDING');
    expect((await requestSlot(t.app, community.id, member, slots[0]!.id)).statusCode).toBe(201);
  });

  it('refuses QR codes, group invitations and WeChat ids with 422 and the field, writing nothing', async () => {
    const { community, member, slots } = await team();
    const before = await promotionCounts();
    for (const content of [
      '扫码领取资料',
      '想交流的加群：123456',
      '详情加我微信',
      '微信：abc_12345',
      '看群二维码',
    ]) {
      const response = await requestSlot(t.app, community.id, member, slots[0]!.id, { content });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('CONTENT_REJECTED');
      expect(response.json().fields.content).toBeTruthy();
    }
    expect(await promotionCounts()).toEqual(before);
  });

  it('validates lengths (CJK counted as one), https links and categories', async () => {
    const { community, member, slots } = await team();
    const before = await promotionCounts();
    const cases = [
      { title: '字'.repeat(21) },
      { content: '字'.repeat(301) },
      { link: 'http://example.com' },
      { link: 'javascript:alert(1)' },
      { category: '广告' },
      { slotId: 'not-a-uuid' },
      { extra: 1 },
    ];
    for (const overrides of cases) {
      const response = await requestSlot(t.app, community.id, member, slots[0]!.id, overrides);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    expect(
      (
        await requestSlot(t.app, community.id, member, slots[0]!.id, {
          title: '字'.repeat(20),
          content: '字'.repeat(300),
        })
      ).statusCode,
    ).toBe(201);
    expect((await promotionCounts()).requests).toBe(before.requests + 1);
  });

  it('refuses an outsider and a slot of another community', async () => {
    const { community, outsider, slots } = await team();
    expect((await requestSlot(t.app, community.id, outsider, slots[0]!.id)).json().code).toBe('NOT_A_MEMBER');
    const other = await team();
    const response = await requestSlot(t.app, other.community.id, other.member, slots[0]!.id);
    expect(response.statusCode).toBe(404);
  });
});

describe('reviewing', () => {
  it('shows the queue to owner and admin only, with tenure, last promotion, verdict and places', async () => {
    const { community, owner, admin, secretary, member, outsider, slots } = await team();
    await requestSlot(t.app, community.id, member, slots[1]!.id);
    const queue = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/communities/${community.id}/promotion-review`, headers });
    expect((await queue(secretary.headers)).json().code).toBe('FORBIDDEN');
    expect((await queue(member.headers)).statusCode).toBe(403);
    expect((await queue(outsider.headers)).statusCode).toBe(403);
    expect((await queue(admin.headers)).statusCode).toBe(200);
    const [item] = (await queue(owner.headers)).json();
    expect(item).toMatchObject({
      author: { id: member.user.id },
      lastApprovedSlotStartsAt: null,
      contentVerdict: '通过内容安全检查和群规检查',
      slot: { remaining: 3 },
    });
    expect(new Date(item.joinedAt).getTime()).toBeLessThan(Date.now() - 59 * 24 * 3600_000);
  });

  it('approves: records who and when, notifies the member, takes a place and shows it on the board', async () => {
    const { community, admin, secretary, member, slots } = await team();
    const id = (await requestSlot(t.app, community.id, member, slots[0]!.id)).json().id;
    expect((await decide(t.app, secretary, id, 'approve')).statusCode).toBe(403);
    expect((await decide(t.app, member, id, 'approve')).statusCode).toBe(403);
    const approved = await decide(t.app, admin, id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', slot: { remaining: 2 } });
    expect((await decide(t.app, admin, id, 'approve')).json().code).toBe('PROMOTION_NOT_PENDING');
    const [decision] = await t.db
      .select()
      .from(promotionDecisions)
      .where(eq(promotionDecisions.requestId, id));
    expect(decision).toMatchObject({ decision: 'approved', decidedBy: admin.user.id });
    const [notice] = await t.db.select().from(notices).where(eq(notices.userId, member.user.id));
    expect(notice).toMatchObject({ kind: 'promotion_approved', communityId: community.id });
    const board = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/promotion-board`,
      headers: member.headers,
    });
    expect(board.json().upcoming.map((p: { id: string }) => p.id)).toEqual([id]);

    // One approved promotion uses the 30-day allowance: the next request is refused with the date.
    const eligibility = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/promotion-eligibility`,
      headers: member.headers,
    });
    expect(eligibility.json()).toMatchObject({ eligible: false, problems: [{ reason: 'window-used' }] });
    expect(new Date(eligibility.json().eligibleFrom).getTime()).toBe(
      new Date(slots[0]!.startsAt).getTime() + 30 * 24 * 3600_000,
    );
  });

  it('rejects only with a reason, which the member sees', async () => {
    const { community, owner, member, slots } = await team();
    const id = (await requestSlot(t.app, community.id, member, slots[0]!.id)).json().id;
    const noReason = await decide(t.app, owner, id, 'reject');
    expect(noReason.statusCode).toBe(400);
    const empty = await decide(t.app, owner, id, 'reject', '');
    expect(empty.statusCode).toBe(400);
    const rejected = await decide(t.app, owner, id, 'reject', '内容和社群主题无关');
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '内容和社群主题无关' });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/promotion-requests/mine`,
      headers: member.headers,
    });
    expect(mine.json()[0]).toMatchObject({ id, status: 'rejected', rejectReason: '内容和社群主题无关' });
    const [notice] = await t.db.select().from(notices).where(eq(notices.userId, member.user.id));
    expect(notice).toMatchObject({ kind: 'promotion_rejected' });
  });

  it('decides only on the version the reviewer read: an edit since then is 409 PROMOTION_CHANGED, and the queue shows the new version', async () => {
    const { community, owner, admin, member, slots } = await team();
    const created = (await requestSlot(t.app, community.id, member, slots[0]!.id)).json();
    expect(created.version).toBe(1);
    const queue = async () =>
      (
        await t.app.inject({
          url: `/api/communities/${community.id}/promotion-review`,
          headers: admin.headers,
        })
      ).json()[0];
    const seen = await queue();
    expect(seen).toMatchObject({ id: created.id, version: 1, link: 'https://example.com/article' });

    // The author swaps the text and the link after the reviewer opened the queue.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/promotion-requests/${created.id}`,
      headers: member.headers,
      payload: { title: '课程限时优惠', link: 'https://example.com/buy' },
    });
    expect(edited.json().version).toBe(2);

    const before = await promotionCounts();
    const checksum = await databaseChecksum(t.db);
    for (const stale of [
      await decide(t.app, admin, created.id, 'approve', undefined, seen.version),
      await decide(t.app, owner, created.id, 'reject', '不相关', seen.version),
    ]) {
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({
        code: 'PROMOTION_CHANGED',
        message: '作者刚刚修改了这条推广申请，请查看最新内容后再审核',
      });
    }
    expect(await promotionCounts()).toEqual(before);
    expect(await databaseChecksum(t.db)).toEqual(checksum);
    expect((await decide(t.app, admin, created.id, 'approve', undefined, 3)).json().code).toBe(
      'PROMOTION_CHANGED',
    );
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/promotion-requests/${created.id}/approve`,
      headers: admin.headers,
      payload: {},
    });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { version: '必填' } });

    // A move to another slot is an edit too.
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/promotion-requests/${created.id}`,
      headers: member.headers,
      payload: { slotId: slots[1]!.id },
    });
    expect(moved.json().version).toBe(3);

    const now = await queue();
    expect(now).toMatchObject({ version: 3, title: '课程限时优惠', link: 'https://example.com/buy' });
    const approved = await decide(t.app, admin, created.id, 'approve', undefined, now.version);
    expect(approved.json()).toMatchObject({ status: 'approved', title: '课程限时优惠', version: 3 });
  });

  it('answers SLOT_FULL when the slot has no place left', async () => {
    const { community, owner, slots } = await team();
    await t.db.update(promotionSlots).set({ places: 1 }).where(eq(promotionSlots.id, slots[0]!.id));
    const members = [await devLogin(t.app), await devLogin(t.app)];
    const ids: string[] = [];
    for (const user of members) {
      await joinCommunity(t.app, user, community.inviteCode!);
      await settle(t.db, community.id, user);
      ids.push((await requestSlot(t.app, community.id, user, slots[0]!.id)).json().id);
    }
    expect((await decide(t.app, owner, ids[0]!, 'approve')).statusCode).toBe(200);
    const full = await decide(t.app, owner, ids[1]!, 'approve');
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('SLOT_FULL');
    const third = await devLogin(t.app);
    await joinCommunity(t.app, third, community.inviteCode!);
    await settle(t.db, community.id, third);
    expect((await requestSlot(t.app, community.id, third, slots[0]!.id)).json().code).toBe('SLOT_FULL');
  });

  it('answers 404 for an unknown request and 400 for a malformed id', async () => {
    const { owner } = await team();
    expect((await decide(t.app, owner, '00000000-0000-4000-8000-000000000000', 'approve')).statusCode).toBe(
      404,
    );
    expect((await decide(t.app, owner, 'nope', 'approve')).statusCode).toBe(400);
  });

  it('lets any member read the board; an outsider cannot', async () => {
    const { community, outsider, secretary } = await team();
    const board = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/communities/${community.id}/promotion-board`, headers });
    expect((await board(secretary.headers)).json()).toEqual({ current: [], upcoming: [] });
    expect((await board(outsider.headers)).statusCode).toBe(403);
    const archive = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/promotion-archive`,
      headers: secretary.headers,
    });
    expect(archive.json()).toEqual({ items: [], nextCursor: null });
  });
});
