import type { PromotionRequestView, PromotionReviewItemView } from '../../../src/domain/contract/promotions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { memberEligibility } from './eligibility';
import { toRequestView } from './promotion-views';
import { recordDecision } from './record-decision';
import {
  findRequest,
  lastApprovedSlotStart,
  listPendingForReview,
  lockRequest,
  type PromotionRequestRow,
  type RequestWithSlot,
} from './request-repository';
import { countApprovedPlace, lockSlot } from './slot-repository';

/** Owner or admin (the secretary does not review ads): pending requests by slot time. */
export async function listReviewQueue(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionReviewItemView[]> {
  await requireMembership(db, communityId, user.id, 'admin');
  const rows = await listPendingForReview(db, communityId);
  const items: PromotionReviewItemView[] = [];
  for (const row of rows) {
    const last = await lastApprovedSlotStart(db, communityId, row.request.userId);
    items.push({
      ...toRequestView(row),
      joinedAt: (row.joinedAt ?? row.request.createdAt).toISOString(),
      lastApprovedSlotStartsAt: last?.toISOString() ?? null,
      contentVerdict: row.request.contentVerdict,
    });
  }
  return items;
}

async function requireReviewableRequest(db: Database, user: UserRow, requestId: string) {
  const found = await findRequest(db, requestId);
  if (!found) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, found.request.communityId, user.id, 'admin');
  return found;
}

async function viewOf(tx: Database, requestId: string): Promise<PromotionRequestView> {
  return toRequestView((await findRequest(tx, requestId)) as RequestWithSlot);
}

/** Still pending, and still the version the reviewer read: the author may have edited it since. */
function requireReviewedVersion(request: PromotionRequestRow, reviewedVersion: number): void {
  if (request.status !== 'pending') throw new AppError('PROMOTION_NOT_PENDING', 409);
  if (request.version !== reviewedVersion) throw new AppError('PROMOTION_CHANGED', 409);
}

/**
 * The slot row is locked first (the same order as closing a slot), so two reviewers approving the
 * last place run one after the other: exactly one wins, the other gets 409 SLOT_FULL. What is
 * approved is the version the reviewer read: an edit since then is a 409 PROMOTION_CHANGED.
 */
export async function approvePromotionRequest(
  db: Database,
  user: UserRow,
  requestId: string,
  reviewedVersion: number,
): Promise<PromotionRequestView> {
  const found = await requireReviewableRequest(db, user, requestId);
  return db.transaction(async (tx) => {
    const slot = await lockSlot(tx, found.request.slotId);
    const request = await lockRequest(tx, requestId);
    if (!slot || !request) throw new AppError('NOT_FOUND', 404);
    requireReviewedVersion(request, reviewedVersion);
    // Read before the lock: a move to another slot since then is an edit the version check caught.
    if (request.slotId !== slot.id) throw new AppError('PROMOTION_CHANGED', 409);
    const now = new Date();
    if (slot.closedAt) throw new AppError('SLOT_CLOSED', 409);
    if (slot.endsAt <= now) throw new AppError('SLOT_NOT_OPEN', 409);
    if (slot.approvedCount >= slot.places) throw new AppError('SLOT_FULL', 409);
    const eligibility = await memberEligibility(tx, request.communityId, request.userId, now);
    if (!eligibility) throw new AppError('MEMBER_NOT_FOUND', 404);
    const windowUsed = eligibility.problems.find((problem) => problem.reason === 'window-used');
    if (windowUsed) throw new AppError('PROMOTION_NOT_ELIGIBLE', 409, { eligibility: windowUsed.message });
    await countApprovedPlace(tx, slot.id);
    await recordDecision(tx, request, { kind: 'approved', reason: null, by: user.id, at: now });
    return viewOf(tx, requestId);
  });
}

export async function rejectPromotionRequest(
  db: Database,
  user: UserRow,
  requestId: string,
  { reason, version }: { reason: string; version: number },
): Promise<PromotionRequestView> {
  await requireReviewableRequest(db, user, requestId);
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (!request) throw new AppError('NOT_FOUND', 404);
    requireReviewedVersion(request, version);
    await recordDecision(tx, request, { kind: 'rejected', reason, by: user.id, at: new Date() });
    return viewOf(tx, requestId);
  });
}
