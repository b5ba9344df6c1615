import { and, asc, count, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberProfiles, memberships, memberTags, suggestedTags } from '../../db/schema';
import { type ProfileRow, profilesOfCommunity } from './profile-repository';

function rowsOf<T>(result: unknown): T[] {
  // PGlite and node-postgres both answer `{ rows }`.
  return (result as { rows: T[] }).rows;
}

const hiddenSuggestion = (communityId: string) =>
  notExists(
    sql`(select 1 from suggested_tags hidden_tag where hidden_tag.community_id = ${communityId}
      and hidden_tag.tag = member_tags.tag and hidden_tag.hidden)`,
  );

/** Every tag members hold, with how many hold it, most held first; tags the team hid are left out. */
export async function tagCloud(tx: Database, communityId: string) {
  return tx
    .select({ tag: memberTags.tag, count: count() })
    .from(memberTags)
    .where(and(eq(memberTags.communityId, communityId), hiddenSuggestion(communityId)))
    .groupBy(memberTags.tag)
    .orderBy(desc(count()), asc(memberTags.tag));
}

const activeAt = sql<Date>`coalesce(${memberProfiles.updatedAt}, ${memberships.joinedAt})`;

/** Holders of a tag, most recently active first (a community has at most a few hundred members). */
export async function membersWithTag(tx: Database, communityId: string, tag: string): Promise<ProfileRow[]> {
  return profilesOfCommunity(tx, communityId)
    .where(
      and(
        eq(memberships.communityId, communityId),
        inArray(
          memberships.userId,
          tx
            .select({ userId: memberTags.userId })
            .from(memberTags)
            .where(and(eq(memberTags.communityId, communityId), eq(memberTags.tag, tag))),
        ),
      ),
    )
    .orderBy(desc(activeAt), asc(memberships.userId));
}

export interface SimilarKey {
  sharedCount: number;
  /** The activity time as PostgreSQL prints it: full microsecond precision, so paging never skips a row. */
  activeAt: string;
  userId: string;
}

export interface SimilarRow extends SimilarKey {
  sharedTags: string[];
}

/**
 * Members sharing tags with me, by shared count then most recent activity (last profile change,
 * else the join). One set-based query over member_tags (its (community_id, tag) index finds the
 * holders of each of my tags); members hidden from 和我相似的人 are left out.
 */
export async function similarMembers(
  tx: Database,
  communityId: string,
  userId: string,
  after: SimilarKey | null,
  limit: number,
): Promise<SimilarRow[]> {
  const afterCondition = after
    ? sql`and (s.shared_count, coalesce(p.updated_at, m.joined_at), s.user_id) <
          (${after.sharedCount}, ${after.activeAt}::timestamptz, ${after.userId}::uuid)`
    : sql``;
  const result = await tx.execute(sql`
    with mine as (
      select tag from ${memberTags} where community_id = ${communityId} and user_id = ${userId}
    ),
    shared as (
      select t.user_id, count(*)::int as shared_count, json_agg(t.tag order by t.tag) as shared_tags
      from ${memberTags} t join mine on mine.tag = t.tag
      where t.community_id = ${communityId} and t.user_id <> ${userId}
      group by t.user_id
    )
    select s.user_id as "userId", s.shared_count as "sharedCount", s.shared_tags as "sharedTags",
      coalesce(p.updated_at, m.joined_at)::text as "activeAt"
    from shared s
    join ${memberships} m on m.community_id = ${communityId} and m.user_id = s.user_id
    left join ${memberProfiles} p on p.community_id = ${communityId} and p.user_id = s.user_id
    where coalesce(p.hidden_from_similar, false) = false ${afterCondition}
    order by s.shared_count desc, coalesce(p.updated_at, m.joined_at) desc, s.user_id desc
    limit ${limit}
  `);
  return rowsOf<SimilarRow>(result);
}

export async function profilesByIds(
  tx: Database,
  communityId: string,
  userIds: string[],
): Promise<ProfileRow[]> {
  if (userIds.length === 0) return [];
  return profilesOfCommunity(tx, communityId).where(
    and(eq(memberships.communityId, communityId), inArray(memberships.userId, userIds)),
  );
}

export type SuggestedTagRow = typeof suggestedTags.$inferSelect;

// Written out: drizzle leaves columns of a single-table select unqualified, which would bind to member_tags here.
const holders = sql<number>`(select count(*)::int from member_tags held
  where held.community_id = suggested_tags.community_id and held.tag = suggested_tags.tag)`;

export async function listSuggestedTags(tx: Database, communityId: string, includeHidden: boolean) {
  return tx
    .select({ id: suggestedTags.id, tag: suggestedTags.tag, hidden: suggestedTags.hidden, count: holders })
    .from(suggestedTags)
    .where(
      includeHidden
        ? eq(suggestedTags.communityId, communityId)
        : and(eq(suggestedTags.communityId, communityId), eq(suggestedTags.hidden, false)),
    )
    .orderBy(asc(suggestedTags.hidden), desc(holders), asc(suggestedTags.createdAt), asc(suggestedTags.tag));
}

export async function findSuggestedTag(tx: Database, communityId: string, id: string) {
  const [row] = await tx
    .select()
    .from(suggestedTags)
    .where(and(eq(suggestedTags.communityId, communityId), eq(suggestedTags.id, id)));
  return row;
}

export async function findSuggestedTagByName(tx: Database, communityId: string, tag: string) {
  const [row] = await tx
    .select()
    .from(suggestedTags)
    .where(and(eq(suggestedTags.communityId, communityId), eq(suggestedTags.tag, tag)));
  return row;
}

export async function insertSuggestedTag(tx: Database, communityId: string, tag: string) {
  const [row] = await tx.insert(suggestedTags).values({ communityId, tag }).onConflictDoNothing().returning();
  return row;
}

export async function updateSuggestedTag(
  tx: Database,
  id: string,
  changes: Partial<Pick<SuggestedTagRow, 'tag' | 'hidden'>>,
) {
  await tx.update(suggestedTags).set(changes).where(eq(suggestedTags.id, id));
}

export async function deleteSuggestedTag(tx: Database, id: string) {
  await tx.delete(suggestedTags).where(eq(suggestedTags.id, id));
}

/**
 * Locks the memberships of everyone holding `tag`, so a member's own tag edit and a merge that
 * moves their tags run one after another.
 */
export async function lockHoldersOf(tx: Database, communityId: string, tag: string): Promise<void> {
  await tx.execute(sql`
    select 1 from ${memberships}
    where community_id = ${communityId}
      and user_id in (select user_id from ${memberTags} where community_id = ${communityId} and tag = ${tag})
    for update
  `);
}

/** Every holder of `from` then holds `into`, once: two statements whatever the number of members. */
export async function moveTagHolders(
  tx: Database,
  communityId: string,
  from: string,
  into: string,
): Promise<void> {
  await tx.execute(sql`
    insert into ${memberTags} (community_id, user_id, tag, created_at)
    select community_id, user_id, ${into}, created_at from ${memberTags}
    where community_id = ${communityId} and tag = ${from}
    on conflict do nothing
  `);
  await tx.delete(memberTags).where(and(eq(memberTags.communityId, communityId), eq(memberTags.tag, from)));
}
