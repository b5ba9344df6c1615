import { count } from 'drizzle-orm';
import { memberProfiles, memberTags } from '../../../server/db/schema';
import type { Page } from '../../../src/domain/contract/common';
import type { MemberProfileView, SimilarMemberView } from '../../../src/domain/contract/profiles';
import type { UploadView } from '../../../src/domain/contract/uploads';
import { communityWithTeam, createCommunity, devLogin, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const meUrl = (communityId: string) => `/api/communities/${communityId}/members/me`;

async function patchMe(user: SignedInUser, communityId: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: meUrl(communityId), headers: user.headers, payload });
}

async function profileCounts() {
  return {
    profiles: (await t.db.select({ n: count() }).from(memberProfiles))[0]!.n,
    tags: (await t.db.select({ n: count() }).from(memberTags))[0]!.n,
  };
}

async function uploadPng(user: SignedInUser): Promise<UploadView> {
  const boundary = 'b0undary';
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(16),
  ]);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  return response.json<UploadView>();
}

describe('my profile', () => {
  it('starts from my WeChat nickname with no bio and no tags, with my role and join date', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const response = await t.app.inject({ method: 'GET', url: meUrl(community.id), headers: member.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json<MemberProfileView>()).toEqual({
      userId: member.user.id,
      nickname: member.user.nickname,
      avatarUrl: null,
      bio: '',
      tags: [],
      role: 'member',
      joinedAt: expect.any(String),
      hiddenFromSimilar: false,
      // No session with check-in yet.
      attendance: { counted: 0, attended: 0, noShows: 0, lateCancels: 0 },
    });
  });

  it('changes only the fields sent, and stores tags normalised and merged', async () => {
    const { community, member } = await communityWithTeam(t.app);
    await patchMe(member, community.id, { bio: '数码控', nickname: '三丰' });
    const response = await patchMe(member, community.id, {
      tags: ['#Pokemon Go#', '＃ｐｏｋｅｍｏｎ　ｇｏ', '  烘焙 ', 'PPT技巧'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<MemberProfileView>()).toMatchObject({
      nickname: '三丰',
      bio: '数码控',
      tags: ['pokemon go', '烘焙', 'ppt技巧'],
    });
    const cleared = await patchMe(member, community.id, { bio: '' });
    expect(cleared.json<MemberProfileView>()).toMatchObject({
      bio: '',
      nickname: '三丰',
      tags: ['pokemon go', '烘焙', 'ppt技巧'],
    });
  });

  it('accepts 8 tags and refuses 9 (after merging duplicates) with TOO_MANY_TAGS, keeping the old ones', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect((await patchMe(member, community.id, { tags: [...eight, 'A', '#h#'] })).statusCode).toBe(200);
    const before = await profileCounts();
    const response = await patchMe(member, community.id, { tags: [...eight, 'i'], bio: '不会保存' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'TOO_MANY_TAGS', fields: { tags: expect.any(String) } });
    expect(await profileCounts()).toEqual(before);
    const me = await t.app.inject({ method: 'GET', url: meUrl(community.id), headers: member.headers });
    expect(me.json<MemberProfileView>()).toMatchObject({ tags: eight, bio: '' });
  });

  it.each([
    [{ bio: 'x'.repeat(81) }, 'bio'],
    [{ nickname: '' }, 'nickname'],
    [{ tags: ['一二三四五六七八九十一二三'] }, 'tags.0'],
    [{ tags: ['##'] }, 'tags.0'],
    [{ hiddenFromSimilar: 'yes' }, 'hiddenFromSimilar'],
    [{ role: 'owner' }, 'role'],
    [{ avatarUploadId: 'not-a-uuid' }, 'avatarUploadId'],
  ])('refuses %j with 400 naming %s and changes nothing', async (payload, field) => {
    const { community, member } = await communityWithTeam(t.app);
    const before = await profileCounts();
    const response = await patchMe(member, community.id, payload);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().fields ?? {})).toContain(field);
    expect(await profileCounts()).toEqual(before);
  });

  it('counts the bio in characters: 80 CJK characters fit', async () => {
    const { community, member } = await communityWithTeam(t.app);
    expect((await patchMe(member, community.id, { bio: '好'.repeat(80) })).statusCode).toBe(200);
  });

  it('refuses rejected text in nickname, bio or tags with 422 and saves nothing', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const before = await profileCounts();
    const response = await patchMe(member, community.id, {
      nickname: '加我微信',
      bio: '正常的介绍',
      tags: ['赌博'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CONTENT_REJECTED',
      fields: { nickname: expect.any(String), tags: expect.any(String) },
    });
    expect(response.json().fields.bio).toBeUndefined();
    expect(await profileCounts()).toEqual(before);
  });

  it('refuses a nickname, bio or tag made only of invisible characters, and a nickname that turns text around', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const before = await profileCounts();
    const invisible = await patchMe(member, community.id, { nickname: '\u200B\u200B', bio: '\u2060\uFEFF' });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.json().fields).toEqual({
      nickname: '不能只有看不见的字符',
      bio: '不能只有看不见的字符',
    });
    const spoof = await patchMe(member, community.id, { nickname: '\u202E主群' });
    expect(spoof.json().fields).toEqual({ nickname: '不能包含改变文字方向的控制字符' });
    const tag = await patchMe(member, community.id, { tags: ['摄影', '\u200D\uFE0F'] });
    expect(tag.statusCode).toBe(400);
    expect(tag.json().fields).toEqual({ 'tags.1': '标签不能为空' });
    expect(await profileCounts()).toEqual(before);
  });

  it('takes my own uploaded avatar, and refuses somebody else’s upload', async () => {
    const { community, member, admin } = await communityWithTeam(t.app);
    const mine = await uploadPng(member);
    const response = await patchMe(member, community.id, { avatarUploadId: mine.id });
    expect(response.json<MemberProfileView>().avatarUrl).toBe(mine.url);

    const theirs = await uploadPng(admin);
    const refused = await patchMe(member, community.id, { avatarUploadId: theirs.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });

    const cleared = await patchMe(member, community.id, { avatarUploadId: null });
    expect(cleared.json<MemberProfileView>().avatarUrl).toBeNull();
  });

  it('keeps a profile per community', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const other = await createCommunity(t.app, member);
    await patchMe(member, community.id, { tags: ['烘焙'] });
    const elsewhere = await t.app.inject({ method: 'GET', url: meUrl(other.id), headers: member.headers });
    expect(elsewhere.json<MemberProfileView>()).toMatchObject({ tags: [], role: 'owner' });
  });

  it('is deleted with the membership when the member leaves', async () => {
    const { community, member } = await communityWithTeam(t.app);
    await patchMe(member, community.id, { tags: ['烘焙'], bio: '再见' });
    const left = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/leave`,
      headers: member.headers,
    });
    expect(left.statusCode).toBe(204);
    const response = await t.app.inject({ method: 'GET', url: meUrl(community.id), headers: member.headers });
    expect(response.statusCode).toBe(403);
  });
});

describe('visibility', () => {
  it('shows a member’s profile to every role of the same community, without their hidden flag', async () => {
    const team = await communityWithTeam(t.app);
    await patchMe(team.member, team.community.id, { bio: '你好', tags: ['烘焙'], hiddenFromSimilar: true });
    for (const viewer of [team.owner, team.admin, team.secretary, team.member]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/communities/${team.community.id}/members/${team.member.user.id}`,
        headers: viewer.headers,
      });
      expect(response.statusCode).toBe(200);
      const profile = response.json<MemberProfileView>();
      expect(profile).toMatchObject({ bio: '你好', tags: ['烘焙'], role: 'member' });
      if (viewer !== team.member) expect(profile.hiddenFromSimilar).toBeUndefined();
    }
  });

  it('refuses outsiders with 403 NOT_A_MEMBER, on every read', async () => {
    const { community, member, outsider } = await communityWithTeam(t.app);
    for (const url of [
      `/api/communities/${community.id}/members/${member.user.id}`,
      meUrl(community.id),
      `/api/communities/${community.id}/members/similar`,
      `/api/communities/${community.id}/tags`,
      `/api/communities/${community.id}/tags/members?tag=x`,
      `/api/communities/${community.id}/suggested-tags`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
      expect([url, response.statusCode, response.json().code]).toEqual([url, 403, 'NOT_A_MEMBER']);
    }
    const patch = await patchMe(outsider, community.id, { bio: '混进来' });
    expect(patch.statusCode).toBe(403);
  });

  it('answers 404 MEMBER_NOT_FOUND for someone outside the community', async () => {
    const { community, member, outsider } = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/members/${outsider.user.id}`,
      headers: member.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });

  it('needs a signed-in user', async () => {
    const { community } = await communityWithTeam(t.app);
    expect((await t.app.inject({ method: 'GET', url: meUrl(community.id) })).statusCode).toBe(401);
  });
});

describe('和我相似的人', () => {
  async function similar(user: SignedInUser, communityId: string, query = '') {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${communityId}/members/similar${query}`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page<SimilarMemberView>>();
  }

  it('ranks by shared tags, then most recent activity, leaves out hidden members and me, and pages', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const users: SignedInUser[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await devLogin(t.app);
      await t.app.inject({
        method: 'POST',
        url: '/api/communities/join',
        headers: user.headers,
        payload: { inviteCode: community.inviteCode },
      });
      users.push(user);
    }
    const [two, oneOld, oneNew, hidden, none] = users as [
      SignedInUser,
      SignedInUser,
      SignedInUser,
      SignedInUser,
      SignedInUser,
    ];
    await patchMe(owner, community.id, { tags: ['烘焙', 'pokemon go', '重度网民'] });
    await patchMe(two, community.id, { tags: ['烘焙', 'Pokemon Go', '潮男潮女'] });
    await patchMe(oneOld, community.id, { tags: ['重度网民'] });
    await patchMe(oneNew, community.id, { tags: ['烘焙', 'ppt技巧'] });
    await patchMe(hidden, community.id, {
      tags: ['烘焙', 'pokemon go', '重度网民'],
      hiddenFromSimilar: true,
    });
    await patchMe(none, community.id, { tags: ['ppt技巧'] });

    const all = await similar(owner, community.id);
    expect(all.items.map((item) => [item.nickname, item.sharedTags])).toEqual([
      [two.user.nickname, ['pokemon go', '烘焙']],
      [oneNew.user.nickname, ['烘焙']],
      [oneOld.user.nickname, ['重度网民']],
    ]);
    expect(all.nextCursor).toBeNull();

    const first = await similar(owner, community.id, '?limit=2');
    expect(first.items.map((item) => item.userId)).toEqual([two.user.id, oneNew.user.id]);
    const second = await similar(owner, community.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.userId)).toEqual([oneOld.user.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('is empty when I have no tags, and refuses a forged cursor', async () => {
    const { community, member } = await communityWithTeam(t.app);
    expect((await similar(member, community.id)).items).toEqual([]);
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/members/similar?cursor=bm9wZQ`,
      headers: member.headers,
    });
    expect(forged.statusCode).toBe(400);
  });
});
