import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberProfiles, memberships, memberTags, users } from '../../db/schema';

/** What a profile shows; the nickname and avatar fall back to the member's WeChat ones. */
export const profileColumns = {
  userId: memberships.userId,
  nickname: sql<string>`coalesce(${memberProfiles.nickname}, ${users.nickname})`,
  avatarUploadId: memberProfiles.avatarUploadId,
  wechatAvatarUrl: users.avatarUrl,
  bio: sql<string>`coalesce(${memberProfiles.bio}, '')`,
  hiddenFromSimilar: sql<boolean>`coalesce(${memberProfiles.hiddenFromSimilar}, false)`,
  role: memberships.role,
  joinedAt: memberships.joinedAt,
};

export type ProfileRow = {
  userId: string;
  nickname: string;
  avatarUploadId: string | null;
  wechatAvatarUrl: string | null;
  bio: string;
  hiddenFromSimilar: boolean;
  role: (typeof memberships.$inferSelect)['role'];
  joinedAt: Date;
};

export function profilesOfCommunity(tx: Database, communityId: string) {
  return tx
    .select(profileColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      memberProfiles,
      and(
        eq(memberProfiles.communityId, memberships.communityId),
        eq(memberProfiles.userId, memberships.userId),
      ),
    )
    .where(eq(memberships.communityId, communityId))
    .$dynamic();
}

export async function findProfile(
  tx: Database,
  communityId: string,
  userId: string,
): Promise<ProfileRow | undefined> {
  const [row] = await profilesOfCommunity(tx, communityId).where(
    and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)),
  );
  return row;
}

/** The member's own row, locked: edits of one member's profile and tags run one after another. */
export async function lockMembership(tx: Database, communityId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)))
    .for('update');
  return rows.length > 0;
}

export async function saveProfile(
  tx: Database,
  communityId: string,
  userId: string,
  changes: Partial<
    Pick<typeof memberProfiles.$inferInsert, 'nickname' | 'avatarUploadId' | 'bio' | 'hiddenFromSimilar'>
  >,
  now: Date,
): Promise<void> {
  await tx
    .insert(memberProfiles)
    .values({ communityId, userId, ...changes, updatedAt: now })
    .onConflictDoUpdate({
      target: [memberProfiles.communityId, memberProfiles.userId],
      set: { ...changes, updatedAt: now },
    });
}

export async function listTagsOf(tx: Database, communityId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ tag: memberTags.tag })
    .from(memberTags)
    .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, userId)))
    .orderBy(asc(memberTags.createdAt), asc(memberTags.tag));
  return rows.map((row) => row.tag);
}

/** Replaces the member's tags; created_at steps by a millisecond so the member's order is kept. */
export async function replaceTags(
  tx: Database,
  communityId: string,
  userId: string,
  tags: readonly string[],
  now: Date,
): Promise<void> {
  await tx
    .delete(memberTags)
    .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, userId)));
  if (tags.length === 0) return;
  await tx.insert(memberTags).values(
    tags.map((tag, index) => ({
      communityId,
      userId,
      tag,
      createdAt: new Date(now.getTime() + index),
    })),
  );
}
