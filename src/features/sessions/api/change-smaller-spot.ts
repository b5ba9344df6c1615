import type { MySignupView, SmallerSpotBody } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

/** While waiting: accept a smaller spot, or take it back (null). Free seats may seat me at once. */
export function changeSmallerSpot(sessionId: string, minGuests: number | null): Promise<MySignupView> {
  const body: SmallerSpotBody = { minGuests };
  return api.patch<MySignupView>(`/api/sessions/${encodeURIComponent(sessionId)}/signups/me`, body);
}
