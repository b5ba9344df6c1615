import type { TipDetailView } from '@/domain/contract/tips';
import { api, request } from '@/lib/request';

const tipUrl = (tipId: string, what: string) => `/api/tips/${encodeURIComponent(tipId)}/${what}`;

/** 收藏 / 点赞 on or off; the answer is the tip with its new counts. */
export function setTipMark(tipId: string, mark: 'save' | 'like', on: boolean): Promise<TipDetailView> {
  return on
    ? api.put<TipDetailView>(tipUrl(tipId, mark))
    : request<TipDetailView>(tipUrl(tipId, mark), { method: 'DELETE', body: {} });
}

/** 我试过了 with an optional note; again to edit the note. */
export function markTipTried(tipId: string, note: string): Promise<TipDetailView> {
  return api.put<TipDetailView>(tipUrl(tipId, 'try'), note.trim() ? { note: note.trim() } : {});
}

export function unmarkTipTried(tipId: string): Promise<TipDetailView> {
  return request<TipDetailView>(tipUrl(tipId, 'try'), { method: 'DELETE', body: {} });
}
