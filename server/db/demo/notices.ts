import { and, eq, inArray } from 'drizzle-orm';
import { pagePaths } from '../../../src/domain/page-paths';
import { enqueueNotices, type NewNotice } from '../../modules/notifications/notice-repository';
import type { Database } from '../database';
import { memberships, users } from '../schema';

type DemoNotice = Omit<NewNotice, 'userId' | 'communityId'> & { to: string; key: string };

/** What members of the essay's community would find in 消息: a reminder, a review outcome, a published tip. */
const demoNotices: DemoNotice[] = [
  {
    to: '赵敏',
    key: 'reminder',
    kind: 'session_reminder',
    title: '活动提醒：每周自媒体复盘会',
    body: '本周复盘会今晚 20:00 开始，带上你这周最好的一篇文章，大家一起找找 10 万+ 的差距。',
    link: pagePaths.sessions,
  },
  {
    to: '赵敏',
    key: 'promotion',
    kind: 'promotion_approved',
    title: '推广已通过：图文一键同步工具',
    body: '你申请的推广已通过，请在推广时段内把推广卡片发到群里，其他时间不发广告。',
    link: pagePaths.promotions,
  },
  {
    to: '张三丰',
    key: 'tip',
    kind: 'tip_published',
    title: '你分享的技巧已发布',
    body: '群主发布了你分享的技巧，快去看看有多少人试过了。',
    link: pagePaths.tips,
  },
];

/** Idempotent: each demo notice has a dedupe key, so seeding again enqueues nothing. The dispatcher delivers them. */
export async function seedDemoNotices(tx: Database, communityId: string): Promise<void> {
  const members = await tx
    .select({ id: users.id, nickname: users.nickname })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(inArray(users.nickname, [...new Set(demoNotices.map((notice) => notice.to))]));
  const idOf = new Map(members.map((member) => [member.nickname, member.id]));
  await enqueueNotices(
    tx,
    demoNotices.flatMap(({ to, key, ...notice }) => {
      const userId = idOf.get(to);
      return userId ? [{ ...notice, userId, communityId, dedupeKey: `demo:${communityId}:${key}` }] : [];
    }),
  );
}
