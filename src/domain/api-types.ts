/** Shapes of the API's answers that the mini program reads. The server's route schemas produce exactly these. */
import type { SubscribeTemplateKey } from './notices';
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
  /** False until the member has read the goal and rules and confirmed them (首页 asks first). */
  rulesConfirmed: boolean;
}

export interface AuthResult {
  token: string;
  expiresAt: string;
  user: UserView;
}

export interface MeView {
  user: UserView;
  memberships: MembershipView[];
  /** My join requests still waiting, and those declined in the last 7 days (with the reason). */
  joinRequests: MyJoinRequestView[];
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
  /** Owner setting: newcomers with an invite code or a share card wait for the owner or an admin. */
  joinApproval: boolean;
  /** Bound to its WeChat group: members opening a share card inside that group join without a code. */
  wechatGroupBound: boolean;
  createdAt: string;
}

export type JoinVia = 'invite_code' | 'share_card' | 'wechat_group';
export type JoinRequestStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

/** A join request as the owner and admins review it (GET /api/communities/{id}/join-requests). */
export interface JoinRequestView {
  id: string;
  communityId: string;
  user: UserView;
  /** The member whose share card brought them, when still a member. */
  inviter: UserView | null;
  via: JoinVia;
  /** The newcomer's few words to the team, '' when none. */
  note: string;
  status: JoinRequestStatus;
  /** Decline reason, '' when none. */
  reason: string;
  createdAt: string;
  decidedAt: string | null;
}

/** My own join request, as its author sees it. */
export interface MyJoinRequestView {
  id: string;
  communityId: string;
  communityName: string;
  status: JoinRequestStatus;
  reason: string;
  createdAt: string;
}

/** POST /api/communities/join and /join-by-group: in at once, or queued for approval. */
export type JoinResult =
  | { outcome: 'joined'; community: CommunityView }
  | { outcome: 'requested'; request: MyJoinRequestView };

/** A share card's landing page, before joining: GET /api/communities/{id}/preview (any signed-in user). */
export interface CommunityPreviewView {
  id: string;
  name: string;
  goal: string;
  rules: string;
  memberCount: number;
  capacity: number;
  joinApproval: boolean;
  /** The member named in the card, when still a member. */
  inviter: UserView | null;
  alreadyMember: boolean;
  myPendingRequest: MyJoinRequestView | null;
}

/** The encrypted group info of `Taro.getGroupEnterInfo`, decrypted on the server with my session key. */
export interface GroupTicketInput {
  encryptedData: string;
  iv: string;
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
  /** PATCH only (owner). */
  joinApproval?: boolean;
}

/** A ready-made user on the H5 dev login screen (dev login only). */
export interface DevUserView {
  nickname: string;
  /** Their role in the first community they joined, or null when they have none. */
  role: Role | null;
  communityName: string | null;
}

/** A member's profile in one community (GET /api/communities/{id}/members/me and /members/{userId}). */
export interface MemberProfileView {
  userId: string;
  nickname: string;
  avatarUrl: string | null;
  bio: string;
  /** Normalised, in the order the member chose. */
  tags: string[];
  role: Role;
  joinedAt: string;
  /** Only in my own profile: other members never learn it. */
  hiddenFromSimilar?: boolean;
}

/** PATCH /api/communities/{id}/members/me: any subset; bio '' clears it, avatarUploadId null clears the avatar. */
export interface MemberProfileChanges {
  nickname?: string;
  avatarUploadId?: string | null;
  bio?: string;
  tags?: string[];
  hiddenFromSimilar?: boolean;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface MemberSummaryView {
  userId: string;
  nickname: string;
  avatarUrl: string | null;
  bio: string;
  role: Role;
}

export interface SimilarMemberView extends MemberSummaryView {
  sharedTags: string[];
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface SuggestedTagView {
  id: string;
  tag: string;
  hidden: boolean;
  /** Members holding it now. */
  count: number;
}

export interface UploadView {
  id: string;
  url: string;
}

/** A member's own sign-up for a session; `position` is set only while waitlisted (1 = next in line). */
export interface MySignupView {
  status: 'confirmed' | 'offered' | 'waitlisted';
  guests: number;
  position: number | null;
  /** Until when an offered (promoted) party may claim its seats. */
  offerExpiresAt: string | null;
  checkedIn: boolean;
  feedback: { rating: number; comment: string } | null;
}

export interface SessionSummaryView {
  id: string;
  communityId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  mode: 'online' | 'offline';
  hostNickname: string;
  capacity: number;
  /** Seats held by confirmed (and offered) parties, guests included. */
  confirmedCount: number;
  seatsLeft: number;
  /** Parties waiting. */
  waitlistCount: number;
  tags: string[];
  status: 'scheduled' | 'cancelled';
  mySignup: MySignupView | null;
}

export interface SessionView extends SessionSummaryView {
  description: string;
  host: UserView;
  meetingLink: string | null;
  address: string | null;
  materials: string[];
  signUpDeadline: string;
  reminderOffsets: number[];
  claimWindowHours: number | null;
  /** The caller may edit, cancel and open check-in (host or team). */
  canManage: boolean;
}

export interface SessionPage {
  items: SessionSummaryView[];
  nextCursor: string | null;
}

export interface SessionInput {
  title: string;
  description?: string;
  hostUserId?: string;
  startsAt: string;
  durationMinutes: number;
  mode: 'online' | 'offline';
  meetingLink?: string;
  address?: string;
  capacity: number;
  signUpDeadline?: string;
  materials?: string[];
  tags?: string[];
  reminderOffsets?: number[];
  claimWindowHours?: number | null;
}

export interface SignUpResult {
  status: 'confirmed' | 'waitlisted' | 'offered';
  position?: number;
  guests: number;
  /** Set when I am already confirmed for a session at an overlapping time (a warning, not a refusal). */
  overlapping?: { id: string; title: string; startsAt: string };
}

export interface AttendeeView {
  userId: string;
  nickname: string;
  avatarUrl: string | null;
  guests: number;
  status: 'confirmed' | 'offered' | 'waitlisted';
  checkedInAt: string | null;
}

export interface AttendanceView {
  sessionId: string;
  checkInCode: string | null;
  checkInOpensAt: string;
  checkInClosesAt: string;
  attendees: AttendeeView[];
  checkedInCount: number;
  feedbackCount: number;
  averageRating: number | null;
  comments: { nickname: string; rating: number; comment: string }[];
}

import type { TipStatus } from './tips';

export type { TipStatus };

export interface TipAuthorView {
  id: string;
  nickname: string;
}

/** A tip as a feed card. */
export interface TipCardView {
  id: string;
  communityId: string;
  title: string;
  body: string;
  minutes: number;
  tags: string[];
  status: TipStatus;
  author: TipAuthorView;
  /** True when a member suggested it and the team published it: shown as 群友投稿. */
  suggested: boolean;
  publishedAt: string | null;
  publishAt: string | null;
  imageUrl: string | null;
  likeCount: number;
  saveCount: number;
  tryCount: number;
  /** 1 when written, +1 on every edit: publishing or declining names the version the reviewer saw. */
  version: number;
}

export interface TipTryView {
  note: string | null;
  updatedAt: string;
}

export interface TipDetailView extends TipCardView {
  steps: string[];
  liked: boolean;
  saved: boolean;
  myTry: TipTryView | null;
  declineReason: string | null;
  /** Team members may edit, publish and unpublish. */
  canManage: boolean;
  createdAt: string;
}

export interface TipNoteView {
  user: TipAuthorView;
  note: string | null;
  updatedAt: string;
}

export interface TipInput {
  title: string;
  body: string;
  steps: string[];
  tags: string[];
  minutes: number;
  /** Team only: schedule instead of publishing now. */
  publishAt?: string;
  /** Team only: keep as a draft. Members' tips are always suggestions for review. */
  draft?: boolean;
  /** An upload of mine (POST /api/uploads); null removes the picture, absent keeps it. */
  imageUploadId?: string | null;
}

/** Promotion slots (推广). Times are ISO strings; wall-clock times are China's. */
export interface PromotionScheduleView {
  weekday: number;
  startTime: string;
  durationMinutes: number;
  places: number;
}

export interface PromotionRulesView {
  minTenureDays: number;
  windowDays: number;
  approvedPerWindow: number;
  earnedExtraPerWindow: number;
  pendingMax: number;
  weeksOpen: number;
  schedule: PromotionScheduleView[];
}

export interface PromotionRulesInput {
  minTenureDays: number;
  schedule: PromotionScheduleView[];
}

export interface PromotionSlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  places: number;
  remaining: number;
  closed: boolean;
  source: 'schedule' | 'extra';
}

export interface ExtraSlotInput {
  startsAt: string;
  durationMinutes: number;
  places: number;
}

export interface PromotionEligibilityView {
  eligible: boolean;
  problems: Array<{ reason: string; message: string; eligibleFrom: string | null }>;
  eligibleFrom: string | null;
  allowance: number;
  usedInWindow: number;
  earnedExtra: string | null;
  joinedAt: string;
}

export interface PromotionRequestInput {
  slotId: string;
  title: string;
  content: string;
  link?: string;
  imageUploadId?: string;
  category: string;
}

export interface PromotionRequestView {
  id: string;
  communityId: string;
  slot: PromotionSlotView;
  author: UserView;
  title: string;
  content: string;
  link: string | null;
  imageUrl: string | null;
  category: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  rejectReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** 1 when submitted, +1 on every edit by the author: a decision names the version the reviewer saw. */
  version: number;
}

/** A request in the review queue, with what the reviewer needs to decide in one glance. */
export interface PromotionReviewItemView extends PromotionRequestView {
  joinedAt: string;
  lastApprovedSlotStartsAt: string | null;
  /** The content-security verdict at the last submit or edit ("通过" or the reason). */
  contentVerdict: string;
}

export interface PromotionBoardView {
  /** Approved promotions of the slot running now. */
  current: PromotionRequestView[];
  /** Approved promotions of the slots to come. */
  upcoming: PromotionRequestView[];
}

export interface PromotionArchivePage {
  items: PromotionRequestView[];
  nextCursor: string | null;
}

/** One message of 我的 → 消息 (notifications). */
export interface InboxMessageView {
  id: string;
  communityId: string;
  communityName: string;
  /** A NoticeKind of src/domain/notices.ts. */
  kind: string;
  title: string;
  body: string;
  /** Mini program page path with query, opened when the message is tapped. */
  link: string;
  createdAt: string;
  read: boolean;
}

export interface InboxPage {
  items: InboxMessageView[];
  nextCursor: string | null;
  unreadCount: number;
}

/** What the mini program needs to know from the server's configuration (notifications). */
export interface ClientConfigView {
  /** WeChat subscribe-message template ids by key; a key is missing when not configured. */
  subscribeTemplates: Partial<Record<SubscribeTemplateKey, string>>;
}

export interface TipTagsView {
  /** 我的标签, first among the feed's chips. */
  myTags: string[];
  /** The most used tags of published tips that are not mine. */
  otherTags: string[];
}

/** "想听这个" on a tip: whether I asked for a session on it, and how many did. */
export interface TipWantView {
  tipId: string;
  wanted: boolean;
  wantCount: number;
}

export interface WantedTopicView {
  tipId: string;
  title: string;
  tags: string[];
  wantCount: number;
}

/** The owner's dashboard (issue 7). Weeks are ISO weeks in China time, oldest first, `weekStart` a Monday `YYYY-MM-DD`. */
export interface DashboardSizeWeek {
  weekStart: string;
  joined: number;
  left: number;
}

export interface DashboardContentWeek {
  weekStart: string;
  published: number;
  saved: number;
  tried: number;
}

export interface DashboardPromotionWeek {
  weekStart: string;
  requested: number;
  approved: number;
  rejected: number;
  /** Places of slots that started this week and ended with nobody approved in them. */
  emptyPlaces: number;
}

export interface DashboardSessionView {
  id: string;
  title: string;
  startsAt: string;
  capacity: number;
  seatsTaken: number;
  fillPercent: number;
  waitlisted: number;
  /** Null while the session has not started. */
  attended: number | null;
}

export interface DashboardView {
  size: {
    memberCount: number;
    capacity: number;
    band: { min: number; max: number };
    advice: string;
    weeks: DashboardSizeWeek[];
  };
  team: {
    admins: number;
    secretaries: number;
    recommended: { admin: number; secretary: number };
    note: string | null;
  };
  content: {
    weeks: DashboardContentWeek[];
    mostTried: { id: string; title: string; tryCount: number }[];
  };
  sessions: DashboardSessionView[];
  promotions: DashboardPromotionWeek[];
  tags: {
    top: { tag: string; holders: number; addedRecently: number }[];
    /** Weeks over which `addedRecently` counts new holders. */
    growthWeeks: number;
  };
}

/** 新人欢迎 (issue 7): the period's newcomers, oldest first, and the message to copy into the group. */
export interface WelcomeDigestView {
  period: 'day' | 'week';
  /** Start of the period (today or this ISO week, China time). */
  since: string;
  newcomers: {
    userId: string;
    nickname: string;
    /** The inviter's name in the group, when known. */
    invitedBy: string | null;
    joinedAt: string;
    tags: string[];
    sharedTags: { tag: string; others: number }[];
  }[];
  /** '' when nobody joined in the period. */
  text: string;
}
