import type { MeView } from '@/domain/contract/me';
import { useLoginSession } from '@/lib/login-session';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export const mePath = '/api/me';

export function getMe(): Promise<MeView> {
  return api.get<MeView>(mePath);
}

/** Fetches who I am and my communities, and records them in the session (which also settles the current community). */
export async function refreshMe(): Promise<MeView> {
  const me = await getMe();
  useLoginSession.getState().setMe(me);
  return me;
}

/** Loads my memberships once per signed-in session; the result is read from the session store. */
export function useMe() {
  const token = useLoginSession((state) => state.token);
  return useQuery(token ? `me:${token}` : null, refreshMe);
}
