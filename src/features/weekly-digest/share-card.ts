import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { pagePaths, pageUrl } from '@/domain/page-paths';
import { digestShareTitle } from '@/domain/weekly-digest';

/** The digest's card in the group: it opens the digest, and invites a non-member through the team's code. */
export function digestShareCard(
  digest: WeeklyDigestView,
  from: { inviteCode: string | null; myUserId: string | null },
): { title: string; path: string } {
  return {
    title: digestShareTitle(digest.communityName, digest.weekStart),
    path: pageUrl(pagePaths.weeklyDigest, {
      week: digest.weekStart,
      community: digest.communityId,
      code: from.inviteCode ?? undefined,
      inviter: from.myUserId ?? undefined,
    }),
  };
}
