import type { TipDetailView } from '@/domain/contract/tips';
import { pagePaths, pageUrl } from '@/domain/page-paths';

/**
 * The share card of a tip opens that tip. It names its community and me as the inviter, so a
 * non-member who opens it can ask to join from there; with the team's invite code in it, the join
 * screen has the code filled in.
 */
export function tipShareCard(
  tip: TipDetailView,
  from: { inviteCode: string | null; myUserId: string | null },
): { title: string; path: string } {
  const path = pageUrl(pagePaths.tip, {
    id: tip.id,
    code: from.inviteCode ?? undefined,
    community: tip.communityId,
    inviter: from.myUserId ?? undefined,
  });
  return { title: `${tip.title}｜${tip.minutes}分钟就能试的小技巧`, path };
}
