import type { PromotionRequestView, PromotionSlotView } from '../../../src/domain/contract/promotions';
import { remainingPlaces } from '../../../src/domain/promotions';
import { uploadUrl } from '../../../src/domain/uploads';
import type { RequestWithSlot } from './request-repository';
import type { PromotionSlotRow } from './slot-repository';

export function toSlotView(slot: PromotionSlotRow): PromotionSlotView {
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    places: slot.places,
    remaining: remainingPlaces(slot.places, slot.approvedCount),
    closed: slot.closedAt !== null,
    source: slot.source,
  };
}

export function toRequestView({ request, slot, author }: RequestWithSlot): PromotionRequestView {
  return {
    id: request.id,
    communityId: request.communityId,
    slot: toSlotView(slot),
    author,
    title: request.title,
    content: request.content,
    link: request.link,
    imageUrl: request.imageUploadId ? uploadUrl(request.imageUploadId) : null,
    category: request.category,
    status: request.status,
    rejectReason: request.rejectReason,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    version: request.version,
    ...(request.hiddenAt ? { hidden: true } : {}),
  };
}
