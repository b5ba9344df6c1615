import { and, eq } from 'drizzle-orm';
import { contentReports, notices } from '../../../server/db/schema';
import type { ReportView } from '../../../src/domain/contract/moderation';
import type { PromotionBoardView } from '../../../src/domain/contract/promotions';
import type { TipCardView, TipNoteView } from '../../../src/domain/contract/tips';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { decide, openSlots, requestSlot, settle } from '../promotions/promotion-support';
import { members } from '../sessions/session-fixtures';
import { feed, publishedTip } from '../tips/tip-fixtures';

/**
 * 举报: any member reports a tip, a note or a promotion; the team hides it, dismisses the report or
 * removes the author. Hidden content disappears for everyone but its author and the team.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function report(user: SignedInUser, communityId: string, body: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/reports`,
    headers: user.headers,
    payload: body,
  });
}

function decideReport(user: SignedInUser, reportId: string, body: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/reports/${reportId}/decision`,
    headers: user.headers,
    payload: body,
  });
}

async function queue(user: SignedInUser, communityId: string): Promise<ReportView[]> {
  const response = await t.app.inject({
    url: `/api/communities/${communityId}/reports`,
    headers: user.headers,
  });
  if (response.statusCode !== 200) throw new Error(`queue: ${response.statusCode} ${response.body}`);
  return response.json<ReportView[]>();
}

async function feedIds(user: SignedInUser, communityId: string, query = ''): Promise<string[]> {
  return (await feed(t.app, user, communityId, query))
    .json<{ items: TipCardView[] }>()
    .items.map((tip) => tip.id);
}

async function searchIds(user: SignedInUser, communityId: string, q: string): Promise<string[]> {
  const response = await t.app.inject({
    url: `/api/communities/${communityId}/tips/search?q=${encodeURIComponent(q)}`,
    headers: user.headers,
  });
  return response.json<{ items: TipCardView[] }>().items.map((tip) => tip.id);
}

async function pendingKinds(userId: string): Promise<string[]> {
  const rows = await t.db
    .select({ kind: notices.kind })
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.status, 'pending')));
  return rows.map((row) => row.kind);
}

it('a hidden tip leaves the feed, its tag, search, saved tips and its page for members, not for its author or the team', async () => {
  const { community, owner, secretary, member } = await communityWithTeam(t.app);
  const [author, other] = await members(t.app, community.inviteCode!, 2);
  // The author's suggestion, published by the team; another member saves it.
  const suggested = await t.app.inject({
    method: 'POST',
    url: `/api/communities/${community.id}/tips`,
    headers: author!.headers,
    payload: { title: '加我领取烘焙秘方', body: '私聊我就发给你', steps: [], tags: ['烘焙'], minutes: 1 },
  });
  const tipId = suggested.json<{ id: string }>().id;
  const published = await t.app.inject({
    method: 'POST',
    url: `/api/tips/${tipId}/publish`,
    headers: owner.headers,
    payload: { version: 1 },
  });
  expect(published.statusCode).toBe(200);
  await t.app.inject({ method: 'PUT', url: `/api/tips/${tipId}/save`, headers: other!.headers, payload: {} });

  const filed = await report(member, community.id, {
    targetKind: 'tip',
    targetId: tipId,
    reason: '像是在引流',
  });
  expect(filed.statusCode).toBe(201);
  expect(
    (await report(member, community.id, { targetKind: 'tip', targetId: tipId, reason: '再举报一次' })).json()
      .code,
  ).toBe('REPORT_EXISTS');
  expect(
    (await report(other!, community.id, { targetKind: 'tip', targetId: tipId, reason: '广告' })).statusCode,
  ).toBe(201);
  // The team hears of each report.
  expect(await pendingKinds(secretary.user.id)).toContain('content_reported');

  const open = await queue(secretary, community.id);
  expect(open).toHaveLength(2);
  expect(open[0]).toMatchObject({
    targetKind: 'tip',
    targetId: tipId,
    excerpt: '加我领取烘焙秘方',
    hidden: false,
    author: { id: author!.user.id, role: 'member' },
    reporter: { id: member.user.id },
    reason: '像是在引流',
  });

  // The secretary may hide; the decision closes both reports, and the author is told.
  expect((await decideReport(secretary, open[0]!.id, { action: 'hide' })).statusCode).toBe(204);
  expect(await queue(owner, community.id)).toEqual([]);
  const statuses = await t.db
    .select({ status: contentReports.status })
    .from(contentReports)
    .where(eq(contentReports.targetId, tipId));
  expect(statuses.map((s) => s.status)).toEqual(['hidden', 'hidden']);
  expect(await pendingKinds(author!.user.id)).toContain('content_hidden');
  expect((await decideReport(owner, open[1]!.id, { action: 'dismiss' })).json().code).toBe('REPORT_DECIDED');

  for (const viewer of [member, other!]) {
    expect(await feedIds(viewer, community.id)).not.toContain(tipId);
    expect(await feedIds(viewer, community.id, '?sort=recommended')).not.toContain(tipId);
    expect(await feedIds(viewer, community.id, `?tag=${encodeURIComponent('烘焙')}`)).not.toContain(tipId);
    expect(await searchIds(viewer, community.id, '烘焙秘方')).not.toContain(tipId);
    expect((await t.app.inject({ url: `/api/tips/${tipId}`, headers: viewer.headers })).statusCode).toBe(404);
  }
  const saved = await t.app.inject({
    url: `/api/communities/${community.id}/me/tips?kind=saved`,
    headers: other!.headers,
  });
  expect(saved.statusCode).toBe(200);
  expect(saved.json<{ items: TipCardView[] }>().items.map((tip) => tip.id)).not.toContain(tipId);

  for (const viewer of [author!, owner, secretary]) {
    expect(await feedIds(viewer, community.id)).toContain(tipId);
    const detail = await t.app.inject({ url: `/api/tips/${tipId}`, headers: viewer.headers });
    expect(detail.json()).toMatchObject({ id: tipId, hidden: true });
  }
});

it('a hidden note leaves the tip page for members; a dismissal tells the reporter', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const [writer] = await members(t.app, community.inviteCode!, 1);
  const tip = await publishedTip(t.app, owner, community.id);
  await t.app.inject({
    method: 'PUT',
    url: `/api/tips/${tip.id}/try`,
    headers: writer!.headers,
    payload: { note: '根本没用，别信' },
  });
  await t.app.inject({
    method: 'PUT',
    url: `/api/tips/${tip.id}/try`,
    headers: member.headers,
    payload: { note: '好用' },
  });

  // A note names its writer; without one the report is refused.
  expect(
    (await report(member, community.id, { targetKind: 'note', targetId: tip.id, reason: '攻击人' }))
      .statusCode,
  ).toBe(400);
  expect(
    (
      await report(member, community.id, {
        targetKind: 'note',
        targetId: tip.id,
        authorId: member.user.id,
        reason: '我自己',
      })
    ).json().code,
  ).toBe('CANNOT_REPORT_OWN');
  const first = await report(member, community.id, {
    targetKind: 'note',
    targetId: tip.id,
    authorId: writer!.user.id,
    reason: '语气很冲',
  });
  expect(first.statusCode).toBe(201);
  const [item] = await queue(owner, community.id);
  expect(item).toMatchObject({
    targetKind: 'note',
    excerpt: '根本没用，别信',
    author: { id: writer!.user.id },
  });

  // Dismissed: the note stays, the reporter hears back.
  expect((await decideReport(owner, item!.id, { action: 'dismiss' })).statusCode).toBe(204);
  expect(await pendingKinds(member.user.id)).toContain('report_dismissed');
  const notesFor = async (viewer: SignedInUser) =>
    (await t.app.inject({ url: `/api/tips/${tip.id}/tries`, headers: viewer.headers }))
      .json<TipNoteView[]>()
      .map((note) => note.note);
  expect(await notesFor(member)).toContain('根本没用，别信');

  // Reported again and hidden this time.
  const again = await report(member, community.id, {
    targetKind: 'note',
    targetId: tip.id,
    authorId: writer!.user.id,
    reason: '还是很冲',
  });
  expect((await decideReport(owner, again.json().id, { action: 'hide' })).statusCode).toBe(204);
  expect(await notesFor(member)).toEqual(['好用']);
  expect(await notesFor(writer!)).toContain('根本没用，别信');
  expect(await notesFor(owner)).toContain('根本没用，别信');
});

it('removing the author ends their membership the one way, hides the promotion, and only the owner and admins may', async () => {
  const { community, owner, admin, secretary, member } = await communityWithTeam(t.app);
  const [author] = await members(t.app, community.inviteCode!, 1);
  await settle(t.db, community.id, author!);
  const slots = await openSlots(t.app, community.id, author!);
  const requestId = (await requestSlot(t.app, community.id, author!, slots[0]!.id)).json().id;
  expect((await decide(t.app, admin, requestId, 'approve')).statusCode).toBe(200);
  const board = async (viewer: SignedInUser) =>
    (
      await t.app.inject({ url: `/api/communities/${community.id}/promotion-board`, headers: viewer.headers })
    ).json<PromotionBoardView>();
  expect((await board(member)).upcoming.map((p) => p.id)).toEqual([requestId]);

  const filed = await report(member, community.id, {
    targetKind: 'promotion',
    targetId: requestId,
    reason: '推广的是赌博网站',
  });
  // The reason passes the same content check as any text.
  expect(filed.json().code).toBe('CONTENT_REJECTED');
  const reportId = (
    await report(member, community.id, {
      targetKind: 'promotion',
      targetId: requestId,
      reason: '链接是钓鱼网站',
    })
  ).json().id;

  expect((await decideReport(secretary, reportId, { action: 'remove_author' })).statusCode).toBe(403);
  expect((await decideReport(member, reportId, { action: 'hide' })).statusCode).toBe(403);
  const removed = await decideReport(admin, reportId, {
    action: 'remove_author',
    reason: '发钓鱼链接',
    block: true,
  });
  expect(removed.statusCode).toBe(204);

  const membersNow = await t.app.inject({
    url: `/api/communities/${community.id}/members`,
    headers: owner.headers,
  });
  expect(membersNow.json().map((m: { userId: string }) => m.userId)).not.toContain(author!.user.id);
  expect(await pendingKinds(author!.user.id)).toEqual(['member_removed']);
  const blocked = await t.app.inject({
    url: `/api/communities/${community.id}/blocks`,
    headers: owner.headers,
  });
  expect(blocked.json()).toEqual([
    expect.objectContaining({ userId: author!.user.id, reason: '发钓鱼链接' }),
  ]);
  expect((await board(member)).upcoming).toEqual([]);
  expect((await board(owner)).upcoming).toEqual([expect.objectContaining({ id: requestId, hidden: true })]);
});

it('refuses reports of content the reporter cannot see or that is not in the community', async () => {
  const { community, owner, member, outsider } = await communityWithTeam(t.app);
  const other = await communityWithTeam(t.app);
  const foreignTip = await publishedTip(t.app, other.owner, other.community.id);
  const draft = await t.app.inject({
    method: 'POST',
    url: `/api/communities/${community.id}/tips`,
    headers: owner.headers,
    payload: { title: '草稿', body: '还没写完', steps: [], tags: [], minutes: 1, draft: true },
  });
  for (const targetId of [foreignTip.id, draft.json().id, '00000000-0000-4000-8000-000000000000']) {
    const response = await report(member, community.id, { targetKind: 'tip', targetId, reason: '不合适' });
    expect(response.statusCode).toBe(404);
  }
  const tip = await publishedTip(t.app, owner, community.id);
  expect(
    (await report(outsider, community.id, { targetKind: 'tip', targetId: tip.id, reason: '不合适' }))
      .statusCode,
  ).toBe(403);
});
