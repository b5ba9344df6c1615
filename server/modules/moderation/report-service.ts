import type {
  CreateReportInput,
  DecideReportInput,
  MyReportView,
  ReportView,
} from '../../../src/domain/contract/moderation';
import { type ReportAction, reportLimits, reportTargetLabels } from '../../../src/domain/moderation';
import { pagePaths, tipPath } from '../../../src/domain/page-paths';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { lockCommunity } from '../communities/community-repository';
import { removeMemberLocked } from '../communities/member-removal';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { listTeamIds } from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import { enqueueNotice, enqueueNotices } from '../notifications';
import {
  closeOpenReports,
  findReport,
  findTarget,
  hideTarget,
  insertReport,
  listOpenReports,
  lockReport,
  type ReportRow,
  type ReportTarget,
} from './report-repository';
import { canSeeContent } from './visibility';

export interface ReportDeps {
  db: Database;
  textChecker: TextChecker;
}

const queueSize = 100;

function excerptOf(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > reportLimits.excerptMax
    ? `${chars.slice(0, reportLimits.excerptMax).join('')}…`
    : chars.join('');
}

function targetOf(report: ReportRow): ReportTarget {
  return { kind: report.targetKind, targetId: report.targetId, authorId: report.authorId };
}

/** Where a notice about the content leads: the tip (for a note too), or the promotion board. */
function contentLink(target: ReportTarget): string {
  return target.kind === 'promotion' ? pagePaths.promotions : tipPath(target.targetId);
}

/**
 * A member reports content they can see to the team: one open report per member and content; the
 * team (owner, admins, secretary) is told in the same transaction.
 */
export async function fileReport(
  { db, textChecker }: ReportDeps,
  user: UserRow,
  communityId: string,
  input: CreateReportInput,
  now: Date,
): Promise<MyReportView> {
  await requireMembership(db, communityId, user.id, 'member');
  await requireAcceptableTexts(textChecker, user, 'comment', { reason: input.reason });
  return db.transaction(async (tx) => {
    const role = await requireMembership(tx, communityId, user.id, 'member');
    if (input.targetKind === 'note' && !input.authorId) {
      throw new AppError('VALIDATION_FAILED', 400, { authorId: '举报心得时需要写明是谁的心得' });
    }
    const lookup = { kind: input.targetKind, targetId: input.targetId, authorId: input.authorId ?? '' };
    const facts = await findTarget(tx, lookup);
    const seen =
      facts?.communityId === communityId &&
      facts.public &&
      canSeeContent({ hiddenAt: facts.hiddenAt, authorId: facts.authorId }, { userId: user.id, role });
    if (!facts || !seen) throw new AppError('NOT_FOUND', 404);
    if (facts.authorId === user.id) throw new AppError('CANNOT_REPORT_OWN', 409);
    const target = { ...lookup, authorId: facts.authorId };
    const report = await insertReport(tx, {
      communityId,
      target,
      reporterId: user.id,
      reason: input.reason,
      createdAt: now,
    });
    if (!report) throw new AppError('REPORT_EXISTS', 409);
    const label = reportTargetLabels[target.kind];
    const teamIds = await listTeamIds(tx, communityId, 'secretary');
    await enqueueNotices(
      tx,
      teamIds.map((teamMemberId) => ({
        userId: teamMemberId,
        communityId,
        kind: 'content_reported' as const,
        title: `新的举报：${label}`,
        body: `「${excerptOf(facts.excerpt)}」被举报：${input.reason}`,
        link: pagePaths.reports,
        dedupeKey: `report:${report.id}:team:${teamMemberId}`,
      })),
    );
    return { id: report.id, status: report.status, createdAt: report.createdAt.toISOString() };
  });
}

/** The team's queue: open reports, the longest waiting first, with the content's first words. */
export async function listReports(db: Database, user: UserRow, communityId: string): Promise<ReportView[]> {
  await requireMembership(db, communityId, user.id, 'secretary');
  const rows = await listOpenReports(db, communityId, queueSize);
  const views: ReportView[] = [];
  for (const row of rows) {
    const facts = await findTarget(db, targetOf(row.report));
    views.push({
      id: row.report.id,
      communityId: row.report.communityId,
      targetKind: row.report.targetKind,
      targetId: row.report.targetId,
      excerpt: facts ? excerptOf(facts.excerpt) : '（内容已删除）',
      hidden: facts?.hiddenAt != null,
      author: { ...row.author, role: row.authorRole },
      reporter: row.reporter,
      reason: row.report.reason,
      status: row.report.status,
      createdAt: row.report.createdAt.toISOString(),
    });
  }
  return views;
}

const closingStatus = { hide: 'hidden', dismiss: 'dismissed', remove_author: 'author_removed' } as const;

/**
 * The team decides on a report, in one transaction with its notice: hide the content (its author is
 * told), dismiss (the reporters are told), or remove the author (owner and admins, as any removal:
 * the content is hidden too and the author gets the removal notice). Every open report of the same
 * content closes with it. The community row is locked first, as for every membership change.
 */
export async function decideReport(
  { db, textChecker }: ReportDeps,
  user: UserRow,
  reportId: string,
  input: DecideReportInput,
  now: Date,
): Promise<void> {
  const unlocked = await findReport(db, reportId);
  if (!unlocked) throw new AppError('NOT_FOUND', 404);
  const communityId = unlocked.communityId;
  await requireMembership(db, communityId, user.id, input.action === 'remove_author' ? 'admin' : 'secretary');
  if (input.action === 'remove_author')
    await requireAcceptableTexts(textChecker, user, 'comment', { reason: input.reason });
  await db.transaction(async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community) throw new AppError('NOT_FOUND', 404);
    await requireMembership(tx, communityId, user.id, 'secretary');
    const report = await lockReport(tx, reportId);
    if (report?.status !== 'open') throw new AppError('REPORT_DECIDED', 409);
    const target = targetOf(report);
    const facts = await findTarget(tx, target);
    const action: ReportAction = input.action;
    if (action === 'remove_author') {
      await removeMemberLocked(tx, community, user, target.authorId, input, now);
    }
    if (action !== 'dismiss' && facts) await hideTarget(tx, target, now);
    const reporters = await closeOpenReports(tx, target, {
      status: closingStatus[action],
      decidedBy: user.id,
      decidedAt: now,
    });
    const label = reportTargetLabels[target.kind];
    const excerpt = facts ? excerptOf(facts.excerpt) : '';
    if (action === 'hide') {
      await enqueueNotice(tx, {
        userId: target.authorId,
        communityId,
        kind: 'content_hidden',
        title: `你的${label}已被隐藏`,
        body: `「${excerpt}」被举报后，群主或管理员把它隐藏了，其他成员已看不到。`,
        link: contentLink(target),
        dedupeKey: `report:${report.id}:hidden`,
      });
    } else if (action === 'dismiss') {
      await enqueueNotices(
        tx,
        reporters.map((reporterId) => ({
          userId: reporterId,
          communityId,
          kind: 'report_dismissed' as const,
          title: '你的举报已处理',
          body: `群主或管理员看过「${excerpt}」后，决定保留这条${label}。谢谢你的提醒。`,
          link: contentLink(target),
          dedupeKey: `report:${report.id}:dismissed:${reporterId}`,
        })),
      );
    }
  });
}
