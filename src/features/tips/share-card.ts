import type { TipDetailView } from '@/domain/api-types';
import { tipPath } from './tip-pages';

/**
 * The share card of a tip opens that tip. With the team's invite code in it, a non-member who
 * opens it lands on the join screen with the code filled in.
 */
export function tipShareCard(tip: TipDetailView, inviteCode: string | null): { title: string; path: string } {
  const path = inviteCode ? `${tipPath(tip.id)}&code=${encodeURIComponent(inviteCode)}` : tipPath(tip.id);
  return { title: `${tip.title}｜${tip.minutes}分钟就能试的小技巧`, path };
}
