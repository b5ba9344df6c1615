import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { tipSearchDocument } from '../../../src/domain/search-text';
import type { TipStatus } from '../../../src/domain/tips';
import type { Database } from '../../db/database';
import { tips, tipTags, users } from '../../db/schema';

export type TipRow = typeof tips.$inferSelect;
export type NewTipRow = typeof tips.$inferInsert;

/** The columns a card needs, with the author's nickname. */
export const tipCardColumns = {
  id: tips.id,
  communityId: tips.communityId,
  authorId: tips.authorId,
  publishedBy: tips.publishedBy,
  title: tips.title,
  body: tips.body,
  minutes: tips.minutes,
  imageUploadId: tips.imageUploadId,
  tags: tips.tags,
  status: tips.status,
  publishAt: tips.publishAt,
  publishedAt: tips.publishedAt,
  likeCount: tips.likeCount,
  saveCount: tips.saveCount,
  tryCount: tips.tryCount,
  version: tips.version,
  hiddenAt: tips.hiddenAt,
  authorNickname: users.nickname,
};

/** Cards with their author: a query to add `where`, `orderBy` and `limit` to. */
export function selectTipCards(tx: Database) {
  return tx.select(tipCardColumns).from(tips).innerJoin(users, eq(users.id, tips.authorId));
}

export type TipCardRow = Awaited<ReturnType<ReturnType<typeof selectTipCards>['execute']>>[number];

/** The search words of a tip's title, body and steps, as the tsvector column stores them. */
function searchVectorOf(tip: {
  title: string;
  body: string;
  steps?: string[] | null;
  tags?: string[] | null;
}) {
  return sql`${tipSearchDocument({ ...tip, steps: tip.steps ?? [], tags: tip.tags ?? [] })}::tsvector`;
}

export async function insertTip(tx: Database, tip: NewTipRow): Promise<TipRow> {
  const [row] = await tx
    .insert(tips)
    .values({ ...tip, searchVector: searchVectorOf(tip) })
    .returning();
  await replaceTipTags(tx, row!);
  return row!;
}

export async function findTip(tx: Database, tipId: string): Promise<TipRow | undefined> {
  const [row] = await tx.select().from(tips).where(eq(tips.id, tipId));
  return row;
}

/** Every change of a tip, its counters included, locks its row first. */
export async function lockTip(tx: Database, tipId: string): Promise<TipRow | undefined> {
  const [row] = await tx.select().from(tips).where(eq(tips.id, tipId)).for('update');
  return row;
}

/** A change of title, body, steps or tags rewrites the search words from the row as it now is. */
export async function updateTip(tx: Database, tipId: string, changes: Partial<NewTipRow>): Promise<TipRow> {
  const [row] = await tx
    .update(tips)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(tips.id, tipId))
    .returning();
  const { title, body, steps, tags } = changes;
  if (title !== undefined || body !== undefined || steps !== undefined || tags !== undefined)
    await tx
      .update(tips)
      .set({ searchVector: searchVectorOf(row!) })
      .where(eq(tips.id, tipId));
  await replaceTipTags(tx, row!);
  return row!;
}

/**
 * Tips without search words (from before search existed), claimed so that two instances never
 * write the same ones, and given their words. Returns how many it filled.
 */
export async function fillMissingSearchVectors(tx: Database, limit: number): Promise<number> {
  const missing = await tx
    .select({ id: tips.id, title: tips.title, body: tips.body, steps: tips.steps, tags: tips.tags })
    .from(tips)
    .where(isNull(tips.searchVector))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (missing.length === 0) return 0;
  const documents = missing.map((tip) => sql`(${tip.id}::uuid, ${tipSearchDocument(tip)})`);
  await tx.execute(sql`
    update tips set search_vector = filled.document::tsvector
    from (values ${sql.join(documents, sql`, `)}) as filled(id, document)
    where tips.id = filled.id`);
  return missing.length;
}

/** tip_tags mirrors the tip's tags, and its published_at only while the tip is published (the tag feed's index). */
async function replaceTipTags(tx: Database, tip: TipRow): Promise<void> {
  await tx.delete(tipTags).where(eq(tipTags.tipId, tip.id));
  if (tip.tags.length === 0) return;
  const publishedAt = tip.status === 'published' ? tip.publishedAt : null;
  await tx
    .insert(tipTags)
    .values(tip.tags.map((tag) => ({ tipId: tip.id, communityId: tip.communityId, tag, publishedAt })));
}

export async function findTipCard(tx: Database, tipId: string): Promise<TipCardRow | undefined> {
  const [row] = await selectTipCards(tx).where(eq(tips.id, tipId));
  return row;
}

/** The team's lists (drafts, scheduled, suggestions...): short by nature, newest first. */
export async function listTipsByStatus(
  tx: Database,
  communityId: string,
  statuses: TipStatus[],
  limit: number,
): Promise<TipCardRow[]> {
  return selectTipCards(tx)
    .where(and(eq(tips.communityId, communityId), inArray(tips.status, statuses)))
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(limit);
}

export async function listTipsOfAuthor(
  tx: Database,
  communityId: string,
  authorId: string,
  statuses: TipStatus[],
  limit: number,
): Promise<TipCardRow[]> {
  return selectTipCards(tx)
    .where(
      and(eq(tips.communityId, communityId), eq(tips.authorId, authorId), inArray(tips.status, statuses)),
    )
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(limit);
}

/** Claims due scheduled tips; rows another instance holds are skipped, not waited for. */
export async function claimDueScheduledTips(tx: Database, now: Date, limit: number): Promise<TipRow[]> {
  return tx
    .select()
    .from(tips)
    .where(and(eq(tips.status, 'scheduled'), sql`${tips.publishAt} <= ${now.toISOString()}::timestamptz`))
    .orderBy(tips.publishAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}
