import { and, eq } from 'drizzle-orm';
import { memberships } from '../../../server/db/schema';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const owners = (communityId: string) =>
  t.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'owner')));

const changeRole = (communityId: string, userId: string, role: string, headers: Record<string, string>) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/communities/${communityId}/members/${userId}/role`,
    headers,
    payload: { role },
  });

describe('PUT /api/communities/:id/members/:userId/role', () => {
  it('lets the owner change a role', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const response = await changeRole(community.id, member.user.id, 'secretary', owner.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: member.user.id, role: 'secretary' });
  });

  it('refuses an admin with 403 and changes nothing', async () => {
    const { community, admin, member } = await communityWithTeam(t.app);
    const response = await changeRole(community.id, member.user.id, 'admin', admin.headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OWNER_ROLE_REQUIRED');
    const [row] = await t.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.communityId, community.id), eq(memberships.userId, member.user.id)));
    expect(row!.role).toBe('member');
  });

  it('refuses the owner changing their own role', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const response = await changeRole(community.id, owner.user.id, 'member', owner.headers);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CANNOT_CHANGE_OWN_ROLE');
    expect(await owners(community.id)).toEqual([{ userId: owner.user.id }]);
  });

  it('refuses "owner" as a role: ownership moves only by transfer', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const response = await changeRole(community.id, member.user.id, 'owner', owner.headers);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 MEMBER_NOT_FOUND for someone outside the community', async () => {
    const { community, owner, outsider } = await communityWithTeam(t.app);
    const response = await changeRole(community.id, outsider.user.id, 'admin', owner.headers);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('MEMBER_NOT_FOUND');
  });
});

describe('POST /api/communities/:id/transfer-ownership', () => {
  it('hands ownership over; the old owner becomes admin; exactly one owner remains', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/transfer-ownership`,
      headers: owner.headers,
      payload: { userId: member.user.id },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: community.id, myRole: 'admin' });
    expect(await owners(community.id)).toEqual([{ userId: member.user.id }]);

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/transfer-ownership`,
      headers: owner.headers,
      payload: { userId: member.user.id },
    });
    expect(again.statusCode).toBe(403);
  });

  it('refuses a target outside the community and keeps the owner', async () => {
    const { community, owner, outsider } = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/transfer-ownership`,
      headers: owner.headers,
      payload: { userId: outsider.user.id },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('MEMBER_NOT_FOUND');
    expect(await owners(community.id)).toEqual([{ userId: owner.user.id }]);
  });

  it('refuses an admin', async () => {
    const { community, owner, admin, member } = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/transfer-ownership`,
      headers: admin.headers,
      payload: { userId: member.user.id },
    });
    expect(response.statusCode).toBe(403);
    expect(await owners(community.id)).toEqual([{ userId: owner.user.id }]);
  });
});

describe('the database', () => {
  it('refuses a second owner even if the code had a bug', async () => {
    const { community, member } = await communityWithTeam(t.app);
    await expect(
      t.db
        .update(memberships)
        .set({ role: 'owner' })
        .where(and(eq(memberships.communityId, community.id), eq(memberships.userId, member.user.id))),
    ).rejects.toThrow();
  });
});
