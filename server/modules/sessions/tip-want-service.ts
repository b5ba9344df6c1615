import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { TipWantView, WantedTopicView } from '../../../src/domain/contract/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { tips, tipWants } from '../../db/schema';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';

/** Only published tips can be wanted; drafts and other communities' tips stay invisible (404 / 403). */
async function publishedTip(tx: Database, tipId: string, userId: string) {
  const [tip] = await tx
    .select({ id: tips.id, communityId: tips.communityId, status: tips.status })
    .from(tips)
    .where(eq(tips.id, tipId));
  if (!tip) throw new AppError('NOT_FOUND', 404);
  await requireMembership(tx, tip.communityId, userId, 'member');
  if (tip.status !== 'published') throw new AppError('NOT_FOUND', 404);
  return tip;
}

async function viewOf(tx: Database, tipId: string, userId: string): Promise<TipWantView> {
  const [row] = await tx
    .select({
      wantCount: count(),
      wanted: sql<boolean>`coalesce(bool_or(${tipWants.userId} = ${userId}), false)`,
    })
    .from(tipWants)
    .where(eq(tipWants.tipId, tipId));
  return { tipId, wanted: row?.wanted ?? false, wantCount: row?.wantCount ?? 0 };
}

export async function getTipWant(db: Database, user: UserRow, tipId: string): Promise<TipWantView> {
  await publishedTip(db, tipId, user.id);
  return viewOf(db, tipId, user.id);
}

/** Idempotent both ways: wanting twice counts once, un-wanting what was not wanted changes nothing. */
export async function setTipWant(
  db: Database,
  user: UserRow,
  tipId: string,
  wanted: boolean,
): Promise<TipWantView> {
  return db.transaction(async (tx) => {
    const tip = await publishedTip(tx, tipId, user.id);
    if (wanted) {
      await tx
        .insert(tipWants)
        .values({ tipId, userId: user.id, communityId: tip.communityId })
        .onConflictDoNothing();
    } else {
      await tx.delete(tipWants).where(and(eq(tipWants.tipId, tipId), eq(tipWants.userId, user.id)));
    }
    return viewOf(tx, tipId, user.id);
  });
}

/** For the team when scheduling: the published tips members most want a session on. */
export async function listWantedTopics(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<WantedTopicView[]> {
  await requireMembership(db, communityId, user.id, 'secretary');
  const wantCount = count(tipWants.userId);
  const rows = await db
    .select({ tipId: tips.id, title: tips.title, tags: tips.tags, wantCount })
    .from(tipWants)
    .innerJoin(tips, eq(tips.id, tipWants.tipId))
    .where(and(eq(tipWants.communityId, communityId), eq(tips.status, 'published')))
    .groupBy(tips.id)
    .orderBy(desc(wantCount), desc(sql`max(${tipWants.createdAt})`))
    .limit(10);
  return rows;
}
