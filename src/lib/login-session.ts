import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { AuthResult } from '@/domain/contract/auth';
import type { UserView } from '@/domain/contract/common';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import type { MembershipView, MeView } from '@/domain/contract/me';

/**
 * Who is signed in and which community they are looking at. Shared by the request layer
 * (token) and by every feature, so it lives in lib rather than inside one feature.
 * Setters do no I/O; the token and the chosen community survive restarts.
 */
export interface LoginSessionState {
  token: string | null;
  user: UserView | null;
  /** null until GET /api/me has answered in this run. */
  memberships: MembershipView[] | null;
  /** My pending join requests and recently declined ones; null until GET /api/me has answered. */
  joinRequests: MyJoinRequestView[] | null;
  currentCommunityId: string | null;
  signIn: (auth: AuthResult) => void;
  setMe: (me: MeView) => void;
  setCurrentCommunity: (communityId: string) => void;
  clearLoginSession: () => void;
}

/** Kept as it was named first, so that members stay signed in across the update. */
export const loginSessionStorageKey = 'qunyou-session';

/** What survives a restart; memberships are always fetched fresh. */
type Remembered = Pick<LoginSessionState, 'token' | 'user' | 'currentCommunityId'>;

function remembered(state: Remembered): Remembered {
  return { token: state.token, user: state.user, currentCommunityId: state.currentCommunityId };
}

/** Stored as zustand's persist middleware wrote it ({ state, version }), which this replaces: the
 * middleware carried about 8 KB into the main package for these few lines. */
function readRemembered(): Partial<Remembered> {
  try {
    const saved = JSON.parse(Taro.getStorageSync(loginSessionStorageKey) || 'null');
    return saved?.state ? remembered(saved.state) : {};
  } catch {
    return {};
  }
}

export const useLoginSession = create<LoginSessionState>()((set) => ({
  token: null,
  user: null,
  memberships: null,
  joinRequests: null,
  currentCommunityId: null,
  ...readRemembered(),
  signIn: (auth) => set({ token: auth.token, user: auth.user, memberships: null, joinRequests: null }),
  setMe: (me) =>
    set((state) => ({
      user: me.user,
      memberships: me.memberships,
      joinRequests: me.joinRequests,
      currentCommunityId: pickCurrentCommunity(state.currentCommunityId, me.memberships),
    })),
  setCurrentCommunity: (communityId) => set({ currentCommunityId: communityId }),
  clearLoginSession: () => set({ token: null, user: null, memberships: null, joinRequests: null }),
}));

useLoginSession.subscribe((state, previous) => {
  if (
    state.token === previous.token &&
    state.user === previous.user &&
    state.currentCommunityId === previous.currentCommunityId
  )
    return;
  Taro.setStorageSync(loginSessionStorageKey, JSON.stringify({ state: remembered(state), version: 0 }));
});

/** Keeps the remembered community while I am still in it; otherwise falls back to my first one. */
function pickCurrentCommunity(remembered: string | null, memberships: MembershipView[]): string | null {
  if (remembered && memberships.some((m) => m.communityId === remembered)) return remembered;
  return memberships[0]?.communityId ?? null;
}
