import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { tipLikes, tipSaves, tips, tipTries, users } from '../../db/schema';
import { type Viewer, visibleNotes, visibleTips } from '../moderation/visibility';
import { tipCardColumns } from './tip-repository';

type MarkTable = typeof tipLikes | typeof tipSaves;
type Counter = 'likeCount' | 'saveCount' | 'tryCount';
const counterOf = { like: 'likeCount', save: 'saveCount' } as const satisfies Record<string, Counter>;
const tableOf = { like: tipLikes, save: tipSaves } as const;
export type Mark = keyof typeof tableOf;

async function bumpCounter(tx: Database, tipId: string, counter: Counter, delta: number) {
  await tx
    .update(tips)
    .set({ [counter]: sql`${tips[counter]} + ${delta}` })
    .where(eq(tips.id, tipId));
}

/** Adds a like or save; the counter moves only when a row was really added (the caller holds the tip lock). */
export async function addMark(tx: Database, mark: Mark, tipId: string, userId: string): Promise<void> {
  const table: MarkTable = tableOf[mark];
  const added = await tx
    .insert(table)
    .values({ tipId, userId })
    .onConflictDoNothing()
    .returning({ tipId: table.tipId });
  if (added.length > 0) await bumpCounter(tx, tipId, counterOf[mark], 1);
}

export async function removeMark(tx: Database, mark: Mark, tipId: string, userId: string): Promise<void> {
  const table: MarkTable = tableOf[mark];
  const removed = await tx
    .delete(table)
    .where(and(eq(table.tipId, tipId), eq(table.userId, userId)))
    .returning({ tipId: table.tipId });
  if (removed.length > 0) await bumpCounter(tx, tipId, counterOf[mark], -1);
}

export async function hasMark(tx: Database, mark: Mark, tipId: string, userId: string): Promise<boolean> {
  const table: MarkTable = tableOf[mark];
  const [row] = await tx
    .select({ tipId: table.tipId })
    .from(table)
    .where(and(eq(table.tipId, tipId), eq(table.userId, userId)));
  return !!row;
}

export async function findTry(tx: Database, tipId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(tipTries)
    .where(and(eq(tipTries.tipId, tipId), eq(tipTries.userId, userId)));
  return row;
}

/** One try per member per tip: a second PUT edits the note. */
export async function upsertTry(tx: Database, tipId: string, userId: string, note: string | null, now: Date) {
  const existing = await findTry(tx, tipId, userId);
  if (existing) {
    await tx
      .update(tipTries)
      .set({ note, updatedAt: now })
      .where(and(eq(tipTries.tipId, tipId), eq(tipTries.userId, userId)));
    return;
  }
  await tx.insert(tipTries).values({ tipId, userId, note, createdAt: now, updatedAt: now });
  await bumpCounter(tx, tipId, 'tryCount', 1);
}

export async function deleteTry(tx: Database, tipId: string, userId: string): Promise<void> {
  const removed = await tx
    .delete(tipTries)
    .where(and(eq(tipTries.tipId, tipId), eq(tipTries.userId, userId)))
    .returning({ tipId: tipTries.tipId });
  if (removed.length > 0) await bumpCounter(tx, tipId, 'tryCount', -1);
}

export async function listTries(tx: Database, tipId: string, viewer: Viewer, limit: number) {
  return tx
    .select({
      userId: users.id,
      nickname: users.nickname,
      note: tipTries.note,
      noteHiddenAt: tipTries.noteHiddenAt,
      updatedAt: tipTries.updatedAt,
    })
    .from(tipTries)
    .innerJoin(users, eq(users.id, tipTries.userId))
    .where(and(eq(tipTries.tipId, tipId), visibleNotes(viewer)))
    .orderBy(desc(tipTries.updatedAt), desc(tipTries.userId))
    .limit(limit);
}

export interface MarkedPosition {
  markedAt: Date;
  tipId: string;
}

/** 我的 收藏 / 试过的技巧 in one community, most recently marked first; only tips still published. */
export async function listMarkedTips(
  tx: Database,
  kind: 'saved' | 'tried',
  communityId: string,
  viewer: Viewer,
  page: { after?: MarkedPosition; limit: number },
) {
  const userId = viewer.userId;
  const table = kind === 'saved' ? tipSaves : tipTries;
  // Milliseconds, as the cursor carries them: a microsecond left over would skip rows of that millisecond.
  const markedAt =
    sql<Date>`date_trunc('milliseconds', ${kind === 'saved' ? tipSaves.createdAt : tipTries.updatedAt})`.mapWith(
      (value: string | Date) => new Date(value),
    );
  const after = page.after
    ? sql`(${markedAt}, ${tips.id}) < (${page.after.markedAt.toISOString()}::timestamptz, ${page.after.tipId}::uuid)`
    : undefined;
  return tx
    .select({ ...tipCardColumns, markedAt })
    .from(tips)
    .innerJoin(users, eq(users.id, tips.authorId))
    .innerJoin(table, and(eq(table.tipId, tips.id), eq(table.userId, userId)))
    .where(and(eq(tips.communityId, communityId), eq(tips.status, 'published'), visibleTips(viewer), after))
    .orderBy(desc(markedAt), desc(tips.id))
    .limit(page.limit);
}
