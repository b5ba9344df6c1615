import type { TipWantView, WantedTopicView } from '../../../src/domain/contract/sessions';
import { seesHiddenContent } from '../../../src/domain/moderation';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import {
  countTipWants,
  deleteTipWant,
  findTipToWant,
  insertTipWant,
  listMostWantedTips,
} from './tip-want-repository';

/**
 * Only published tips can be wanted; drafts and other communities' tips stay invisible (404 / 403),
 * and so does a hidden tip to those who may not see it (`moderation/visibility.ts`).
 */
async function publishedTip(tx: Database, tipId: string, userId: string) {
  const tip = await findTipToWant(tx, tipId);
  if (!tip) throw new AppError('NOT_FOUND', 404);
  const role = await requireMembership(tx, tip.communityId, userId, 'member');
  if (tip.status !== 'published') throw new AppError('NOT_FOUND', 404);
  if (tip.hiddenAt && tip.authorId !== userId && !seesHiddenContent(role))
    throw new AppError('NOT_FOUND', 404);
  return tip;
}

async function viewOf(tx: Database, tipId: string, userId: string): Promise<TipWantView> {
  return { tipId, ...(await countTipWants(tx, tipId, userId)) };
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
    // A tip taken down by the team gathers no more wants (its author and the team may still take theirs back).
    if (wanted && tip.hiddenAt) throw new AppError('NOT_FOUND', 404);
    if (wanted) await insertTipWant(tx, { tipId, userId: user.id, communityId: tip.communityId });
    else await deleteTipWant(tx, tipId, user.id);
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
  return listMostWantedTips(db, communityId, 10);
}
