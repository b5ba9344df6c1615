import { sql } from 'drizzle-orm';
import { welcomeNewcomersMax } from '../../../src/domain/welcome-digest';
import { appTimeZoneSql } from '../../db/app-time-zone';
import type { Database } from '../../db/database';

export interface DigestRow {
  since: Date | string;
  communityName: string;
  newcomers: {
    userId: string;
    nickname: string;
    invitedBy: string | null;
    joinedAt: string;
    tags: { tag: string; others: number }[];
  }[];
}

/**
 * Members who joined since the start of today in China time and are still here,
 * each with their tags and how many other members hold each: one query, the (community_id, tag)
 * index of member_tags counting the others.
 */
export async function findNewcomers(db: Database, communityId: string, now: Date): Promise<DigestRow> {
  const result = await db.execute(sql`
    with since as (
      select date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${appTimeZoneSql})
        at time zone ${appTimeZoneSql} as at
    ),
    newcomers as (
      select m.user_id, m.joined_at, coalesce(p.nickname, u.nickname) as nickname,
        coalesce(ip.nickname, i.nickname) as invited_by
      from memberships m
      join users u on u.id = m.user_id
      left join member_profiles p on p.community_id = m.community_id and p.user_id = m.user_id
      left join users i on i.id = m.invited_by
      left join member_profiles ip on ip.community_id = m.community_id and ip.user_id = m.invited_by
      where m.community_id = ${communityId} and m.joined_at >= (select at from since)
      order by m.joined_at, m.user_id
      limit ${welcomeNewcomersMax}
    )
    select (select at from since) as since,
      (select name from communities where id = ${communityId}) as "communityName",
      coalesce(json_agg(json_build_object(
        'userId', n.user_id,
        'nickname', n.nickname,
        'invitedBy', n.invited_by,
        'joinedAt', n.joined_at,
        'tags', coalesce((
          select json_agg(json_build_object('tag', t.tag, 'others', (
              select count(*)::int from member_tags o
              where o.community_id = ${communityId} and o.tag = t.tag and o.user_id <> n.user_id
            )) order by t.tag)
          from member_tags t where t.community_id = ${communityId} and t.user_id = n.user_id
        ), '[]'::json)
      ) order by n.joined_at, n.user_id) filter (where n.user_id is not null), '[]'::json) as newcomers
    from (select 1) as one left join newcomers n on true
  `);
  return (result as unknown as { rows: DigestRow[] }).rows[0]!;
}
