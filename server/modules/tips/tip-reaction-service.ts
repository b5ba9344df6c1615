import { textLength } from '../../../src/domain/community-rules';
import type { TipDetailView } from '../../../src/domain/contract/tips';
import { tipLimits } from '../../../src/domain/tips';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import { requireMembership } from '../membership/require-membership';
import { addMark, deleteTry, type Mark, removeMark, upsertTry } from './reaction-repository';
import type { TipDeps } from './tip-publishing-service';
import { tipDetail, visibleTip } from './tip-reading-service';
import { lockTip } from './tip-repository';

/**
 * Counters are columns on the tip, changed in the same transaction as the like/save/try row with
 * the tip row locked: simultaneous likes queue on the lock, and the feed never counts on read.
 */
async function withPublishedTipLocked(
  db: Database,
  user: UserRow,
  tipId: string,
  change: (tx: Database) => Promise<void>,
) {
  await visibleTip(db, user, tipId);
  await db.transaction(async (tx) => {
    const tip = await lockTip(tx, tipId);
    if (!tip) throw new AppError('NOT_FOUND', 404);
    await requireMembership(tx, tip.communityId, user.id, 'member');
    if (tip.status !== 'published') throw new AppError('TIP_NOT_PUBLISHED', 409);
    await change(tx);
  });
  return tipDetail(db, user, tipId);
}

export function setMark(
  db: Database,
  user: UserRow,
  tipId: string,
  mark: Mark,
  on: boolean,
): Promise<TipDetailView> {
  return withPublishedTipLocked(db, user, tipId, (tx) =>
    on ? addMark(tx, mark, tipId, user.id) : removeMark(tx, mark, tipId, user.id),
  );
}

export async function markTried(
  { db, textChecker, now = () => new Date() }: TipDeps,
  user: UserRow,
  tipId: string,
  rawNote: string | undefined,
): Promise<TipDetailView> {
  const note = rawNote?.trim() ? rawNote.trim() : null;
  if (note && textLength(note) > tipLimits.noteMax)
    throw new AppError('VALIDATION_FAILED', 400, { note: `心得最多 ${tipLimits.noteMax} 个字` });
  await visibleTip(db, user, tipId);
  if (note) await requireAcceptableTexts(textChecker, user, 'comment', { note });
  return withPublishedTipLocked(db, user, tipId, (tx) => upsertTry(tx, tipId, user.id, note, now()));
}

export function unmarkTried(db: Database, user: UserRow, tipId: string): Promise<TipDetailView> {
  return withPublishedTipLocked(db, user, tipId, (tx) => deleteTry(tx, tipId, user.id));
}
