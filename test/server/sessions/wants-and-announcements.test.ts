import { eq } from 'drizzle-orm';
import { memberTags, tips } from '../../../server/db/schema';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { publishedTip } from '../tips/tip-fixtures';
import { noticesOf, scheduleSession } from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('想听这个', () => {
  it('members want a session on a tip (idempotent), and the team sees the most wanted topics', async () => {
    const { community, owner, admin, secretary, member, outsider } = await communityWithTeam(t.app);
    const popular = await publishedTip(t.app, owner, community.id, { title: '猕猴桃用勺子取果肉' });
    const quiet = await publishedTip(t.app, owner, community.id, { title: 'PPT 标题层级' });
    const want = (user: typeof member, tipId: string, method: 'POST' | 'DELETE' = 'POST') =>
      t.app.inject({
        method,
        url: `/api/tips/${tipId}/want`,
        headers: user.headers,
        ...(method === 'POST' ? { payload: {} } : {}),
      });

    expect((await want(member, popular.id)).json()).toEqual({
      tipId: popular.id,
      wanted: true,
      wantCount: 1,
    });
    expect((await want(member, popular.id)).json()).toEqual({
      tipId: popular.id,
      wanted: true,
      wantCount: 1,
    });
    await want(admin, popular.id);
    await want(secretary, quiet.id);
    expect((await want(outsider, popular.id)).statusCode).toBe(403);
    expect((await want(member, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const topics = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/wanted-topics`,
      headers: secretary.headers,
    });
    expect(
      topics.json().map((topic: { title: string; wantCount: number }) => [topic.title, topic.wantCount]),
    ).toEqual([
      ['猕猴桃用勺子取果肉', 2],
      ['PPT 标题层级', 1],
    ]);
    const forMember = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/wanted-topics`,
      headers: member.headers,
    });
    expect(forMember.statusCode).toBe(403);

    expect((await want(member, popular.id, 'DELETE')).json()).toEqual({
      tipId: popular.id,
      wanted: false,
      wantCount: 1,
    });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/tips/${popular.id}/want`,
      headers: admin.headers,
    });
    expect(mine.json()).toEqual({ tipId: popular.id, wanted: true, wantCount: 1 });
  });

  it('a tip hidden by the team gathers no wants and leaves the most wanted topics', async () => {
    const { community, owner, secretary, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id, { title: '用勺子取牛油果' });
    const want = (user: typeof member) =>
      t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/want`, headers: user.headers, payload: {} });
    expect((await want(secretary)).statusCode).toBe(200);
    await t.db.update(tips).set({ hiddenAt: new Date() }).where(eq(tips.id, tip.id));

    expect((await want(member)).statusCode).toBe(404);
    expect((await want(owner)).statusCode).toBe(404);
    const forMember = await t.app.inject({ url: `/api/tips/${tip.id}/want`, headers: member.headers });
    expect(forMember.statusCode).toBe(404);
    const topics = await t.app.inject({
      url: `/api/communities/${community.id}/wanted-topics`,
      headers: secretary.headers,
    });
    expect(topics.json()).toEqual([]);
    // The team still sees it, and may take a want back.
    const takenBack = await t.app.inject({
      method: 'DELETE',
      url: `/api/tips/${tip.id}/want`,
      headers: secretary.headers,
    });
    expect(takenBack.json()).toEqual({ tipId: tip.id, wanted: false, wantCount: 0 });
  });
});

describe('announcing a new session on a tag', () => {
  it('lands in the inbox of members who hold one of its tags, not the others', async () => {
    const { community, owner, admin, member } = await communityWithTeam(t.app);
    await t.db.insert(memberTags).values([
      { communityId: community.id, userId: member.user.id, tag: '烘焙' },
      { communityId: community.id, userId: admin.user.id, tag: 'ppt' },
    ]);
    const session = await scheduleSession(t.app, owner, community.id, { tags: ['烘焙'] });
    const announced = (await noticesOf(t.db, member.user.id)).filter((n) => n.kind === 'session_announced');
    expect(announced).toHaveLength(1);
    expect(announced[0]!.link).toBe(`/member/session/index?id=${session.id}`);
    expect((await noticesOf(t.db, admin.user.id)).filter((n) => n.kind === 'session_announced')).toHaveLength(
      0,
    );
  });
});
