import { eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/roles';
import { devOpenidPrefix } from '../modules/auth/user-repository';
import { insertMembership } from '../modules/membership/membership-repository';
import { seedDemoNotices } from '../modules/notifications/seed-demo-notices';
import { seedDemoProfiles } from '../modules/profiles/seed-demo-profiles';
import { seedDemoPromotions } from '../modules/promotions/seed-demo-promotions';
import { seedDemoSessions } from '../modules/sessions/seed-demo-sessions';
import { seedDemoTips } from '../modules/tips/seed-demo-tips';
import type { Database } from './database';
import { communities, users } from './schema';

/** From the essay: the name it proposes, the goal of small practical tricks, and its rules on ads. */
export const demoCommunity = {
  name: '一起走上10万+之路',
  goal: '每人每周学会一个能马上用上的自媒体小技巧',
  rules: [
    '1. 广告只在推广时段发，其他时间不发广告、不发二维码。',
    '2. 新人进群不 @所有人，欢迎统一放在每周的新人欢迎里。',
    '3. 多分享能马上用上的小技巧，少讲大道理。',
  ].join('\n'),
  capacity: 100,
  inviteCode: 'QY2K26',
} as const;

/** Every role is represented, so the H5 dev login can show each screen. Li Gen is the essay's author. */
export const demoMembers: ReadonlyArray<{ nickname: string; role: Role }> = [
  { nickname: '李根', role: 'owner' },
  { nickname: '王小雪', role: 'admin' },
  { nickname: '陈秘书', role: 'secretary' },
  { nickname: '张三丰', role: 'member' },
  { nickname: '刘晓', role: 'member' },
  { nickname: '赵敏', role: 'member' },
  { nickname: '周芷若', role: 'member' },
];

/** Idempotent: does nothing when the demo community exists. Returns whether it created it. */
export async function seedDemoCommunity(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.inviteCode, demoCommunity.inviteCode));
    if (existing) return false;
    const [community] = await tx.insert(communities).values(demoCommunity).returning();
    const start = Date.now() - demoMembers.length * 60_000;
    for (const [index, member] of demoMembers.entries()) {
      const openid = `${devOpenidPrefix}${member.nickname}`;
      await tx.insert(users).values({ openid, nickname: member.nickname }).onConflictDoNothing();
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.openid, openid));
      await insertMembership(tx, {
        communityId: community!.id,
        userId: user!.id,
        role: member.role,
        // Distinct join times keep "first joined" and member order stable.
        joinedAt: new Date(start + index * 60_000),
      });
    }
    await seedDemoProfiles(tx, community!.id);
    await seedDemoPromotions(tx, community!.id);
    await seedDemoTips(tx, community!.id);
    await seedDemoNotices(tx, community!.id);
    await seedDemoSessions(tx, community!.id);
    return true;
  });
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [anyCommunity] = await db.select({ id: communities.id }).from(communities).limit(1);
  return !anyCommunity;
}
