import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView, TipDetailView } from '../../../src/domain/contract/tips';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { publishedTip } from './tip-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (
  method: 'PUT' | 'DELETE' | 'GET',
  url: string,
  user: { headers: Record<string, string> },
  payload?: object,
) => t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

describe('saving, liking and trying a tip', () => {
  it('counts each member once, and undoes', async () => {
    const { community, owner, member, admin } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id);
    for (const user of [member, member, admin]) await call('PUT', `/api/tips/${tip.id}/like`, user);
    await call('PUT', `/api/tips/${tip.id}/save`, member);
    const liked = (await call('GET', `/api/tips/${tip.id}`, member)).json<TipDetailView>();
    expect(liked).toMatchObject({ likeCount: 2, saveCount: 1, liked: true, saved: true });
    const unliked = (await call('DELETE', `/api/tips/${tip.id}/like`, member)).json<TipDetailView>();
    expect(unliked).toMatchObject({ likeCount: 1, liked: false });
    await call('DELETE', `/api/tips/${tip.id}/like`, member);
    expect((await call('GET', `/api/tips/${tip.id}`, admin)).json().likeCount).toBe(1);
  });

  it('keeps one 我试过了 per member, with an editable note, listed with the notes', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id);
    const first = (
      await call('PUT', `/api/tips/${tip.id}/try`, member, { note: '真的一下就出来了' })
    ).json<TipDetailView>();
    expect(first).toMatchObject({ tryCount: 1, myTry: { note: '真的一下就出来了' } });
    const edited = (
      await call('PUT', `/api/tips/${tip.id}/try`, member, { note: '第二次更快' })
    ).json<TipDetailView>();
    expect(edited).toMatchObject({ tryCount: 1, myTry: { note: '第二次更快' } });
    await call('PUT', `/api/tips/${tip.id}/try`, owner, {});
    const notes = (await call('GET', `/api/tips/${tip.id}/tries`, member)).json();
    expect(notes.map((n: { note: string | null }) => n.note)).toEqual([null, '第二次更快']);
    const tried = (await call('GET', `/api/communities/${community.id}/me/tips?kind=tried`, member)).json();
    expect(tried.items.map((i: TipCardView) => i.id)).toEqual([tip.id]);
    const undone = (await call('DELETE', `/api/tips/${tip.id}/try`, member)).json<TipDetailView>();
    expect(undone).toMatchObject({ tryCount: 1, myTry: null });
  });

  it('refuses a note over 100 characters or one that fails the content check, changing nothing', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id);
    const long = await call('PUT', `/api/tips/${tip.id}/try`, member, { note: '好'.repeat(101) });
    expect(long.statusCode).toBe(400);
    const rejected = await call('PUT', `/api/tips/${tip.id}/try`, member, { note: '想学的加我微信' });
    expect(rejected.json()).toMatchObject({ code: 'CONTENT_REJECTED', fields: { note: expect.any(String) } });
    expect((await call('GET', `/api/tips/${tip.id}`, member)).json().tryCount).toBe(0);
    const exactly100 = await call('PUT', `/api/tips/${tip.id}/try`, member, { note: '好'.repeat(100) });
    expect(exactly100.statusCode).toBe(200);
  });

  it('lists my saved tips in 我的, and refuses reactions on an unpublished tip or from an outsider', async () => {
    const { community, owner, member, outsider } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id);
    await call('PUT', `/api/tips/${tip.id}/save`, member);
    const saved = (await call('GET', `/api/communities/${community.id}/me/tips?kind=saved`, member)).json();
    expect(saved.items.map((i: TipCardView) => i.id)).toEqual([tip.id]);
    expect((await call('PUT', `/api/tips/${tip.id}/like`, outsider)).statusCode).toBe(403);
    const draft = await publishedTip(t.app, owner, community.id, { draft: true });
    const onDraft = await call('PUT', `/api/tips/${draft.id}/save`, owner);
    expect(onDraft.json().code).toBe('TIP_NOT_PUBLISHED');
  });

  it('pages 我的 收藏 most recently saved first, every tip once, and refuses a forged cursor', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const saved: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const tip = await publishedTip(t.app, owner, community.id, { title: `收藏第${i}条` });
      await call('PUT', `/api/tips/${tip.id}/save`, member);
      saved.unshift(tip.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: Page<TipCardView> = (
        await call('GET', `/api/communities/${community.id}/me/tips?kind=saved${query}`, member)
      ).json();
      seen.push(...page.items.map((tip) => tip.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(saved);
    expect(pages).toBe(3);

    const forged = await call(
      'GET',
      `/api/communities/${community.id}/me/tips?kind=saved&cursor=WzEsMl0`,
      member,
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('INVALID_CURSOR');
  });
});
