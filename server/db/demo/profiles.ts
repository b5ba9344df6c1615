import { and, eq } from 'drizzle-orm';
import { normaliseTagList } from '../../../src/domain/tags';
import type { Database } from '../database';
import { memberProfiles, memberships, memberTags, suggestedTags, users } from '../schema';

/** The traits the essay gives the members of Li Gen's group, plus the crafts its groups teach. */
const demoProfiles: Record<string, { bio: string; tags: string[] }> = {
  李根: {
    bio: '写自媒体的，喜欢用群找到同类人。',
    tags: ['#重度网民#', '#快速接受新事物#', '#Pokemon Go#', '#自媒体运营#'],
  },
  王小雪: { bio: '周末在家烤蛋糕，工作日做 PPT。', tags: ['#潮男潮女#', '#烘焙#', '#PPT技巧#'] },
  陈秘书: { bio: '负责群里的活动和新人欢迎。', tags: ['#PPT技巧#', '#重度网民#', '#自媒体运营#'] },
  张三丰: { bio: '数码控，新出的手机都要摸一摸。', tags: ['#热爱电子产品#', '#Pokemon Go#', '#重度网民#'] },
  刘晓: { bio: '穿搭博主，也爱做甜点。', tags: ['#烘焙#', '#潮男潮女#', '#快速接受新事物#'] },
  赵敏: {
    bio: '抓精灵走遍了半个城市。',
    tags: ['#热爱电子产品#', '#重度网民#', '#Pokemon Go#', '#快速接受新事物#'],
  },
  周芷若: { bio: '从运营新手做到了主管，靠的是一份好 PPT。', tags: ['#PPT技巧#', '#烘焙#'] },
};

const demoSuggestions = [
  '#潮男潮女#',
  '#重度网民#',
  '#热爱电子产品#',
  '#快速接受新事物#',
  '#Pokemon Go#',
  '#PPT技巧#',
  '#烘焙#',
  '#自媒体运营#',
];

function normalised(raw: string[]): string[] {
  const result = normaliseTagList(raw, raw.length);
  if (!result.ok) throw new Error(`demo tag does not pass the tag rule: ${raw.join(', ')}`);
  return result.tags;
}

/**
 * Profiles and tags of the demo members, so 和我相似的人 shows people on first start. Idempotent:
 * a member who already has a profile (seeded earlier, or edited) is left alone.
 */
export async function seedDemoProfiles(tx: Database, communityId: string): Promise<void> {
  const now = Date.now();
  for (const tag of normalised(demoSuggestions)) {
    await tx.insert(suggestedTags).values({ communityId, tag }).onConflictDoNothing();
  }
  const members = await tx
    .select({ userId: memberships.userId, nickname: users.nickname })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.communityId, communityId));
  for (const [index, member] of members.entries()) {
    const profile = demoProfiles[member.nickname];
    if (!profile) continue;
    // Staggered times give 和我相似的人 a stable "most recent activity" order.
    const updatedAt = new Date(now - (index + 1) * 3_600_000);
    const inserted = await tx
      .insert(memberProfiles)
      .values({ communityId, userId: member.userId, bio: profile.bio, updatedAt })
      .onConflictDoNothing()
      .returning({ userId: memberProfiles.userId });
    if (inserted.length === 0) continue;
    await tx
      .delete(memberTags)
      .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, member.userId)));
    await tx.insert(memberTags).values(
      normalised(profile.tags).map((tag, position) => ({
        communityId,
        userId: member.userId,
        tag,
        createdAt: new Date(updatedAt.getTime() + position),
      })),
    );
  }
}
