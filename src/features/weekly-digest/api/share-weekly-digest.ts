import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { api } from '@/lib/request';
import { weeklyDigestApiPath } from './get-weekly-digest';

/** Tells the server the team shared it: the first time, members can read it and find it in 消息. */
export function shareWeeklyDigest(communityId: string, weekStart: string): Promise<WeeklyDigestView> {
  return api.post(`${weeklyDigestApiPath(communityId, weekStart)}/share`);
}
