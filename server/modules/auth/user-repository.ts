import { asc, eq, like, sql } from 'drizzle-orm';
import type { UserView } from '../../../src/domain/contract/common';
import type { Database } from '../../db/database';
import { communities, memberships, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export const devOpenidPrefix = 'dev:';

export function toUserView(user: UserRow): UserView {
  return { id: user.id, nickname: user.nickname, avatarUrl: user.avatarUrl };
}

export async function findUserById(tx: Database, userId: string): Promise<UserRow | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return user;
}

/** A returning user keeps their nickname; the session key and unionid are refreshed. */
export async function upsertWechatUser(
  tx: Database,
  wechat: { openid: string; unionid: string | null; sessionKey: string },
): Promise<UserRow> {
  const [user] = await tx
    .insert(users)
    .values({
      openid: wechat.openid,
      unionid: wechat.unionid,
      sessionKey: wechat.sessionKey,
      nickname: '微信用户',
    })
    .onConflictDoUpdate({
      target: users.openid,
      set: { sessionKey: wechat.sessionKey, unionid: sql`coalesce(excluded.unionid, ${users.unionid})` },
    })
    .returning();
  return user!;
}

export async function findOrCreateDevUser(tx: Database, nickname: string): Promise<UserRow> {
  const openid = `${devOpenidPrefix}${nickname}`;
  const [created] = await tx.insert(users).values({ openid, nickname }).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await tx.select().from(users).where(eq(users.openid, openid));
  return existing!;
}

export interface DevUserRow {
  nickname: string;
  role: (typeof memberships.$inferSelect)['role'] | null;
  communityName: string | null;
}

/** Each dev user with the community they joined first (if any), for the H5 login screen. */
export async function listDevUsers(tx: Database): Promise<DevUserRow[]> {
  const firstMembership = tx
    .selectDistinctOn([memberships.userId], {
      userId: memberships.userId,
      role: memberships.role,
      communityName: communities.name,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .orderBy(memberships.userId, asc(memberships.joinedAt))
    .as('first_membership');
  return tx
    .select({
      nickname: users.nickname,
      role: firstMembership.role,
      communityName: firstMembership.communityName,
    })
    .from(users)
    .leftJoin(firstMembership, eq(firstMembership.userId, users.id))
    .where(like(users.openid, `${devOpenidPrefix}%`))
    .orderBy(sql`${firstMembership.joinedAt} asc nulls last`, asc(users.createdAt), asc(users.nickname));
}
