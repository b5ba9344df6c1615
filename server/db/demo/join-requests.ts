import { and, eq } from 'drizzle-orm';
import { devOpenidPrefix } from '../../modules/auth/user-repository';
import { insertJoinRequest } from '../../modules/joining/join-request-repository';
import type { Database } from '../database';
import { memberships, users } from '../schema';

/** A newcomer waiting in the queue, so the owner's 首页 shows a join request to decide in the demo. */
export const demoNewcomer = {
  nickname: '小白',
  inviter: '张三丰',
  note: '做公众号半年，想学怎么写标题',
} as const;

export async function seedDemoJoinRequests(tx: Database, communityId: string): Promise<void> {
  const [newcomer] = await tx
    .insert(users)
    .values({ openid: `${devOpenidPrefix}${demoNewcomer.nickname}`, nickname: demoNewcomer.nickname })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!newcomer) return;
  const [inviter] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(eq(users.nickname, demoNewcomer.inviter));
  await insertJoinRequest(tx, {
    communityId,
    userId: newcomer.id,
    inviterId: inviter?.id ?? null,
    via: 'share_card',
    note: demoNewcomer.note,
  });
}
