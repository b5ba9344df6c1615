import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberProfiles, memberships, memberTags, users } from '../../db/schema';
import { profileColumns } from './profile-repository';

/** The team first (owner, admins, secretary), then members by arrival: the member list's order. */
const roleRank = sql<number>`(case ${memberships.role} when 'owner' then 0 when 'admin' then 1 when 'secretary' then 2 else 3 end)`;

/** Joins are stored to the microsecond; cursors carry JavaScript dates (milliseconds), so pages compare and order by those. */
const joinedAtMs = sql<Date>`date_trunc('milliseconds', ${memberships.joinedAt})`;

/** Where a page of the member list ended. */
export interface DirectoryPosition {
  roleRank: number;
  joinedAt: Date;
  userId: string;
}

export interface DirectoryFilter {
  /** A part of a name or of a tag, as typed; matched without regard to case. */
  text?: string;
  after?: DirectoryPosition;
  limit?: number;
}

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const tagsOfMember = sql<string[]>`coalesce((
    select array_agg(t.tag order by t.created_at, t.tag) from ${memberTags} t
    where t.community_id = ${memberships.communityId} and t.user_id = ${memberships.userId}
  ), '{}'::text[])`;

/**
 * Members of a community with their tags and who invited them, in the member list's order. With a
 * text: those whose name in the community, or one of whose tags, contains it.
 */
export async function listDirectory(tx: Database, communityId: string, filter: DirectoryFilter = {}) {
  const inviter = sql<string | null>`(
    select coalesce(ip.nickname, iu.nickname) from ${users} iu
    left join ${memberProfiles} ip on ip.community_id = ${memberships.communityId} and ip.user_id = iu.id
    where iu.id = ${memberships.invitedBy})`;
  const conditions: (SQL | undefined)[] = [eq(memberships.communityId, communityId)];
  if (filter.text) {
    const pattern = containing(filter.text);
    conditions.push(sql`(${profileColumns.nickname} ilike ${pattern} or exists (
      select 1 from ${memberTags} t
      where t.community_id = ${memberships.communityId} and t.user_id = ${memberships.userId} and t.tag ilike ${pattern}))`);
  }
  if (filter.after) {
    const { roleRank: rank, joinedAt, userId } = filter.after;
    conditions.push(
      sql`(${roleRank}, ${joinedAtMs}, ${memberships.userId}) > (${rank}::int, ${joinedAt.toISOString()}::timestamptz, ${userId}::uuid)`,
    );
  }
  const query = tx
    .select({
      ...profileColumns,
      roleRank: roleRank.as('role_rank'),
      tags: tagsOfMember.as('tags'),
      invitedBy: inviter.as('invited_by_name'),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      memberProfiles,
      and(
        eq(memberProfiles.communityId, memberships.communityId),
        eq(memberProfiles.userId, memberships.userId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(roleRank), asc(joinedAtMs), asc(memberships.userId));
  return filter.limit === undefined ? query : query.limit(filter.limit);
}

export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>[number];
