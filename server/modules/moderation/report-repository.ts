import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReportStatus, ReportTargetKind } from '../../../src/domain/moderation';
import type { Database } from '../../db/database';
import { contentReports, memberships, promotionRequests, tips, tipTries, users } from '../../db/schema';

export type ReportRow = typeof contentReports.$inferSelect;

/** Reported content: its kind, its id (a note's is its tip's) and its author. */
export interface ReportTarget {
  kind: ReportTargetKind;
  targetId: string;
  authorId: string;
}

/** What the queue and the checks need of reported content, read whatever its state. */
export interface TargetFacts {
  communityId: string;
  authorId: string;
  excerpt: string;
  hiddenAt: Date | null;
  /** Whether members can see it at all: a published tip (and its notes), an approved promotion. */
  public: boolean;
}

export async function findTarget(tx: Database, target: ReportTarget): Promise<TargetFacts | undefined> {
  if (target.kind === 'tip') {
    const [tip] = await tx.select().from(tips).where(eq(tips.id, target.targetId));
    if (!tip) return undefined;
    const { communityId, authorId, title, hiddenAt } = tip;
    return { communityId, authorId, excerpt: title, hiddenAt, public: tip.status === 'published' };
  }
  if (target.kind === 'note') {
    const [row] = await tx
      .select({ tip: tips, note: tipTries.note, hiddenAt: tipTries.noteHiddenAt })
      .from(tipTries)
      .innerJoin(tips, eq(tips.id, tipTries.tipId))
      .where(and(eq(tipTries.tipId, target.targetId), eq(tipTries.userId, target.authorId)));
    if (!row?.note) return undefined;
    const visible = row.tip.status === 'published' && row.tip.hiddenAt === null;
    return {
      communityId: row.tip.communityId,
      authorId: target.authorId,
      excerpt: row.note,
      hiddenAt: row.hiddenAt,
      public: visible,
    };
  }
  const [request] = await tx
    .select()
    .from(promotionRequests)
    .where(eq(promotionRequests.id, target.targetId));
  if (!request) return undefined;
  return {
    communityId: request.communityId,
    authorId: request.userId,
    excerpt: request.title,
    hiddenAt: request.hiddenAt,
    public: request.status === 'approved',
  };
}

export async function hideTarget(tx: Database, target: ReportTarget, now: Date): Promise<void> {
  if (target.kind === 'tip') {
    await tx.update(tips).set({ hiddenAt: now }).where(eq(tips.id, target.targetId));
  } else if (target.kind === 'note') {
    await tx
      .update(tipTries)
      .set({ noteHiddenAt: now })
      .where(and(eq(tipTries.tipId, target.targetId), eq(tipTries.userId, target.authorId)));
  } else {
    await tx
      .update(promotionRequests)
      .set({ hiddenAt: now })
      .where(eq(promotionRequests.id, target.targetId));
  }
}

/** Null when the reporter already has an open report of this content. */
export async function insertReport(
  tx: Database,
  report: { communityId: string; target: ReportTarget; reporterId: string; reason: string; createdAt: Date },
): Promise<ReportRow | null> {
  const [row] = await tx
    .insert(contentReports)
    .values({
      communityId: report.communityId,
      targetKind: report.target.kind,
      targetId: report.target.targetId,
      authorId: report.target.authorId,
      reporterId: report.reporterId,
      reason: report.reason,
      createdAt: report.createdAt,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function findReport(tx: Database, reportId: string): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(contentReports).where(eq(contentReports.id, reportId));
  return row;
}

export async function lockReport(tx: Database, reportId: string): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(contentReports).where(eq(contentReports.id, reportId)).for('update');
  return row;
}

/** Closes every open report of the content with the decision; answers who had reported it. */
export async function closeOpenReports(
  tx: Database,
  target: ReportTarget,
  decision: { status: Exclude<ReportStatus, 'open'>; decidedBy: string; decidedAt: Date },
): Promise<string[]> {
  const closed = await tx
    .update(contentReports)
    .set(decision)
    .where(
      and(
        eq(contentReports.targetKind, target.kind),
        eq(contentReports.targetId, target.targetId),
        eq(contentReports.authorId, target.authorId),
        eq(contentReports.status, 'open'),
      ),
    )
    .returning({ reporterId: contentReports.reporterId });
  return [...new Set(closed.map((row) => row.reporterId))];
}

const author = alias(users, 'author');
const reporter = alias(users, 'reporter');
const authorMembership = alias(memberships, 'author_membership');

/** Open reports, oldest first (the longest waiting on top), with the people named. */
export async function listOpenReports(tx: Database, communityId: string, limit: number) {
  return tx
    .select({
      report: contentReports,
      author: { id: author.id, nickname: author.nickname },
      authorRole: authorMembership.role,
      reporter: { id: reporter.id, nickname: reporter.nickname },
    })
    .from(contentReports)
    .innerJoin(author, eq(author.id, contentReports.authorId))
    .innerJoin(reporter, eq(reporter.id, contentReports.reporterId))
    .leftJoin(
      authorMembership,
      and(
        eq(authorMembership.communityId, contentReports.communityId),
        eq(authorMembership.userId, contentReports.authorId),
      ),
    )
    .where(and(eq(contentReports.communityId, communityId), eq(contentReports.status, 'open')))
    .orderBy(asc(contentReports.createdAt), asc(contentReports.id))
    .limit(limit);
}
