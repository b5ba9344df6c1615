import type { App } from '../../server/app';
import type { AuthResult } from '../../src/domain/contract/auth';
import type { CommunityInput, CommunityView } from '../../src/domain/contract/communities';

export interface SignedInUser extends AuthResult {
  headers: { authorization: string };
}

let nameCounter = 0;

/** Nicknames unique within a test file, so tests sharing a database never meet each other's users. */
export function uniqueName(prefix: string): string {
  nameCounter += 1;
  return `${prefix}${nameCounter}`;
}

export async function devLogin(app: App, name = uniqueName('用户')): Promise<SignedInUser> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { name } });
  if (response.statusCode !== 200)
    throw new Error(`dev login failed: ${response.statusCode} ${response.body}`);
  const result = response.json<AuthResult>();
  return { ...result, headers: { authorization: `Bearer ${result.token}` } };
}

export function communityInput(overrides: Partial<CommunityInput> = {}): CommunityInput {
  return {
    name: uniqueName('自媒体成长营'),
    goal: '每人每周学会一个小技巧',
    rules: '不发广告\n多分享实用技巧',
    ...overrides,
  };
}

export async function createCommunity(
  app: App,
  owner: SignedInUser,
  overrides: Partial<CommunityInput> = {},
): Promise<CommunityView> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/communities',
    headers: owner.headers,
    payload: communityInput(overrides),
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json<CommunityView>();
}

export async function joinCommunity(app: App, user: SignedInUser, inviteCode: string) {
  return app.inject({
    method: 'POST',
    url: '/api/communities/join',
    headers: user.headers,
    payload: { inviteCode },
  });
}

/** A community with an owner and members in the given roles, for permission tests. */
export async function communityWithTeam(app: App) {
  const owner = await devLogin(app, uniqueName('群主'));
  const admin = await devLogin(app, uniqueName('管理员'));
  const secretary = await devLogin(app, uniqueName('秘书'));
  const member = await devLogin(app, uniqueName('成员'));
  const outsider = await devLogin(app, uniqueName('路人'));
  const community = await createCommunity(app, owner);
  for (const user of [admin, secretary, member]) await joinCommunity(app, user, community.inviteCode!);
  for (const [user, role] of [
    [admin, 'admin'],
    [secretary, 'secretary'],
  ] as const) {
    await app.inject({
      method: 'PUT',
      url: `/api/communities/${community.id}/members/${user.user.id}/role`,
      headers: owner.headers,
      payload: { role },
    });
  }
  return { community, owner, admin, secretary, member, outsider };
}
