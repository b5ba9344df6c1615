import type { InjectOptions } from 'fastify';
import { communityInput, createCommunity, devLogin, type SignedInUser } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let owner: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  owner = await devLogin(t.app);
});
afterAll(() => t.close());

/** Sends the request and checks it was refused with 400 VALIDATION_FAILED and changed nothing. */
async function expectRefused(request: InjectOptions, fields: Record<string, string>) {
  const before = await rowCounts(t.db);
  const response = await t.app.inject(request);
  expect(response.statusCode).toBe(400);
  expect(response.json()).toEqual({
    code: 'VALIDATION_FAILED',
    message: '输入内容有误，请检查后再试',
    fields,
  });
  expect(await rowCounts(t.db)).toEqual(before);
}

const create = (payload: unknown): InjectOptions => ({
  method: 'POST' as const,
  url: '/api/communities',
  headers: owner.headers,
  payload: payload as object,
});

describe('community input', () => {
  it('refuses extra fields instead of dropping them', async () => {
    await expectRefused(create({ ...communityInput(), inviteCode: 'QY2026' }), {
      inviteCode: '不允许的字段',
    });
  });

  it('refuses wrong types without coercing them', async () => {
    await expectRefused(create({ ...communityInput(), capacity: '50' }), { capacity: '类型应为 integer' });
    await expectRefused(create({ ...communityInput(), name: 42 }), { name: '类型应为 string' });
  });

  it('reports every missing field', async () => {
    await expectRefused(create({ name: '只有名字' }), { goal: '必填', rules: '必填' });
  });

  it('counts CJK and emoji as one character each', async () => {
    const twentyCjk = '一起走上十万加之路一起走上十万加之路啊啊';
    expect(Array.from(twentyCjk)).toHaveLength(20);
    expect((await createCommunity(t.app, owner, { name: twentyCjk })).name).toBe(twentyCjk);
    expect((await createCommunity(t.app, owner, { name: '🎉'.repeat(20) })).name).toBe('🎉'.repeat(20));
    await expectRefused(create(communityInput({ name: `${twentyCjk}啊` })), { name: '最多 20 个字' });
  });

  it('trims before counting and refuses what is only spaces', async () => {
    const padded = `   ${'字'.repeat(20)}   `;
    expect((await createCommunity(t.app, owner, { name: padded })).name).toBe('字'.repeat(20));
    await expectRefused(create(communityInput({ goal: '    ' })), { goal: '不能为空' });
  });

  it('refuses control characters, but keeps line breaks in the rules', async () => {
    await expectRefused(create(communityInput({ name: '名字\u0007响铃' })), { name: '包含不允许的控制字符' });
    await expectRefused(create(communityInput({ name: '两\n行' })), { name: '不能换行' });
    const rules = '第一条\n第二条';
    expect((await createCommunity(t.app, owner, { rules })).rules).toBe(rules);
  });

  it('refuses names and goals made only of invisible characters, and direction controls on one line', async () => {
    await expectRefused(create(communityInput({ name: '\u200B\u200C\u200D' })), {
      name: '不能只有看不见的字符',
    });
    await expectRefused(create(communityInput({ goal: '\uFEFF\u2060\u3164' })), {
      goal: '不能只有看不见的字符',
    });
    await expectRefused(create(communityInput({ name: '官方\u202E群管理' })), {
      name: '不能包含改变文字方向的控制字符',
    });
    await expectRefused(create(communityInput({ goal: '\u2066每周进步\u2069' })), {
      goal: '不能包含改变文字方向的控制字符',
    });
    // In the rules (many lines) the controls cannot leak out of their paragraph: kept as written.
    const rules = '第一条：引用 \u202Bمرحبا\u202C 的写法';
    expect((await createCommunity(t.app, owner, { rules })).rules).toBe(rules);
    // A joiner inside an emoji is part of the emoji.
    expect((await createCommunity(t.app, owner, { name: '👨‍👩‍👧亲子群' })).name).toBe('👨‍👩‍👧亲子群');
  });

  it('refuses a capacity outside 2..500', async () => {
    await expectRefused(create(communityInput({ capacity: 1 })), { capacity: '不能小于 2' });
    await expectRefused(create(communityInput({ capacity: 501 })), { capacity: '不能大于 500' });
  });

  it('refuses an empty PATCH and extra PATCH fields', async () => {
    const community = await createCommunity(t.app, owner);
    const patch = (payload: object) => ({
      method: 'PATCH' as const,
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
      payload,
    });
    await expectRefused(patch({}), { '(body)': '至少填写一项' });
    await expectRefused(patch({ memberCount: 1 }), { memberCount: '不允许的字段' });
  });
});

describe('path parameters', () => {
  it.each([
    ['GET', '/api/communities/not-a-uuid', { communityId: '格式不正确 (uuid)' }],
    ['POST', '/api/communities/123/leave', { communityId: '格式不正确 (uuid)' }],
    [
      'PUT',
      '/api/communities/00000000-0000-4000-8000-000000000000/members/bad/role',
      { userId: '格式不正确 (uuid)' },
    ],
  ] as const)('%s %s answers 400, not 500', async (method, url, fields) => {
    await expectRefused(
      { method, url, headers: owner.headers, ...(method === 'PUT' ? { payload: { role: 'admin' } } : {}) },
      fields,
    );
  });
});
