import { and, eq, inArray } from 'drizzle-orm';
import { promotionDefaults, slotTimesFromSchedule } from '../../../src/domain/promotions';
import { devOpenidPrefix } from '../../modules/auth/user-repository';
import { replacePromotionRules } from '../../modules/promotions/rules-repository';
import { materialiseSlots } from '../../modules/promotions/slot-repository';
import type { Database } from '../database';
import { promotionDecisions, promotionRequests, promotionSlots, users } from '../schema';

// The demo members who appear in a request; their join dates (seed.ts) make them eligible.
const requestingMembers = ['张三丰', '刘晓'];

/**
 * The essay's answer to ads: a weekly slot (Friday 20:00-20:30, three places), one approved
 * member article on self-media growth and one pending baking class, so the 推广 tab is alive.
 */
export async function seedDemoPromotions(tx: Database, communityId: string): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.openid, `${devOpenidPrefix}李根`));
  const userIds = await tx
    .select({ id: users.id, nickname: users.nickname })
    .from(users)
    .where(
      inArray(
        users.openid,
        requestingMembers.map((name) => `${devOpenidPrefix}${name}`),
      ),
    );

  const schedule = promotionDefaults.schedule.map((entry) => ({ ...entry }));
  await replacePromotionRules(tx, communityId, owner!.id, {
    minTenureDays: promotionDefaults.minTenureDays,
    schedule,
  });
  const times = slotTimesFromSchedule(schedule, new Date());
  await materialiseSlots(tx, communityId, times);
  const [slot] = await tx
    .select()
    .from(promotionSlots)
    .where(and(eq(promotionSlots.communityId, communityId), eq(promotionSlots.startsAt, times[0]!.startsAt)));

  const idOf = (nickname: string) => userIds.find((user) => user.nickname === nickname)!.id;
  const now = new Date();
  const [approved] = await tx
    .insert(promotionRequests)
    .values({
      communityId,
      slotId: slot!.id,
      userId: idOf('张三丰'),
      title: '从0到1万粉的复盘',
      content:
        '我把做公众号一年的涨粉复盘写成了文章：选题怎么定、标题怎么改、每周固定更新的节奏。不卖课，欢迎来挑毛病。',
      link: 'https://mp.weixin.qq.com/s/demo-self-media-growth',
      category: '文章',
      status: 'approved',
      contentVerdict: '通过内容安全检查和群规检查',
      decidedBy: owner!.id,
      decidedAt: now,
    })
    .returning();
  await tx
    .insert(promotionDecisions)
    .values({ requestId: approved!.id, decision: 'approved', decidedBy: owner!.id, decidedAt: now });
  await tx.update(promotionSlots).set({ approvedCount: 1 }).where(eq(promotionSlots.id, slot!.id));
  await tx.insert(promotionRequests).values({
    communityId,
    slotId: slot!.id,
    userId: idOf('刘晓'),
    title: '周末烘焙小班',
    content: '周六下午在家开一个 6 人烘焙小班，从戚风蛋糕做起，材料我来准备，群友八折。',
    category: '课程',
    contentVerdict: '通过内容安全检查和群规检查',
  });
}
