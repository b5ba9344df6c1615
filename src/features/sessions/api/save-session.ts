import type { EditFollowingBody, SeriesView, SessionInput, SessionView } from '@/domain/contract/sessions';
import type { SeriesRepeat } from '@/domain/session-series';
import { api } from '@/lib/request';

export function createSession(communityId: string, input: SessionInput): Promise<SessionView> {
  return api.post<SessionView>(`/api/communities/${encodeURIComponent(communityId)}/sessions`, input);
}

/** Every date of a weekly or two-weekly series at once, each its own session. */
export function createSeries(
  communityId: string,
  input: SessionInput,
  series: { repeat: SeriesRepeat; count: number },
): Promise<SeriesView> {
  return api.post<SeriesView>(`/api/communities/${encodeURIComponent(communityId)}/session-series`, {
    ...input,
    ...series,
  });
}

export function updateSession(sessionId: string, changes: Partial<SessionInput>): Promise<SessionView> {
  return api.patch<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}`, changes);
}

/** 此次及以后: this date of a series and every later one. */
export function updateFollowing(sessionId: string, changes: EditFollowingBody): Promise<SessionView> {
  return api.patch<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/following`, changes);
}
