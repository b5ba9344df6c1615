/**
 * Roles inside one community, highest first: the order of rank everywhere (permission checks, lists of
 * members). Exactly one owner; the lean team the essay recommends is one admin and one secretary.
 */
export const roles = ['owner', 'admin', 'secretary', 'member'] as const;
export type Role = (typeof roles)[number];

/** Roles the owner may hand out with a role change; `owner` moves only by transfer. */
export const assignableRoles = ['admin', 'secretary', 'member'] as const;
export type AssignableRole = (typeof assignableRoles)[number];

export const roleLabels: Record<Role, string> = {
  owner: '群主',
  admin: '管理员',
  secretary: '秘书',
  member: '成员',
};

/** True when `role` is at least `minimum` (owner > admin > secretary > member). */
export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) <= roles.indexOf(minimum);
}

/** Owner, admins and secretary form the team that publishes and schedules. */
export function isTeamRole(role: Role): boolean {
  return role !== 'member';
}

/**
 * Who may remove whom: the owner and admins remove members whose role is below theirs. The owner
 * may remove anyone but themselves; an admin the secretary and members, not the owner or another admin.
 */
export function canRemoveMember(actor: Role, target: Role): boolean {
  return hasRoleAtLeast(actor, 'admin') && roles.indexOf(target) > roles.indexOf(actor);
}

export const recommendedTeam = { admin: 1, secretary: 1 } as const;
