import { eq, sql } from 'drizzle-orm';
import { normaliseTagList } from '../../../src/domain/tags';
import type { TipStatus } from '../../../src/domain/tips';
import { insertTip } from '../../modules/tips/tip-repository';
import type { Database } from '../database';
import { memberships, tips, tipTries, users } from '../schema';

interface DemoTip {
  author: string;
  /** Who published a member's suggestion; absent for the team's own tips. */
  publishedBy?: string;
  status: TipStatus;
  hoursAgo: number;
  title: string;
  body: string;
  steps: string[];
  tags: string[];
  minutes: number;
  tries?: Array<{ by: string; note: string | null }>;
}

/** Small tricks from the essay and its world: things a member can try today, not grand theory. */
const demoTips: DemoTip[] = [
  {
    author: '王小雪',
    status: 'published',
    hoursAgo: 2,
    title: '猕猴桃不用削皮，一把勺子就能取出果肉',
    body: '做蛋糕装饰时，猕猴桃切块总会带着皮。切掉尾巴，用勺子沿着果肉边缘转一圈，整颗果肉就完整地出来了。',
    steps: ['切掉猕猴桃的两头', '把勺子贴着皮插进果肉边缘', '沿着边缘转一圈，把果肉推出来'],
    tags: ['#烘焙#'],
    minutes: 2,
    tries: [
      { by: '刘晓', note: '一下就挖出来了，比削皮快多了！' },
      { by: '周芷若', note: null },
    ],
  },
  {
    author: '陈秘书',
    status: 'published',
    hoursAgo: 26,
    title: 'PPT 各级标题，一眼看出层级',
    body: '新手做 PPT 最常见的问题是标题大小随意。先把一级、二级、三级标题的字号和粗细定下来，整份 PPT 立刻清爽。',
    steps: ['一级标题 32 号加粗', '二级标题 24 号加粗', '三级标题 20 号常规', '在母版里设置好，后面直接套用'],
    tags: ['#PPT技巧#'],
    minutes: 10,
    tries: [{ by: '周芷若', note: '用母版改一次，全部页面都统一了' }],
  },
  {
    author: '李根',
    status: 'published',
    hoursAgo: 50,
    title: '自媒体标题：把数字放在最前面',
    body: '同样的内容，「3 个方法让 PPT 更清爽」比「让 PPT 更清爽的方法」更容易被点开。数字让读者知道要花多少时间。',
    steps: ['找出文章里的要点数量', '把数字放在标题开头', '控制在 20 个字以内'],
    tags: ['#自媒体运营#', '#重度网民#'],
    minutes: 5,
    tries: [{ by: '张三丰', note: '改了一篇旧文的标题，阅读量翻倍了' }],
  },
  {
    author: '李根',
    status: 'published',
    hoursAgo: 74,
    title: '一篇文章，同步发到多个平台',
    body: '写好一篇文章后，别只发一个平台。先发公众号，再把同一篇改成适合其他平台的格式，一次写作多处收获。',
    steps: [
      '先在公众号发布原文',
      '复制正文到其他平台的编辑器',
      '按平台习惯改标题和封面',
      '统一在文末留下公众号名',
    ],
    tags: ['#自媒体运营#', '#重度网民#'],
    minutes: 15,
  },
  {
    author: '周芷若',
    publishedBy: '王小雪',
    status: 'published',
    hoursAgo: 98,
    title: 'PPT 一键统一全部字体',
    body: '拿到别人的 PPT 字体五花八门？用「替换字体」一步把整份文件的字体统一，不用一页页改。',
    steps: ['开始菜单找到「替换」旁的小箭头', '选择「替换字体」', '选好原字体和新字体，点替换'],
    tags: ['#PPT技巧#'],
    minutes: 3,
  },
  {
    author: '刘晓',
    status: 'suggested',
    hoursAgo: 5,
    title: '草莓切成爱心，蛋糕立刻好看',
    body: '草莓去蒂后竖着切成两半，在顶部切一个小 V 字，就是一颗爱心，摆在蛋糕上特别好看。',
    steps: ['草莓去蒂', '竖着对半切开', '在顶部中间切一个小 V 字'],
    tags: ['#烘焙#'],
    minutes: 3,
  },
];

function tagsOf(raw: string[]): string[] {
  const result = normaliseTagList(raw);
  if (!result.ok) throw new Error(`demo tip tag does not pass the tag rule: ${raw.join(', ')}`);
  return result.tags;
}

/** The demo community's tips. Idempotent: a community that already has tips is left alone. */
export async function seedDemoTips(tx: Database, communityId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(eq(tips.communityId, communityId))
    .limit(1);
  if (existing) return;
  const members = await tx
    .select({ id: users.id, nickname: users.nickname })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.communityId, communityId));
  const idOf = new Map(members.map((member) => [member.nickname, member.id]));
  const now = Date.now();
  for (const demo of demoTips) {
    const authorId = idOf.get(demo.author);
    if (!authorId) continue;
    const at = new Date(now - demo.hoursAgo * 3_600_000);
    const published = demo.status === 'published';
    const tip = await insertTip(tx, {
      communityId,
      authorId,
      publishedBy: published ? (idOf.get(demo.publishedBy ?? demo.author) ?? authorId) : null,
      title: demo.title,
      body: demo.body,
      steps: demo.steps,
      tags: tagsOf(demo.tags),
      minutes: demo.minutes,
      status: demo.status,
      publishedAt: published ? at : null,
      createdAt: at,
      updatedAt: at,
    });
    const tries = (demo.tries ?? []).filter((demoTry) => idOf.has(demoTry.by));
    for (const [index, { by, note }] of tries.entries()) {
      const triedAt = new Date(at.getTime() + (index + 1) * 600_000);
      await tx
        .insert(tipTries)
        .values({ tipId: tip.id, userId: idOf.get(by)!, note, createdAt: triedAt, updatedAt: triedAt });
    }
    if (tries.length > 0) {
      await tx
        .update(tips)
        .set({ tryCount: sql`${tips.tryCount} + ${tries.length}` })
        .where(eq(tips.id, tip.id));
    }
  }
}
