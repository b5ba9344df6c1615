import type { TipCardView, TipDetailView, TipNoteView } from '../../../src/domain/contract/tips';
import { uploadUrl } from '../../../src/domain/uploads';
import type { listTries } from './reaction-repository';
import type { TipCardRow } from './tip-repository';

export function toTipCardView(row: TipCardRow): TipCardView {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    body: row.body,
    minutes: row.minutes,
    tags: row.tags,
    status: row.status,
    author: { id: row.authorId, nickname: row.authorNickname },
    suggested: row.publishedBy !== null && row.publishedBy !== row.authorId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishAt: row.publishAt?.toISOString() ?? null,
    imageUrl: row.imageUploadId ? uploadUrl(row.imageUploadId) : null,
    likeCount: row.likeCount,
    saveCount: row.saveCount,
    tryCount: row.tryCount,
    version: row.version,
    ...(row.hiddenAt ? { hidden: true } : {}),
  };
}

export function toTipDetailView(
  row: TipCardRow & { steps: string[]; declineReason: string | null; createdAt: Date },
  mine: Pick<TipDetailView, 'liked' | 'saved' | 'myTry' | 'canManage'>,
): TipDetailView {
  return {
    ...toTipCardView(row),
    steps: row.steps,
    declineReason: row.declineReason,
    createdAt: row.createdAt.toISOString(),
    ...mine,
  };
}

export function toTipNoteView(row: Awaited<ReturnType<typeof listTries>>[number]): TipNoteView {
  return {
    user: { id: row.userId, nickname: row.nickname },
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
    ...(row.noteHiddenAt ? { hidden: true } : {}),
  };
}
