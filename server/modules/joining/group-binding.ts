import type { CommunityView } from '../../../src/domain/contract/communities';
import type { GroupTicketInput } from '../../../src/domain/contract/joining';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { isUniqueViolation } from '../../db/unique-violation';
import type { UserRow } from '../auth/user-repository';
import {
  lockCommunity,
  lockCommunityByWechatGroup,
  updateCommunity,
} from '../communities/community-repository';
import { toCommunityView } from '../communities/community-view';
import { countMembers } from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import { openGroupId } from '../wechat/group-ticket';
import type { JoiningDeps } from './join-service';

async function setWechatGroup(
  db: Database,
  user: UserRow,
  communityId: string,
  wechatGroupId: string | null,
): Promise<CommunityView> {
  try {
    return await writeWechatGroup(db, user, communityId, wechatGroupId);
  } catch (error) {
    // Two communities binding one group at the same moment: the unique index decides.
    if (isUniqueViolation(error, 'communities_wechat_group_id_unique')) {
      throw new AppError('GROUP_BOUND_ELSEWHERE', 409);
    }
    throw error;
  }
}

function writeWechatGroup(
  db: Database,
  user: UserRow,
  communityId: string,
  wechatGroupId: string | null,
): Promise<CommunityView> {
  return db.transaction(async (tx) => {
    const community = await lockCommunity(tx, communityId);
    const role = await requireMembership(tx, communityId, user.id, 'owner');
    if (wechatGroupId !== null) {
      const holder = await lockCommunityByWechatGroup(tx, wechatGroupId);
      if (holder && holder.id !== community!.id) throw new AppError('GROUP_BOUND_ELSEWHERE', 409);
    }
    const updated = await updateCommunity(tx, communityId, { wechatGroupId });
    return toCommunityView(updated, await countMembers(tx, communityId), role);
  });
}

/**
 * The owner, opened from a share card inside the group, binds the community to it: like join
 * approval, it decides who gets in without a code, so it is the owner's setting.
 */
export async function bindWechatGroup(
  deps: JoiningDeps,
  user: UserRow,
  communityId: string,
  ticket: GroupTicketInput,
): Promise<CommunityView> {
  // Checked before decrypting, so an outsider learns nothing about the ticket; checked again under the lock.
  await requireMembership(deps.db, communityId, user.id, 'owner');
  const groupId = openGroupId(user.sessionKey, ticket, deps.config.wechatAppid);
  return setWechatGroup(deps.db, user, communityId, groupId);
}

export function unbindWechatGroup(db: Database, user: UserRow, communityId: string): Promise<CommunityView> {
  return setWechatGroup(db, user, communityId, null);
}
