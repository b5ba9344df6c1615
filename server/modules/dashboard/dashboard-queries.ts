import { type SQL, sql } from 'drizzle-orm';
import {
  dashboardWeeks,
  mostTriedTipsShown,
  recentSessionsShown,
  tagGrowthWeeks,
  topTagsShown,
} from '../../../src/domain/community-health';
import type {
  DashboardContentWeek,
  DashboardPromotionWeek,
  DashboardSizeWeek,
} from '../../../src/domain/contract/dashboard';
import { appTimeZoneSql } from '../../db/app-time-zone';
import type { Database } from '../../db/database';

/**
 * One set-based query per chart. Weeks are ISO weeks (Monday) in China time: `weeks` lists the
 * dashboard's weeks as local timestamps (generate_series, so a week without rows still shows 0),
 * `since` is the first week's start as a timestamptz, so every filter on `at` can use an index range.
 */

function rowsOf<T>(result: unknown): T[] {
  // PGlite and node-postgres both answer `{ rows }`.
  return (result as { rows: T[] }).rows;
}

function weekCtes(now: Date): SQL {
  const thisWeek = sql`date_trunc('week', ${now.toISOString()}::timestamptz at time zone ${appTimeZoneSql})`;
  // An integer series, so the planner knows it is 8 rows (a timestamp series is guessed at 1,000).
  return sql`weeks as (
      select ${thisWeek} - g * interval '1 week' as week from generate_series(0, ${dashboardWeeks - 1}::int) g
    ),
    bounds as (select min(week) at time zone ${appTimeZoneSql} as since from weeks)`;
}

const weekOf = (column: SQL) => sql`date_trunc('week', ${column} at time zone ${appTimeZoneSql})`;
const weekStart = sql`to_char(w.week, 'YYYY-MM-DD')`;

export interface SizeRow {
  memberCount: number;
  capacity: number;
  weeks: DashboardSizeWeek[];
}

/** Member count and joins/departures (left or removed) per week, from membership_events (index (community_id, at)). */
export async function sizeChart(db: Database, communityId: string, now: Date): Promise<SizeRow> {
  const result = await db.execute(sql`
    with ${weekCtes(now)},
    counted as (
      select ${weekOf(sql`e."at"`)} as week,
        count(*) filter (where e.kind = 'joined')::int as joined,
        count(*) filter (where e.kind in ('left', 'removed'))::int as left_count
      from membership_events e
      where e.community_id = ${communityId} and e."at" >= (select since from bounds)
      group by 1
    )
    select
      (select count(*)::int from memberships where community_id = ${communityId}) as "memberCount",
      (select capacity from communities where id = ${communityId}) as capacity,
      json_agg(json_build_object(
        'weekStart', ${weekStart}, 'joined', coalesce(c.joined, 0), 'left', coalesce(c.left_count, 0)
      ) order by w.week) as weeks
    from weeks w left join counted c on c.week = w.week
  `);
  return rowsOf<SizeRow>(result)[0]!;
}

export interface TeamRow {
  admins: number;
  secretaries: number;
}

export async function teamChart(db: Database, communityId: string): Promise<TeamRow> {
  const result = await db.execute(sql`
    select count(*) filter (where role = 'admin')::int as admins,
      count(*) filter (where role = 'secretary')::int as secretaries
    from memberships where community_id = ${communityId}
  `);
  return rowsOf<TeamRow>(result)[0]!;
}

export interface ContentRow {
  weeks: DashboardContentWeek[];
  mostTried: { id: string; title: string; tryCount: number }[];
}

/**
 * Tips published, saved and tried per week, and the most tried published tips. The three kinds are
 * stacked (union all) and counted in one aggregate, rather than joined, so estimates stay small.
 */
export async function contentChart(db: Database, communityId: string, now: Date): Promise<ContentRow> {
  const result = await db.execute(sql`
    with ${weekCtes(now)},
    events as (
      select ${weekOf(sql`published_at`)} as week, 'published' as kind
      from tips
      where community_id = ${communityId} and status = 'published' and published_at >= (select since from bounds)
      union all
      select ${weekOf(sql`s.created_at`)}, 'saved'
      from tip_saves s join tips t on t.id = s.tip_id
      where t.community_id = ${communityId} and s.created_at >= (select since from bounds)
      union all
      select ${weekOf(sql`r.created_at`)}, 'tried'
      from tip_tries r join tips t on t.id = r.tip_id
      where t.community_id = ${communityId} and r.created_at >= (select since from bounds)
    ),
    counted as (
      select week,
        count(*) filter (where kind = 'published')::int as published,
        count(*) filter (where kind = 'saved')::int as saved,
        count(*) filter (where kind = 'tried')::int as tried
      from events group by week
    ),
    most_tried as (
      select id, title, try_count, published_at from tips
      where community_id = ${communityId} and status = 'published' and try_count > 0
      order by try_count desc, published_at desc, id desc
      limit ${mostTriedTipsShown}
    )
    select
      (select json_agg(json_build_object(
          'weekStart', ${weekStart}, 'published', coalesce(c.published, 0),
          'saved', coalesce(c.saved, 0), 'tried', coalesce(c.tried, 0)
        ) order by w.week)
        from weeks w left join counted c on c.week = w.week) as weeks,
      coalesce((select json_agg(json_build_object('id', id, 'title', title, 'tryCount', try_count)
          order by try_count desc, published_at desc, id desc) from most_tried), '[]'::json) as "mostTried"
  `);
  return rowsOf<ContentRow>(result)[0]!;
}

export interface SessionRow {
  id: string;
  title: string;
  startsAt: Date | string;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  attended: number | null;
  /** Parties that waited (any status now), and those of them that got a seat. */
  waited: number;
  waitSeated: number;
}

/**
 * The latest sessions (not cancelled) from the dashboard's first week to a week ahead: seats taken
 * (confirmed and offered parties, guests included), the waitlist, and members checked in once started.
 */
export async function sessionsChart(db: Database, communityId: string, now: Date): Promise<SessionRow[]> {
  const result = await db.execute(sql`
    with ${weekCtes(now)},
    recent as (
      select id, title, starts_at, capacity from sessions
      where community_id = ${communityId} and status = 'scheduled'
        and starts_at >= (select since from bounds)
        and starts_at < ${now.toISOString()}::timestamptz + interval '7 days'
      order by starts_at desc, id desc
      limit ${recentSessionsShown}
    )
    select r.id, r.title, r.starts_at as "startsAt", r.capacity,
      coalesce(sum(1 + su.guests) filter (where su.status in ('confirmed', 'offered')), 0)::int as "seatsTaken",
      count(su.id) filter (where su.status = 'waitlisted')::int as waitlisted,
      case when r.starts_at <= ${now.toISOString()}::timestamptz
        then count(su.id) filter (where su.checked_in_at is not null)::int end as attended,
      count(su.id) filter (where su.waitlisted_at is not null)::int as waited,
      count(su.id) filter (where su.waitlisted_at is not null and (su.status in ('confirmed', 'offered')
        or (su.status = 'cancelled' and su.cancelled_while_confirmed)))::int as "waitSeated"
    from recent r left join session_signups su on su.session_id = r.id
    group by r.id, r.title, r.starts_at, r.capacity
    order by r.starts_at, r.id
  `);
  return rowsOf<SessionRow>(result);
}

/** Requests, decisions and the places of ended slots nobody was approved for, per week. */
export async function promotionsChart(
  db: Database,
  communityId: string,
  now: Date,
): Promise<DashboardPromotionWeek[]> {
  const result = await db.execute(sql`
    with ${weekCtes(now)},
    events as (
      select ${weekOf(sql`created_at`)} as week, 'requested' as kind, 1 as n
      from promotion_requests
      where community_id = ${communityId} and created_at >= (select since from bounds)
      union all
      select ${weekOf(sql`d.decided_at`)}, d.decision::text, 1
      from promotion_decisions d join promotion_requests r on r.id = d.request_id
      where r.community_id = ${communityId} and d.decided_at >= (select since from bounds)
      union all
      select ${weekOf(sql`starts_at`)}, 'empty', places - approved_count
      from promotion_slots
      where community_id = ${communityId} and starts_at >= (select since from bounds)
        and ends_at <= ${now.toISOString()}::timestamptz and closed_at is null
    ),
    counted as (
      select week,
        coalesce(sum(n) filter (where kind = 'requested'), 0)::int as requested,
        coalesce(sum(n) filter (where kind = 'approved'), 0)::int as approved,
        coalesce(sum(n) filter (where kind = 'rejected'), 0)::int as rejected,
        coalesce(sum(n) filter (where kind = 'empty'), 0)::int as empty_places
      from events group by week
    )
    select ${weekStart} as "weekStart", coalesce(c.requested, 0) as requested, coalesce(c.approved, 0) as approved,
      coalesce(c.rejected, 0) as rejected, coalesce(c.empty_places, 0) as "emptyPlaces"
    from weeks w left join counted c on c.week = w.week
    order by w.week
  `);
  return rowsOf<DashboardPromotionWeek>(result);
}

export interface TagRow {
  tag: string;
  holders: number;
  addedRecently: number;
}

/**
 * The most held tags. Removed tags leave no trace (rows are deleted), so the change shown is the
 * holders who added the tag in the last weeks, not a net change.
 */
export async function tagsChart(db: Database, communityId: string, now: Date): Promise<TagRow[]> {
  const result = await db.execute(sql`
    select tag, count(*)::int as holders,
      count(*) filter (where created_at >= ${now.toISOString()}::timestamptz - ${tagGrowthWeeks}::int * interval '1 week')::int as "addedRecently"
    from member_tags where community_id = ${communityId}
    group by tag
    order by holders desc, tag
    limit ${topTagsShown}
  `);
  return rowsOf<TagRow>(result);
}
