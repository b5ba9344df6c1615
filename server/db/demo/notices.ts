import { and, eq, inArray } from 'drizzle-orm';
import { pagePaths, sessionPath, tipPath } from '../../../src/domain/page-paths';
import { enqueueNotices, type NewNotice } from '../../modules/notifications/notice-repository';
import type { Database } from '../database';
import { memberships, sessions, tips, users } from '../schema';

/** `link` names a demo session or tip by its title; the seed links the notice to it. */
type DemoNotice = Omit<NewNotice, 'userId' | 'communityId' | 'link'> & {
  to: string;
  key: string;
  link: string | { session: string } | { tip: string };
};

/** What members of the essay's community would find in 消息: a reminder, a review outcome, a published tip. */
const demoNotices: DemoNotice[] = [
  {
    to: '赵敏',
    key: 'reminder',
    kind: 'session_reminder',
    title: '活动提醒：线下见面会：一起做水果蛋糕',
    body: '你报名了见面会（带 2 位朋友），别忘了带上围裙，水果和奶油群主准备。',
    link: { session: '线下见面会：一起做水果蛋糕' },
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
    to: '周芷若',
    key: 'tip',
    kind: 'tip_published',
    title: '你分享的技巧已发布：PPT 一键统一全部字体',
    body: '群主发布了你分享的技巧，快去看看有多少人试过了。',
    link: { tip: 'PPT 一键统一全部字体' },
  },
];

/** The page a demo notice opens: a list, or the demo session or tip it names. */
async function linkOf(tx: Database, communityId: string, link: DemoNotice['link']): Promise<string> {
  if (typeof link === 'string') return link;
  if ('session' in link) {
    const [session] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.communityId, communityId), eq(sessions.title, link.session)));
    return session ? sessionPath(session.id) : pagePaths.sessions;
  }
  const [tip] = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(and(eq(tips.communityId, communityId), eq(tips.title, link.tip)));
  return tip ? tipPath(tip.id) : pagePaths.tips;
}

/** Idempotent: each demo notice has a dedupe key, so seeding again enqueues nothing. The dispatcher
 * delivers them. Runs after the demo sessions and tips, which the notices open. */
export async function seedDemoNotices(tx: Database, communityId: string): Promise<void> {
  const members = await tx
    .select({ id: users.id, nickname: users.nickname })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(inArray(users.nickname, [...new Set(demoNotices.map((notice) => notice.to))]));
  const idOf = new Map(members.map((member) => [member.nickname, member.id]));
  const toSend: NewNotice[] = [];
  for (const { to, key, link, ...notice } of demoNotices) {
    const userId = idOf.get(to);
    if (!userId) continue;
    const page = await linkOf(tx, communityId, link);
    toSend.push({ ...notice, link: page, userId, communityId, dedupeKey: `demo:${communityId}:${key}` });
  }
  await enqueueNotices(tx, toSend);
}
