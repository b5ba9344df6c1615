import { isWellFormedInviteCode, normaliseInviteCode } from '../../../src/domain/community-rules';
import type { CommunityView } from '../../../src/domain/contract/communities';
import type {
  CommunityPreviewView,
  JoinByCodeInput,
  JoinByGroupInput,
  JoinRequestInput,
  JoinRequestView,
  JoinResult,
  JoinVia,
  MyJoinRequestView,
} from '../../../src/domain/contract/joining';
import { pagePaths } from '../../../src/domain/page-paths';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { isBlocked } from '../communities/block-repository';
import {
  type CommunityRow,
  findCommunity,
  lockCommunity,
  lockCommunityByInviteCode,
  lockCommunityByWechatGroup,
} from '../communities/community-repository';
import { toCommunityView } from '../communities/community-view';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { countMembers, findMember, insertMembership, listTeamIds } from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import { enqueueNotice, enqueueNotices } from '../notifications';
import { openGroupId } from '../wechat/group-ticket';
import {
  decideJoinRequest,
  findJoinRequest,
  findPendingRequest,
  insertJoinRequest,
  type JoinRequestRow,
  listRequestsWithPeople,
  lockJoinRequest,
  pendingIn,
  withId,
} from './join-request-repository';
import { toJoinRequestView, toMyJoinRequestView } from './join-request-views';

export interface JoiningDeps {
  db: Database;
  textChecker: TextChecker;
  config: Pick<Config, 'wechatAppid'>;
}

const viaLabels: Record<JoinVia, string> = {
  invite_code: '通过邀请码',
  share_card: '通过分享卡片',
  wechat_group: '从微信群',
};

/** An inviter counts only while a member of that community: a stale or foreign id is dropped, not refused. */
async function memberOrNull(tx: Database, communityId: string, inviterId: string | null | undefined) {
  if (!inviterId) return null;
  return (await findMember(tx, communityId, inviterId)) ? inviterId : null;
}

/** Someone the team removed with a block stays out, whatever the way in, until the team lifts it. */
async function refuseBlocked(tx: Database, communityId: string, userId: string): Promise<void> {
  if (await isBlocked(tx, communityId, userId)) throw new AppError('BLOCKED_FROM_COMMUNITY', 403);
}

/**
 * Lets a user into a community whose row the caller has locked: capacity counted under the lock,
 * the inviter recorded, and a request of theirs still waiting closed as approved.
 */
async function admit(
  tx: Database,
  community: CommunityRow,
  userId: string,
  inviterId: string | null,
  approvedBy: string | null,
): Promise<CommunityView> {
  if (await findMember(tx, community.id, userId)) throw new AppError('ALREADY_MEMBER', 409);
  await refuseBlocked(tx, community.id, userId);
  const members = await countMembers(tx, community.id);
  if (members >= community.capacity) throw new AppError('COMMUNITY_FULL', 409);
  await insertMembership(tx, { communityId: community.id, userId, role: 'member', invitedBy: inviterId });
  const pending = await findPendingRequest(tx, community.id, userId);
  if (pending) await decideJoinRequest(tx, pending.id, { status: 'approved', decidedBy: approvedBy });
  return toCommunityView(community, members + 1, 'member');
}

async function queueRequest(
  tx: Database,
  community: CommunityRow,
  user: UserRow,
  request: { inviterId: string | null; via: JoinVia; note: string },
): Promise<MyJoinRequestView> {
  if (await findMember(tx, community.id, user.id)) throw new AppError('ALREADY_MEMBER', 409);
  await refuseBlocked(tx, community.id, user.id);
  if (await findPendingRequest(tx, community.id, user.id)) throw new AppError('JOIN_REQUEST_PENDING', 409);
  if ((await countMembers(tx, community.id)) >= community.capacity) throw new AppError('COMMUNITY_FULL', 409);
  const row = await insertJoinRequest(tx, { communityId: community.id, userId: user.id, ...request });
  const teamIds = await listTeamIds(tx, community.id, 'admin');
  await enqueueNotices(
    tx,
    teamIds.map((teamMemberId) => ({
      userId: teamMemberId,
      communityId: community.id,
      kind: 'join_requested' as const,
      title: `入群申请：${user.nickname}`,
      body: request.note || `${user.nickname} ${viaLabels[request.via]}申请加入「${community.name}」`,
      link: pagePaths.joinRequests,
      dedupeKey: `join-request:${row.id}:team:${teamMemberId}`,
    })),
  );
  return toMyJoinRequestView(row, community.name);
}

function checkNote(deps: JoiningDeps, user: UserRow, note: string | undefined): Promise<void> {
  return requireAcceptableTexts(deps.textChecker, user, 'comment', { note });
}

/** With join approval on, the code queues a request; otherwise it lets the user in at once. */
export async function joinByInviteCode(
  deps: JoiningDeps,
  user: UserRow,
  input: JoinByCodeInput,
): Promise<JoinResult> {
  const inviteCode = normaliseInviteCode(input.inviteCode);
  if (!isWellFormedInviteCode(inviteCode)) throw new AppError('INVITE_CODE_INVALID', 404);
  await checkNote(deps, user, input.note);
  return deps.db.transaction(async (tx) => {
    const community = await lockCommunityByInviteCode(tx, inviteCode);
    if (!community) throw new AppError('INVITE_CODE_INVALID', 404);
    const inviterId = await memberOrNull(tx, community.id, input.inviterId);
    if (community.joinApproval) {
      const request = await queueRequest(tx, community, user, {
        inviterId,
        via: 'invite_code',
        note: input.note ?? '',
      });
      return { outcome: 'requested', request };
    }
    return { outcome: 'joined', community: await admit(tx, community, user.id, inviterId, null) };
  });
}

/** A share card without an invite code: the team decides, whatever the approval setting. */
export async function requestToJoin(
  deps: JoiningDeps,
  user: UserRow,
  communityId: string,
  input: JoinRequestInput,
): Promise<MyJoinRequestView> {
  await checkNote(deps, user, input.note);
  return deps.db.transaction(async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community) throw new AppError('NOT_FOUND', 404);
    const inviterId = await memberOrNull(tx, community.id, input.inviterId);
    return queueRequest(tx, community, user, { inviterId, via: 'share_card', note: input.note ?? '' });
  });
}

/** Opened from a share card inside the bound WeChat group: being in the group is the invitation. */
export async function joinByWechatGroup(
  deps: JoiningDeps,
  user: UserRow,
  input: JoinByGroupInput,
): Promise<JoinResult> {
  const groupId = openGroupId(user.sessionKey, input, deps.config.wechatAppid);
  return deps.db.transaction(async (tx) => {
    const community = await lockCommunityByWechatGroup(tx, groupId);
    if (!community) throw new AppError('GROUP_NOT_BOUND', 404);
    const inviterId = await memberOrNull(tx, community.id, input.inviterId);
    return { outcome: 'joined', community: await admit(tx, community, user.id, inviterId, null) };
  });
}

export async function previewCommunity(
  db: Database,
  user: UserRow,
  communityId: string,
  inviterId: string | undefined,
): Promise<CommunityPreviewView> {
  const community = await findCommunity(db, communityId);
  if (!community) throw new AppError('NOT_FOUND', 404);
  const inviter = inviterId ? await findMember(db, communityId, inviterId) : undefined;
  const pending = await findPendingRequest(db, communityId, user.id);
  return {
    id: community.id,
    name: community.name,
    goal: community.goal,
    rules: community.rules,
    memberCount: await countMembers(db, communityId),
    capacity: community.capacity,
    joinApproval: community.joinApproval,
    inviter: inviter
      ? { id: inviter.userId, nickname: inviter.nickname, avatarUrl: inviter.avatarUrl }
      : null,
    alreadyMember: (await findMember(db, communityId, user.id)) !== undefined,
    myPendingRequest: pending ? toMyJoinRequestView(pending, community.name) : null,
  };
}

export async function listJoinRequests(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<JoinRequestView[]> {
  await requireMembership(db, communityId, user.id, 'admin');
  return (await listRequestsWithPeople(db, pendingIn(communityId))).map(toJoinRequestView);
}

/**
 * The community row is locked before the request (the order every join path uses), so an approval
 * counts capacity after any join in flight, and two reviewers deciding at once decide once.
 */
async function decide(
  db: Database,
  user: UserRow,
  requestId: string,
  act: (tx: Database, community: CommunityRow, request: JoinRequestRow) => Promise<void>,
): Promise<JoinRequestView> {
  return db.transaction(async (tx) => {
    const unlocked = await findJoinRequest(tx, requestId);
    if (!unlocked) throw new AppError('NOT_FOUND', 404);
    const community = await lockCommunity(tx, unlocked.communityId);
    await requireMembership(tx, unlocked.communityId, user.id, 'admin');
    const request = await lockJoinRequest(tx, requestId);
    if (request?.status !== 'pending') throw new AppError('JOIN_REQUEST_DECIDED', 409);
    await act(tx, community!, request);
    const [decided] = await listRequestsWithPeople(tx, withId(requestId));
    return toJoinRequestView(decided!);
  });
}

export function approveJoinRequest(db: Database, user: UserRow, requestId: string): Promise<JoinRequestView> {
  return decide(db, user, requestId, async (tx, community, request) => {
    const inviterId = await memberOrNull(tx, community.id, request.inviterId);
    await admit(tx, community, request.userId, inviterId, user.id);
    await enqueueNotice(tx, {
      userId: request.userId,
      communityId: community.id,
      kind: 'join_approved',
      title: `入群申请已通过：${community.name}`,
      body: '欢迎加入！先读一读社群目标和群规吧。',
      link: pagePaths.home,
      dedupeKey: `join-request:${request.id}:decision`,
    });
  });
}

export async function declineJoinRequest(
  deps: JoiningDeps,
  user: UserRow,
  requestId: string,
  reason: string | undefined,
): Promise<JoinRequestView> {
  await requireAcceptableTexts(deps.textChecker, user, 'comment', { reason });
  return decide(deps.db, user, requestId, async (tx, community, request) => {
    await decideJoinRequest(tx, request.id, { status: 'declined', reason: reason ?? '', decidedBy: user.id });
    await enqueueNotice(tx, {
      userId: request.userId,
      communityId: community.id,
      kind: 'join_declined',
      title: `入群申请未通过：${community.name}`,
      body: reason ? `原因：${reason}` : '群主或管理员没有通过这次申请。',
      link: pagePaths.home,
      dedupeKey: `join-request:${request.id}:decision`,
    });
  });
}

/** Only the author may withdraw; anyone else learns nothing about the request. */
export async function withdrawJoinRequest(
  db: Database,
  user: UserRow,
  requestId: string,
): Promise<MyJoinRequestView> {
  return db.transaction(async (tx) => {
    const request = await lockJoinRequest(tx, requestId);
    if (!request || request.userId !== user.id) throw new AppError('NOT_FOUND', 404);
    if (request.status !== 'pending') throw new AppError('JOIN_REQUEST_DECIDED', 409);
    const withdrawn = await decideJoinRequest(tx, requestId, { status: 'withdrawn', decidedBy: user.id });
    const community = await findCommunity(tx, request.communityId);
    return toMyJoinRequestView(withdrawn, community!.name);
  });
}
