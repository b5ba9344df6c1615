import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { api } from '@/lib/request';
import { weeklyDigestApiPath } from './get-weekly-digest';

/** '' puts the default line back. */
export function editDigestIntro(
  communityId: string,
  weekStart: string,
  intro: string,
): Promise<WeeklyDigestView> {
  return api.put(`${weeklyDigestApiPath(communityId, weekStart)}/intro`, { intro });
}
