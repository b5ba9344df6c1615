import { eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { seesHiddenContent } from '../../../src/domain/moderation';
import type { Role } from '../../../src/domain/roles';
import { promotionRequests, tips, tipTries } from '../../db/schema';

/**
 * The one visibility rule for content the team hid after a report: its author and the team
 * (`seesHiddenContent`) still see it, with `hidden: true` on the view; everyone else does not, in
 * the feed, a tag's list, search, 我的 收藏/试过, a tip's page and notes, and the promotion board.
 * What goes to the whole group at once (群周报) leaves hidden content out for everyone.
 * Every query that lists or opens tips, notes or promotions for a member takes its condition here.
 * Pictures WeChat has not approved follow their own rule, applied to every answer at once:
 * `uploads/picture-visibility.ts`.
 */
export interface Viewer {
  userId: string;
  role: Role;
}

/** A tip query's condition for this viewer; undefined for the team, who see every tip. */
export function visibleTips(viewer: Viewer): SQL | undefined {
  return seesHiddenContent(viewer.role)
    ? undefined
    : or(isNull(tips.hiddenAt), eq(tips.authorId, viewer.userId));
}

/** `visibleTips` for a prepared statement: run it with `viewerParams(viewer)`. */
export const visibleTipsPlaceholder = sql`(${tips.hiddenAt} is null or ${tips.authorId} = ${sql.placeholder('viewerId')} or ${sql.placeholder('seesHidden')})`;

export function viewerParams(viewer: Viewer): { viewerId: string; seesHidden: boolean } {
  return { viewerId: viewer.userId, seesHidden: seesHiddenContent(viewer.role) };
}

/** Notes (我试过了's words) of a tip: a hidden note is left out for everyone but its writer and the team. */
export function visibleNotes(viewer: Viewer): SQL | undefined {
  return seesHiddenContent(viewer.role)
    ? undefined
    : or(isNull(tipTries.noteHiddenAt), eq(tipTries.userId, viewer.userId));
}

export function visiblePromotions(viewer: Viewer): SQL | undefined {
  return seesHiddenContent(viewer.role)
    ? undefined
    : or(isNull(promotionRequests.hiddenAt), eq(promotionRequests.userId, viewer.userId));
}

/** For content already read: whether this viewer may see it. */
export function canSeeContent(content: { hiddenAt: Date | null; authorId: string }, viewer: Viewer): boolean {
  return content.hiddenAt === null || content.authorId === viewer.userId || seesHiddenContent(viewer.role);
}

/** What the whole group reads at once (the weekly digest): hidden tips are left out for everyone. */
export const tipsShownToEveryone = isNull(tips.hiddenAt);
