import type { TipCardView, TipDetailView, TipInput } from '@/domain/contract/tips';
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

/** The version is the one on screen: if the tip was edited since, the server answers 409 TIP_CHANGED. */
type Reviewed = Pick<TipCardView, 'id' | 'version'>;

export function publishTip({ id, version }: Reviewed, publishAt?: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/tips/${encodeURIComponent(id)}/publish`, {
    version,
    ...(publishAt ? { publishAt } : {}),
  });
}

export function unpublishTip(tipId: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/tips/${encodeURIComponent(tipId)}/unpublish`);
}

export function declineTip({ id, version }: Reviewed, reason: string): Promise<TipDetailView> {
  return api.post<TipDetailView>(`/api/tips/${encodeURIComponent(id)}/decline`, { reason, version });
}
