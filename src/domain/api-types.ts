/** Shapes of the API's answers that the mini program reads. The server's route schemas produce exactly these. */
import type { Role } from './roles';

export interface UserView {
  id: string;
  nickname: string;
  avatarUrl: string | null;
}

export interface MembershipView {
  communityId: string;
  communityName: string;
  role: Role;
  joinedAt: string;
}

export interface AuthResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

export interface MeView {
  user: UserView;
  memberships: MembershipView[];
}

export interface CommunityView {
  id: string;
  name: string;
  goal: string;
  rules: string;
  capacity: number;
  memberCount: number;
  myRole: Role;
  /** Shown to the whole team, so they can invite people; null for plain members. */
  inviteCode: string | null;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  nickname: string;
  avatarUrl: string | null;
  role: Role;
  joinedAt: string;
}

export interface CommunityInput {
  name: string;
  goal: string;
  rules: string;
  capacity?: number;
}

/** A ready-made user on the H5 dev login screen (dev login only). */
export interface DevUserView {
  nickname: string;
  /** Their role in the first community they joined, or null when they have none. */
  role: Role | null;
  communityName: string | null;
}
