import type {
  PromotionEligibilityView,
  PromotionRequestInput,
  PromotionRequestView,
} from '../../../src/domain/contract/promotions';
import { promotionContentProblem } from '../../../src/domain/promotions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/unique-violation';
import type { UserRow } from '../auth/user-repository';
import { refusedTexts, rejectRefusedTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { requireMembership } from '../membership/require-membership';
import { requireOwnUpload } from '../uploads/upload-service';
import { memberEligibility } from './eligibility';
import { toRequestView } from './promotion-views';
import {
  findRequest,
  insertRequest,
  listMyRequests,
  lockRequest,
  type RequestWithSlot,
  updateRequest,
} from './request-repository';
import { findSlot } from './slot-repository';
import { openUntil } from './slot-service';

export interface PromotionDeps {
  db: Database;
  textChecker: TextChecker;
}

/** An edit: null removes the link or the image. */
export type PromotionRequestChanges = Partial<Omit<PromotionRequestInput, 'link' | 'imageUploadId'>> & {
  link?: string | null;
  imageUploadId?: string | null;
};

type PromotionText = Partial<Pick<PromotionRequestInput, 'title' | 'content'>>;

/**
 * Before any transaction (it may call WeChat): the content-security check and our own rules,
 * every refused field at once. Answers the verdict the reviewer sees.
 */
async function checkPromotionText(
  textChecker: TextChecker,
  text: PromotionText,
  user: UserRow,
): Promise<string> {
  const byOwnRules: Record<string, string> = {};
  const forTheCheck: Record<string, string | undefined> = {};
  for (const field of ['title', 'content'] as const) {
    const value = text[field];
    const problem = value === undefined ? null : promotionContentProblem(value);
    if (problem) byOwnRules[field] = problem;
    else forTheCheck[field] = value;
  }
  rejectRefusedTexts({ ...byOwnRules, ...(await refusedTexts(textChecker, user, 'forum', forTheCheck)) });
  return '通过内容安全检查和群规检查';
}

async function requireOpenSlot(tx: Database, communityId: string, slotId: string, now: Date) {
  const slot = await findSlot(tx, slotId);
  if (!slot || slot.communityId !== communityId) throw new AppError('NOT_FOUND', 404);
  if (slot.closedAt) throw new AppError('SLOT_CLOSED', 409);
  if (slot.startsAt <= now || slot.startsAt > openUntil(now)) throw new AppError('SLOT_NOT_OPEN', 409);
  if (slot.approvedCount >= slot.places) throw new AppError('SLOT_FULL', 409);
  return slot;
}

async function viewOf(tx: Database, requestId: string): Promise<PromotionRequestView> {
  return toRequestView((await findRequest(tx, requestId)) as RequestWithSlot);
}

export async function getMyEligibility(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionEligibilityView> {
  await requireMembership(db, communityId, user.id, 'member');
  const eligibility = await memberEligibility(db, communityId, user.id, new Date());
  if (!eligibility) throw new AppError('NOT_A_MEMBER', 403);
  return {
    eligible: eligibility.eligible,
    problems: eligibility.problems.map((problem) => ({
      ...problem,
      eligibleFrom: problem.eligibleFrom?.toISOString() ?? null,
    })),
    eligibleFrom: eligibility.eligibleFrom?.toISOString() ?? null,
    allowance: eligibility.allowance,
    usedInWindow: eligibility.usedInWindow,
    earnedExtra: eligibility.earnedExtra,
    joinedAt: eligibility.joinedAt.toISOString(),
  };
}

export async function listMyPromotionRequests(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionRequestView[]> {
  await requireMembership(db, communityId, user.id, 'member');
  return (await listMyRequests(db, communityId, user.id)).map(toRequestView);
}

export async function createPromotionRequest(
  { db, textChecker }: PromotionDeps,
  user: UserRow,
  communityId: string,
  input: PromotionRequestInput,
): Promise<PromotionRequestView> {
  await requireMembership(db, communityId, user.id, 'member');
  const contentVerdict = await checkPromotionText(textChecker, input, user);
  try {
    return await db.transaction(async (tx) => {
      const now = new Date();
      const eligibility = await memberEligibility(tx, communityId, user.id, now);
      if (!eligibility) throw new AppError('NOT_A_MEMBER', 403);
      const problem = eligibility.problems[0];
      if (problem?.reason === 'pending-exists') throw new AppError('PROMOTION_PENDING_EXISTS', 409);
      if (problem) throw new AppError('PROMOTION_NOT_ELIGIBLE', 403, { eligibility: problem.message });
      await requireOpenSlot(tx, communityId, input.slotId, now);
      if (input.imageUploadId) await requireOwnUpload(tx, input.imageUploadId, user.id);
      const request = await insertRequest(tx, {
        communityId,
        slotId: input.slotId,
        userId: user.id,
        title: input.title,
        content: input.content,
        link: input.link ?? null,
        imageUploadId: input.imageUploadId ?? null,
        category: input.category,
        contentVerdict,
      });
      return viewOf(tx, request.id);
    });
  } catch (error) {
    // Two submits at once: the partial unique index lets one in.
    if (isUniqueViolation(error, 'promotion_requests_one_pending'))
      throw new AppError('PROMOTION_PENDING_EXISTS', 409);
    throw error;
  }
}

/** Only the author, only while pending: any field, including a move to another open slot. */
export async function updatePromotionRequest(
  { db, textChecker }: PromotionDeps,
  user: UserRow,
  requestId: string,
  changes: PromotionRequestChanges,
): Promise<PromotionRequestView> {
  const found = await findRequest(db, requestId);
  if (!found || found.request.userId !== user.id) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, found.request.communityId, user.id, 'member');
  const textChanged = changes.title !== undefined || changes.content !== undefined;
  const contentVerdict = textChanged ? await checkPromotionText(textChecker, changes, user) : undefined;
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (!request) throw new AppError('NOT_FOUND', 404);
    if (request.status !== 'pending') throw new AppError('PROMOTION_NOT_PENDING', 409);
    if (changes.slotId !== undefined && changes.slotId !== request.slotId) {
      await requireOpenSlot(tx, request.communityId, changes.slotId, new Date());
    }
    if (changes.imageUploadId) await requireOwnUpload(tx, changes.imageUploadId, user.id);
    // A reviewer who read the previous version can no longer decide on it (review-service.ts).
    await updateRequest(tx, requestId, {
      ...changes,
      ...(contentVerdict ? { contentVerdict } : {}),
      version: request.version + 1,
    });
    return viewOf(tx, requestId);
  });
}

export async function withdrawPromotionRequest(
  db: Database,
  user: UserRow,
  requestId: string,
): Promise<PromotionRequestView> {
  const found = await findRequest(db, requestId);
  if (!found || found.request.userId !== user.id) throw new AppError('NOT_FOUND', 404);
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (!request) throw new AppError('NOT_FOUND', 404);
    if (request.status !== 'pending') throw new AppError('PROMOTION_NOT_PENDING', 409);
    await updateRequest(tx, requestId, { status: 'withdrawn' });
    return viewOf(tx, requestId);
  });
}
