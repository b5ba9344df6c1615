import { count, eq } from 'drizzle-orm';
import { notices, tips } from '../../../server/db/schema';
import { scheduledTipPublisher } from '../../../server/modules/tips/scheduled-tip-publisher';
import type { TipCardView, TipDetailView } from '../../../src/domain/contract/tips';
import { communityWithTeam } from '../../support/api-session';
import { databaseChecksum } from '../../support/database-checksum';
import { createTestApp, type TestApp } from '../../support/test-app';
import { feed, postTip, publishedTip, tipInput, uploadPng } from './tip-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tipCount = async () => (await t.db.select({ n: count() }).from(tips))[0]!.n;

describe('publishing a tip', () => {
  it('lets each team role publish at once, with tags normalised, and shows it in the feed', async () => {
    const { community, owner, admin, secretary } = await communityWithTeam(t.app);
    for (const user of [owner, admin, secretary]) {
      const tip = await publishedTip(t.app, user, community.id, { tags: ['#PPT技巧#', 'ppt技巧', '＃烘焙'] });
      expect(tip).toMatchObject({ status: 'published', tags: ['ppt技巧', '烘焙'], canManage: true });
      expect(tip.author.id).toBe(user.user.id);
    }
    const page = (await feed(t.app, owner, community.id)).json();
    expect(page.items).toHaveLength(3);
    expect(page.items[0].author.id).toBe(secretary.user.id);
  });

  it("turns a member's tip into a suggestion that the feed does not show", async () => {
    const { community, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, member, community.id);
    expect(tip.status).toBe('suggested');
    expect((await feed(t.app, member, community.id)).json().items).toHaveLength(0);
  });

  it('refuses a member who tries to schedule or draft, and an outsider', async () => {
    const { community, member, outsider } = await communityWithTeam(t.app);
    const before = await tipCount();
    const scheduled = await postTip(t.app, member, community.id, {
      publishAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(scheduled.statusCode).toBe(403);
    const fromOutsider = await postTip(t.app, outsider, community.id);
    expect(fromOutsider.json().code).toBe('NOT_A_MEMBER');
    expect(await tipCount()).toBe(before);
  });

  it.each([
    ['a title over 30 characters', { title: '猕'.repeat(31) }],
    ['six steps', { steps: ['一', '二', '三', '四', '五', '六'] }],
    ['a step over 60 characters', { steps: ['步'.repeat(61)] }],
    ['0 minutes', { minutes: 0 }],
    ['61 minutes', { minutes: 61 }],
    ['six distinct tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    ['an empty tag', { tags: ['#  #'] }],
    ['a blank body', { body: '   ' }],
    ['a time in the past', { publishAt: new Date(Date.now() - 3600_000).toISOString() }],
    ['an unknown field', { extra: 1 } as object],
  ])('refuses %s with 400 and stores nothing', async (_case, overrides) => {
    const { community, owner } = await communityWithTeam(t.app);
    const before = await tipCount();
    const response = await postTip(t.app, owner, community.id, overrides);
    expect(response.statusCode).toBe(400);
    expect(await tipCount()).toBe(before);
  });

  it('counts a 30-character Chinese title as 30, not by bytes', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    expect((await postTip(t.app, owner, community.id, { title: '猕'.repeat(30) })).statusCode).toBe(201);
  });

  it('rejects text that fails the content check (422 with the field) and stores nothing', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const before = await tipCount();
    const response = await postTip(t.app, owner, community.id, { steps: ['先加我微信'] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CONTENT_REJECTED',
      fields: { 'steps.0': expect.any(String) },
    });
    expect(await tipCount()).toBe(before);
  });

  it('keeps a draft out of the feed until it is published, and unpublishes', async () => {
    const { community, owner, secretary, member } = await communityWithTeam(t.app);
    const draft = await publishedTip(t.app, secretary, community.id, { draft: true });
    expect(draft.status).toBe('draft');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/tips/${draft.id}`, headers: member.headers }))
        .statusCode,
    ).toBe(404);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${draft.id}/publish`,
      headers: secretary.headers,
      payload: { version: 1 },
    });
    expect(published.json().status).toBe('published');
    expect((await feed(t.app, member, community.id)).json().items.map((i: TipCardView) => i.id)).toEqual([
      draft.id,
    ]);
    const byMember = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${draft.id}/unpublish`,
      headers: member.headers,
    });
    expect(byMember.statusCode).toBe(403);
    const unpublished = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${draft.id}/unpublish`,
      headers: owner.headers,
    });
    expect(unpublished.json().status).toBe('unpublished');
    expect((await feed(t.app, member, community.id)).json().items).toHaveLength(0);
  });

  it('edits a published tip (team only) and re-checks the rule', async () => {
    const { community, admin, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, admin, community.id);
    const edit = (user: typeof admin, overrides = {}) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/tips/${tip.id}`,
        headers: user.headers,
        payload: { ...tipInput({ title: '新标题', tags: ['#重度网民#'] }), ...overrides },
      });
    expect((await edit(member)).statusCode).toBe(403);
    expect((await edit(admin, { minutes: 99 })).statusCode).toBe(400);
    const edited = await edit(admin);
    expect(edited.json()).toMatchObject({ title: '新标题', tags: ['重度网民'], status: 'published' });
    expect((await feed(t.app, member, community.id, '?tag=重度网民')).json().items).toHaveLength(1);
    expect((await feed(t.app, member, community.id, '?tag=烘焙')).json().items).toHaveLength(0);
  });
});

describe("a tip's image", () => {
  it("takes my own upload and answers its URL; refuses someone else's upload and stores nothing", async () => {
    const { community, owner, admin } = await communityWithTeam(t.app);
    const mine = await uploadPng(t.app, owner);
    const tip = await publishedTip(t.app, owner, community.id, { imageUploadId: mine.id });
    expect(tip.imageUrl).toBe(mine.url);

    const before = await tipCount();
    const theirs = await uploadPng(t.app, admin);
    const refused = await postTip(t.app, owner, community.id, { imageUploadId: theirs.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('UPLOAD_NOT_FOUND');
    expect(await tipCount()).toBe(before);

    // An editor keeps the author's picture, and may remove it.
    const kept = await t.app.inject({
      method: 'PUT',
      url: `/api/tips/${tip.id}`,
      headers: admin.headers,
      payload: { ...tipInput(), imageUploadId: mine.id },
    });
    expect(kept.json().imageUrl).toBe(mine.url);
    const removed = await t.app.inject({
      method: 'PUT',
      url: `/api/tips/${tip.id}`,
      headers: admin.headers,
      payload: { ...tipInput(), imageUploadId: null },
    });
    expect(removed.json().imageUrl).toBeNull();
  });
});

describe('scheduling', () => {
  it('shows a scheduled tip only after the job publishes it, exactly once', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const publishAt = new Date(Date.now() + 3600_000);
    const tip = await publishedTip(t.app, owner, community.id, { publishAt: publishAt.toISOString() });
    expect(tip).toMatchObject({ status: 'scheduled', publishAt: publishAt.toISOString(), publishedAt: null });

    expect(await scheduledTipPublisher.runOnce(t.db, new Date(publishAt.getTime() - 1000))).toBe(0);
    expect((await feed(t.app, member, community.id)).json().items).toHaveLength(0);

    const later = new Date(publishAt.getTime() + 5000);
    expect(await scheduledTipPublisher.runOnce(t.db, later)).toBeGreaterThanOrEqual(1);
    expect(await scheduledTipPublisher.runOnce(t.db, later)).toBe(0);
    const items = (await feed(t.app, member, community.id)).json().items;
    expect(items.map((i: TipCardView) => [i.id, i.publishedAt])).toEqual([[tip.id, later.toISOString()]]);
  });

  it('does not publish a scheduled tip that was unpublished meanwhile', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const publishAt = new Date(Date.now() + 3600_000);
    const tip = await publishedTip(t.app, owner, community.id, { publishAt: publishAt.toISOString() });
    await t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/unpublish`, headers: owner.headers });
    await scheduledTipPublisher.runOnce(t.db, new Date(publishAt.getTime() + 1000));
    const [row] = await t.db.select().from(tips).where(eq(tips.id, tip.id));
    expect(row!.status).toBe('unpublished');
  });
});

describe('the review queue', () => {
  async function suggestion() {
    const team = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, team.member, team.community.id, { title: '自媒体标题加数字' });
    return { ...team, tip };
  }
  const queue = (user: { headers: object }, communityId: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/communities/${communityId}/tips/manage?status=suggested`,
      headers: user.headers as Record<string, string>,
    });

  it('lists suggestions for the team and only their own for a member', async () => {
    const { community, owner, member, tip } = await suggestion();
    expect((await queue(owner, community.id)).json().map((i: TipCardView) => i.id)).toEqual([tip.id]);
    expect((await queue(member, community.id)).json().map((i: TipCardView) => i.id)).toEqual([tip.id]);
  });

  it('publishes a suggestion crediting the member, and tells them', async () => {
    const { community, admin, member, tip } = await suggestion();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${tip.id}/publish`,
      headers: admin.headers,
      payload: { version: 1 },
    });
    const published = response.json<TipDetailView>();
    expect(published).toMatchObject({ status: 'published', suggested: true, author: { id: member.user.id } });
    const [notice] = await t.db.select().from(notices).where(eq(notices.userId, member.user.id));
    expect(notice).toMatchObject({ kind: 'tip_published', link: `/member/tip/index?id=${tip.id}` });
    expect((await feed(t.app, member, community.id)).json().items[0].id).toBe(tip.id);
    // 我的投稿 · 已发布: the member finds it among their own published suggestions, not among others' tips.
    await publishedTip(t.app, admin, community.id, { title: '管理员自己的技巧' });
    const mine = await t.app.inject({
      url: `/api/communities/${community.id}/tips/manage?status=published`,
      headers: member.headers,
    });
    expect(mine.json<TipCardView[]>().map((item) => item.id)).toEqual([tip.id]);
  });

  it('lets only the owner or an admin decide on a suggestion', async () => {
    const { secretary, member, tip } = await suggestion();
    for (const user of [secretary, member]) {
      const publish = await t.app.inject({
        method: 'POST',
        url: `/api/tips/${tip.id}/publish`,
        headers: user.headers,
        payload: { version: 1 },
      });
      expect(publish.statusCode).toBe(403);
      const decline = await t.app.inject({
        method: 'POST',
        url: `/api/tips/${tip.id}/decline`,
        headers: user.headers,
        payload: { reason: '太长', version: 1 },
      });
      expect(decline.statusCode).toBe(403);
    }
  });

  it('publishes or declines only the version the reviewer read: an edit since then is 409 TIP_CHANGED', async () => {
    const { owner, admin, tip } = await suggestion();
    expect(tip.version).toBe(1);
    // Another admin tidies the suggestion while the owner is reading version 1.
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/tips/${tip.id}`,
      headers: admin.headers,
      payload: tipInput({ title: '标题里加数字，打开率翻倍', body: '改写后的内容' }),
    });
    expect(edited.json().version).toBe(2);
    const before = await databaseChecksum(t.db);
    for (const [action, payload] of [
      ['publish', { version: 1 }],
      ['decline', { reason: '重复了', version: 1 }],
    ] as const) {
      const stale = await t.app.inject({
        method: 'POST',
        url: `/api/tips/${tip.id}/${action}`,
        headers: owner.headers,
        payload,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({
        code: 'TIP_CHANGED',
        message: '这条技巧刚刚被修改过，请查看最新内容后再决定',
      });
    }
    expect(await databaseChecksum(t.db)).toEqual(before);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${tip.id}/publish`,
      headers: owner.headers,
      payload: { version: 2 },
    });
    expect(published.json()).toMatchObject({ status: 'published', title: '标题里加数字，打开率翻倍' });
  });

  it('declines with a reason the member sees and is told about', async () => {
    const { owner, member, tip } = await suggestion();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${tip.id}/decline`,
      headers: owner.headers,
      payload: { reason: '和上周的技巧重复了', version: 1 },
    });
    expect(response.json()).toMatchObject({ status: 'declined', declineReason: '和上周的技巧重复了' });
    const mine = await t.app.inject({ method: 'GET', url: `/api/tips/${tip.id}`, headers: member.headers });
    expect(mine.json().declineReason).toBe('和上周的技巧重复了');
    const [notice] = await t.db.select().from(notices).where(eq(notices.userId, member.user.id));
    expect(notice!.kind).toBe('tip_declined');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${tip.id}/publish`,
      headers: owner.headers,
      payload: { version: 1 },
    });
    expect(again.json().code).toBe('TIP_STATE_CONFLICT');
  });
});
