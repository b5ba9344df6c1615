import type { CommunityView } from '../../../src/domain/contract/communities';
import { isTeamRole, type Role } from '../../../src/domain/roles';
import type { CommunityRow } from './community-repository';

export function toCommunityView(community: CommunityRow, memberCount: number, myRole: Role): CommunityView {
  return {
    id: community.id,
    name: community.name,
    goal: community.goal,
    rules: community.rules,
    capacity: community.capacity,
    memberCount,
    myRole,
    inviteCode: isTeamRole(myRole) ? community.inviteCode : null,
    joinApproval: community.joinApproval,
    wechatGroupBound: community.wechatGroupId !== null,
    lateCancelHours: community.lateCancelHours,
    gentleRule: community.gentleRule,
    createdAt: community.createdAt.toISOString(),
  };
}
