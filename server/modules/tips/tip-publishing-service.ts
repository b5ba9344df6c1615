import type { TipDetailView, TipInput } from '../../../src/domain/contract/tips';
import { tipPath } from '../../../src/domain/page-paths';
import { hasRoleAtLeast, isTeamRole, type Role } from '../../../src/domain/roles';
import {
  checkTipDraft,
  isValidPublishAt,
  type TipAction,
  type TipDraft,
  tipAllows,
} from '../../../src/domain/tips';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { requireMembership } from '../membership/require-membership';
import { enqueueNotice } from '../notifications';
import { requireOwnUpload } from '../uploads/upload-service';
import { tipDetail } from './tip-reading-service';
import { findTip, insertTip, lockTip, type TipRow, updateTip } from './tip-repository';

export interface TipDeps {
  db: Database;
  textChecker: TextChecker;
  /** The clock, so tests can schedule and publish at chosen times. */
  now?: () => Date;
}

/** The rule first (400 with fields), then the content check (422 with fields), both before any write. */
async function acceptedDraft(textChecker: TextChecker, input: TipDraft, user: UserRow): Promise<TipDraft> {
  const checked = checkTipDraft(input);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', 400, checked.fields);
  const tip = checked.tip;
  await requireAcceptableTexts(textChecker, user, 'forum', {
    title: tip.title,
    body: tip.body,
    ...Object.fromEntries(tip.steps.map((step, index) => [`steps.${index}`, step])),
    tags: tip.tags.join(' '),
  });
  return tip;
}

function scheduledTime(publishAt: string | undefined, now: Date): Date | undefined {
  if (publishAt === undefined) return undefined;
  const at = new Date(publishAt);
  if (!isValidPublishAt(at, now)) throw new AppError('PUBLISH_AT_IN_PAST', 400);
  // Stored to the millisecond, like every published_at: cursors carry JavaScript dates.
  return at;
}

/** What publishing now or at a time sets on the row. */
function publication(user: UserRow, now: Date, at: Date | undefined) {
  return at && at > now
    ? { status: 'scheduled' as const, publishAt: at, publishedAt: null, publishedBy: user.id }
    : { status: 'published' as const, publishAt: null, publishedAt: now, publishedBy: user.id };
}

export async function createTip(
  { db, textChecker, now: clock = () => new Date() }: TipDeps,
  user: UserRow,
  communityId: string,
  input: TipInput,
): Promise<TipDetailView> {
  const role = await requireMembership(db, communityId, user.id, 'member');
  if (!isTeamRole(role) && (input.publishAt !== undefined || input.draft))
    throw new AppError('FORBIDDEN', 403);
  const now = clock();
  const at = scheduledTime(input.publishAt, now);
  const draft = await acceptedDraft(textChecker, input, user);
  const tipId = await db.transaction(async (tx) => {
    const currentRole = await requireMembership(tx, communityId, user.id, 'member');
    if (currentRole !== role) throw new AppError('FORBIDDEN', 403);
    const state = !isTeamRole(role)
      ? { status: 'suggested' as const }
      : input.draft
        ? { status: 'draft' as const, publishAt: at ?? null }
        : publication(user, now, at);
    const imageUploadId = input.imageUploadId ?? null;
    if (imageUploadId) await requireOwnUpload(tx, imageUploadId, user.id);
    const tip = await insertTip(tx, { ...draft, imageUploadId, communityId, authorId: user.id, ...state });
    return tip.id;
  });
  return tipDetail(db, user, tipId);
}

/** Locks the tip and checks the caller may manage it: the team of its community, at least `minimumRole`. */
async function lockManagedTip(
  tx: Database,
  user: UserRow,
  tipId: string,
  minimumRole: Role,
): Promise<TipRow> {
  const tip = await lockTip(tx, tipId);
  if (!tip) throw new AppError('NOT_FOUND', 404);
  await requireMembership(tx, tip.communityId, user.id, minimumRole);
  return tip;
}

function requireStatus(tip: TipRow, action: TipAction): void {
  if (!tipAllows(action, tip.status)) throw new AppError('TIP_STATE_CONFLICT', 409);
}

/** A decision is about what the reviewer read: an edit since then (by anyone) sends them back to it. */
function requireReviewedVersion(tip: TipRow, reviewedVersion: number): void {
  if (tip.version !== reviewedVersion) throw new AppError('TIP_CHANGED', 409);
}

/** Reviewing a member's suggestion is for the owner and admins; the rest of the team manages the team's own tips. */
const reviewerRole: Role = 'admin';

export async function editTip(
  { db, textChecker }: TipDeps,
  user: UserRow,
  tipId: string,
  input: Omit<TipInput, 'publishAt' | 'draft'>,
): Promise<TipDetailView> {
  const existing = await existingTip(db, tipId);
  await requireMembership(db, existing.communityId, user.id, 'secretary');
  const draft = await acceptedDraft(textChecker, input, user);
  await db.transaction(async (tx) => {
    const tip = await lockManagedTip(tx, user, tipId, 'secretary');
    if (tip.status === 'suggested') await requireMembership(tx, tip.communityId, user.id, reviewerRole);
    requireStatus(tip, 'edit');
    // A picture already on the tip may be the author's; a new one must be the editor's own upload.
    const image = input.imageUploadId;
    if (image && image !== tip.imageUploadId) await requireOwnUpload(tx, image, user.id);
    const edited = { ...draft, version: tip.version + 1 };
    await updateTip(tx, tipId, image === undefined ? edited : { ...edited, imageUploadId: image });
  });
  return tipDetail(db, user, tipId);
}

/** The permission check before the content check (an outsider learns nothing from it); repeated under the lock. */
async function existingTip(db: Database, tipId: string): Promise<TipRow> {
  const tip = await findTip(db, tipId);
  if (!tip) throw new AppError('NOT_FOUND', 404);
  return tip;
}

/**
 * Publishes now, or schedules when `publishAt` is ahead, the version the publisher read. A suggestion
 * credits its member and tells them.
 */
export async function publishTip(
  { db, now: clock = () => new Date() }: TipDeps,
  user: UserRow,
  tipId: string,
  { publishAt, version }: { publishAt?: string; version: number },
): Promise<TipDetailView> {
  const now = clock();
  await db.transaction(async (tx) => {
    const tip = await lockManagedTip(tx, user, tipId, 'secretary');
    const role = await requireMembership(tx, tip.communityId, user.id, 'secretary');
    requireStatus(tip, 'publish');
    if (tip.status === 'suggested' && !hasRoleAtLeast(role, reviewerRole))
      throw new AppError('FORBIDDEN', 403);
    requireReviewedVersion(tip, version);
    const at = scheduledTime(publishAt, now);
    const state = publication(user, now, at);
    await updateTip(tx, tipId, state);
    if (tip.status === 'suggested' && tip.authorId !== user.id) {
      await enqueueNotice(tx, {
        userId: tip.authorId,
        communityId: tip.communityId,
        kind: 'tip_published',
        title: `你投稿的技巧「${tip.title}」${state.status === 'published' ? '已发布' : '将定时发布'}`,
        body: '谢谢你的分享，群友们已经可以看到并试一试了。',
        link: tipPath(tip.id),
        // Through WeChat only with a consent left, given when the member tapped 提交投稿.
        template: {
          key: 'tipResult',
          data: {
            thing1: tip.title,
            phrase2: state.status === 'published' ? '已发布' : '将定时发布',
            thing3: '谢谢你的分享',
          },
        },
        dedupeKey: `tip:${tip.id}:published`,
      });
    }
  });
  return tipDetail(db, user, tipId);
}

export async function unpublishTip({ db }: TipDeps, user: UserRow, tipId: string): Promise<TipDetailView> {
  await db.transaction(async (tx) => {
    const tip = await lockManagedTip(tx, user, tipId, 'secretary');
    requireStatus(tip, 'unpublish');
    await updateTip(tx, tipId, { status: 'unpublished', publishAt: null, publishedAt: null });
  });
  return tipDetail(db, user, tipId);
}

export async function declineTip(
  { db, textChecker }: TipDeps,
  user: UserRow,
  tipId: string,
  { reason, version }: { reason: string; version: number },
): Promise<TipDetailView> {
  const existing = await existingTip(db, tipId);
  await requireMembership(db, existing.communityId, user.id, reviewerRole);
  await requireAcceptableTexts(textChecker, user, 'comment', { reason });
  await db.transaction(async (tx) => {
    const tip = await lockManagedTip(tx, user, tipId, reviewerRole);
    requireStatus(tip, 'decline');
    requireReviewedVersion(tip, version);
    await updateTip(tx, tipId, { status: 'declined', declineReason: reason });
    await enqueueNotice(tx, {
      userId: tip.authorId,
      communityId: tip.communityId,
      kind: 'tip_declined',
      title: `你投稿的技巧「${tip.title}」未通过`,
      body: `原因：${reason}`,
      link: tipPath(tip.id),
      template: { key: 'tipResult', data: { thing1: tip.title, phrase2: '未通过', thing3: reason } },
      dedupeKey: `tip:${tip.id}:declined`,
    });
  });
  return tipDetail(db, user, tipId);
}
