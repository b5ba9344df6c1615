import { and, eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { memberProfiles, memberships, memberTags, sessions } from '../../../server/db/schema';
import type { Page } from '../../../src/domain/contract/common';
import type { ExportRecordView } from '../../../src/domain/contract/exports';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { apiCall } from '../../support/route-fixtures';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the team’s spreadsheets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function download(url: string, user: SignedInUser) {
    // As a browser asks: the xlsx (a zip already) comes as it is, never compressed again.
    const response = await t.app.inject({ url, headers: { ...user.headers, 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(xlsx);
    expect(response.headers['content-encoding']).toBeUndefined();
    const [sheet] = await readXlsxFile(response.rawPayload);
    return { response, sheet: sheet! };
  }

  it('exports a session’s sign-ups and attendance, Chinese intact, and records it', async () => {
    const { community, owner, admin, secretary, member } = await communityWithTeam(t.app);
    await t.db
      .insert(memberProfiles)
      .values({ communityId: community.id, userId: member.user.id, nickname: '烘焙达人·小雪' });
    const session = await apiCall<{ id: string }>(
      t.app,
      owner,
      'POST',
      `/api/communities/${community.id}/sessions`,
      {
        title: '周六烘焙课：红薯蛋糕',
        startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
        durationMinutes: 60,
        mode: 'offline',
        address: '社区活动室',
        capacity: 2,
      },
    );
    await apiCall(t.app, member, 'POST', `/api/sessions/${session.id}/signups`, { guests: 1 });
    await apiCall(t.app, admin, 'POST', `/api/sessions/${session.id}/signups`, {});
    // The session has begun: the member came, the admin waits on the list.
    await t.db
      .update(sessions)
      .set({ startsAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.id, session.id));

    const { response, sheet } = await download(`/api/sessions/${session.id}/export`, secretary);

    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('周六烘焙课：红薯蛋糕-活动报名与签到.xlsx')}`,
    );
    expect(sheet.sheet).toBe('周六烘焙课：红薯蛋糕');
    expect(sheet.data[0]).toEqual(['序号', '昵称', '报名状态', '同行人数', '签到', '签到时间', '报名时间']);
    expect(sheet.data.slice(1).map((row) => row.slice(0, 5))).toEqual([
      [1, '烘焙达人·小雪', '已报名', 1, '缺席'],
      [2, admin.user.nickname, '候补第 1 位', 0, null],
    ]);

    const history = await t.app.inject({
      url: `/api/communities/${community.id}/exports`,
      headers: owner.headers,
    });
    expect(history.json<Page<ExportRecordView>>().items).toMatchObject([
      {
        kind: 'session_signups',
        subject: '周六烘焙课：红薯蛋糕',
        rowCount: 2,
        exportedBy: { id: secretary.user.id, nickname: secretary.user.nickname },
      },
    ]);
  });

  it('exports the member list with roles, tags and inviters', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    await t.db
      .insert(memberTags)
      .values(['写作', '烘焙'].map((tag) => ({ communityId: community.id, userId: member.user.id, tag })));
    await t.db
      .update(memberships)
      .set({ invitedBy: owner.user.id })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.userId, member.user.id)));

    const { sheet } = await download(`/api/communities/${community.id}/members/export`, owner);

    expect(sheet.data[0]).toEqual(['序号', '昵称', '角色', '标签', '入群时间', '邀请人']);
    expect(sheet.data.slice(1).map((row) => row.slice(1, 4))).toEqual([
      [owner.user.nickname, '群主', null],
      [expect.any(String), '管理员', null],
      [expect.any(String), '秘书', null],
      [member.user.nickname, '成员', '写作、烘焙'],
    ]);
    expect(sheet.data[4]![5]).toBe(owner.user.nickname);
    expect(String(sheet.data[1]![4])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('is the team’s: a member can neither export nor read the log, and a refusal records nothing', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const before = await rowCounts(t.db);
    for (const url of [
      `/api/communities/${community.id}/members/export`,
      `/api/communities/${community.id}/exports`,
    ]) {
      const response = await t.app.inject({ url, headers: member.headers });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('pages the export log newest first', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    for (let i = 0; i < 23; i += 1) await download(`/api/communities/${community.id}/members/export`, owner);
    const first = (
      await t.app.inject({ url: `/api/communities/${community.id}/exports`, headers: owner.headers })
    ).json<Page<ExportRecordView>>();
    expect(first.items).toHaveLength(20);
    const second = (
      await t.app.inject({
        url: `/api/communities/${community.id}/exports`,
        query: { cursor: first.nextCursor! },
        headers: owner.headers,
      })
    ).json<Page<ExportRecordView>>();
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(23);
  });
});
