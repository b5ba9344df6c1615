import { communityLimits } from '../../../src/domain/community-rules';
import type {
  CommunityChanges,
  CommunityInput,
  CommunityView,
  MemberView,
} from '../../../src/domain/contract/communities';
import type { AssignableRole, Role } from '../../../src/domain/roles';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import {
  confirmRules,
  countMembers,
  findMember,
  insertMembership,
  listMembers,
  updateRole,
} from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import {
  type CommunityRow,
  findCommunity,
  insertCommunity,
  lockCommunity,
  unusedInviteCode,
  updateCommunity,
} from './community-repository';
import { toCommunityView } from './community-view';
import { endMembership } from './end-membership';

export interface CommunityDeps {
  db: Database;
  textChecker: TextChecker;
}

type CommunityText = Partial<Pick<CommunityInput, 'name' | 'goal' | 'rules'>>;

function toMemberView(member: Awaited<ReturnType<typeof listMembers>>[number]): MemberView {
  return { ...member, joinedAt: member.joinedAt.toISOString() };
}

function checkCommunityText(textChecker: TextChecker, text: CommunityText, user: UserRow): Promise<void> {
  return requireAcceptableTexts(textChecker, user, 'profile', {
    name: text.name,
    goal: text.goal,
    rules: text.rules,
  });
}

/**
 * Every change of membership or roles locks the community row first, so they run one after another:
 * without it a transfer racing a role change or a leave could leave the community with no owner.
 * (The partial unique index only guarantees at most one.)
 */
async function lockCommunityOrNotFound(tx: Database, communityId: string): Promise<CommunityRow> {
  const community = await lockCommunity(tx, communityId);
  if (!community) throw new AppError('NOT_FOUND', 404);
  return community;
}

async function viewFor(tx: Database, community: CommunityRow, role: Role): Promise<CommunityView> {
  return toCommunityView(community, await countMembers(tx, community.id), role);
}

export async function createCommunity(
  { db, textChecker }: CommunityDeps,
  user: UserRow,
  input: CommunityInput,
): Promise<CommunityView> {
  await checkCommunityText(textChecker, input, user);
  return db.transaction(async (tx) => {
    const community = await insertCommunity(tx, {
      name: input.name,
      goal: input.goal,
      rules: input.rules,
      capacity: input.capacity ?? communityLimits.capacityDefault,
      inviteCode: await unusedInviteCode(tx),
    });
    await insertMembership(tx, {
      communityId: community.id,
      userId: user.id,
      role: 'owner',
      rulesConfirmedAt: new Date(),
    });
    return toCommunityView(community, 1, 'owner');
  });
}

export async function getCommunity(db: Database, user: UserRow, communityId: string): Promise<CommunityView> {
  const role = await requireMembership(db, communityId, user.id, 'member');
  const community = await findCommunity(db, communityId);
  if (!community) throw new AppError('NOT_FOUND', 404);
  return viewFor(db, community, role);
}

export async function updateCommunitySettings(
  { db, textChecker }: CommunityDeps,
  user: UserRow,
  communityId: string,
  changes: CommunityChanges,
): Promise<CommunityView> {
  // Checked before the text check, so an outsider learns nothing from it; checked again under the lock.
  await requireMembership(db, communityId, user.id, 'owner');
  await checkCommunityText(textChecker, changes, user);
  return db.transaction(async (tx) => {
    await lockCommunityOrNotFound(tx, communityId);
    const role = await requireMembership(tx, communityId, user.id, 'owner');
    const members = await countMembers(tx, communityId);
    if (changes.capacity !== undefined && changes.capacity < members) {
      throw new AppError('CAPACITY_BELOW_MEMBERS', 409);
    }
    const updated = await updateCommunity(tx, communityId, changes);
    return toCommunityView(updated, members, role);
  });
}

export async function listCommunityMembers(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<MemberView[]> {
  await requireMembership(db, communityId, user.id, 'member');
  return (await listMembers(db, communityId)).map(toMemberView);
}

export async function changeMemberRole(
  db: Database,
  user: UserRow,
  communityId: string,
  targetUserId: string,
  role: AssignableRole,
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    await lockCommunityOrNotFound(tx, communityId);
    await requireMembership(tx, communityId, user.id, 'owner');
    if (targetUserId === user.id) throw new AppError('CANNOT_CHANGE_OWN_ROLE', 409);
    if (!(await findMember(tx, communityId, targetUserId))) throw new AppError('MEMBER_NOT_FOUND', 404);
    await updateRole(tx, communityId, targetUserId, role);
    return toMemberView((await findMember(tx, communityId, targetUserId))!);
  });
}

/** The old owner steps down to admin before the new one steps up: the one-owner index holds at every statement. */
export async function transferOwnership(
  db: Database,
  user: UserRow,
  communityId: string,
  newOwnerId: string,
): Promise<CommunityView> {
  return db.transaction(async (tx) => {
    const community = await lockCommunityOrNotFound(tx, communityId);
    await requireMembership(tx, communityId, user.id, 'owner');
    if (newOwnerId === user.id) throw new AppError('CANNOT_CHANGE_OWN_ROLE', 409);
    if (!(await findMember(tx, communityId, newOwnerId))) throw new AppError('MEMBER_NOT_FOUND', 404);
    await updateRole(tx, communityId, user.id, 'admin');
    await updateRole(tx, communityId, newOwnerId, 'owner');
    return viewFor(tx, community, 'admin');
  });
}

export async function leaveCommunity(db: Database, user: UserRow, communityId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCommunityOrNotFound(tx, communityId);
    const role = await requireMembership(tx, communityId, user.id, 'member');
    if (role === 'owner') throw new AppError('OWNER_CANNOT_LEAVE', 409);
    await endMembership(tx, communityId, user.id, { kind: 'left' });
  });
}

export async function resetInviteCode(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<CommunityView> {
  return db.transaction(async (tx) => {
    const role = await requireMembership(tx, communityId, user.id, 'admin');
    const updated = await updateCommunity(tx, communityId, { inviteCode: await unusedInviteCode(tx) });
    return viewFor(tx, updated, role);
  });
}

export async function confirmCommunityRules(db: Database, user: UserRow, communityId: string): Promise<void> {
  await requireMembership(db, communityId, user.id, 'member');
  await confirmRules(db, communityId, user.id);
}
