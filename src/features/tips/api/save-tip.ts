import type { TipDetailView, TipInput } from '@/domain/contract/tips';
import { api } from '@/lib/request';

/** Team: publish, schedule or draft; member: suggest. */
export function createTip(communityId: string, input: TipInput): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/communities/${encodeURIComponent(communityId)}/tips`, input);
}

export function editTip(
  tipId: string,
  { publishAt: _publishAt, draft: _draft, ...input }: TipInput,
): Promise<TipDetailView> {
  return api.put<TipDetailView>(`/api/tips/${encodeURIComponent(tipId)}`, input);
}

export function publishTip(tipId: string, publishAt?: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(
    `/api/tips/${encodeURIComponent(tipId)}/publish`,
    publishAt ? { publishAt } : {},
  );
}

export function unpublishTip(tipId: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/tips/${encodeURIComponent(tipId)}/unpublish`);
}

export function declineTip(tipId: string, reason: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/tips/${encodeURIComponent(tipId)}/decline`, { reason });
}
