import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { hasRoleAtLeast, type Role, roles } from '../../../src/domain/roles';
import type { Database } from '../../db/database';
import { communities, membershipEvents, memberships, users } from '../../db/schema';

export async function findRole(tx: Database, communityId: string, userId: string): Promise<Role | undefined> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row?.role;
}

/** The members holding at least this role: who hears of a new join request, for instance. */
export async function listTeamIds(tx: Database, communityId: string, minimumRole: Role): Promise<string[]> {
  const allowed = roles.filter((role) => hasRoleAtLeast(role, minimumRole));
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, allowed)));
  return rows.map((row) => row.userId);
}

export async function countMembers(tx: Database, communityId: string): Promise<number> {
  const [row] = await tx
    .select({ total: count() })
    .from(memberships)
    .where(eq(memberships.communityId, communityId));
  return row?.total ?? 0;
}

/** A membership and its `joined` event are one write, so the dashboard's history cannot miss a join. */
export async function insertMembership(
  tx: Database,
  membership: {
    communityId: string;
    userId: string;
    role: Role;
    joinedAt?: Date;
    invitedBy?: string | null;
    rulesConfirmedAt?: Date | null;
  },
): Promise<void> {
  const [row] = await tx.insert(memberships).values(membership).returning({ joinedAt: memberships.joinedAt });
  await tx.insert(membershipEvents).values({
    communityId: membership.communityId,
    userId: membership.userId,
    kind: 'joined',
    at: row!.joinedAt,
  });
}

/**
 * Why a membership ended, recorded as its event: the member left, or the team removed them (who, and
 * the reason they gave). Account closure will add its own.
 */
export type MembershipEnd = { kind: 'left' } | { kind: 'removed'; actorId: string; reason: string };

/** Only `endMembership` (communities) calls this: a membership never ends without its sign-ups and notices. */
export async function deleteMembership(
  tx: Database,
  communityId: string,
  userId: string,
  end: MembershipEnd,
): Promise<void> {
  const removed = await tx
    .delete(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)))
    .returning({ id: memberships.id });
  if (removed.length > 0) await tx.insert(membershipEvents).values({ communityId, userId, ...end });
}

/** Idempotent: the first confirmation's time is kept. */
export async function confirmRules(tx: Database, communityId: string, userId: string): Promise<void> {
  await tx
    .update(memberships)
    .set({ rulesConfirmedAt: sql`coalesce(${memberships.rulesConfirmedAt}, now())` })
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
}

export async function updateRole(
  tx: Database,
  communityId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
}

/** Highest role first, in the order of the domain's role list. */
const roleOrder = sql`array_position(array[${sql.raw(roles.map((role) => `'${role}'`).join(', '))}], ${memberships.role}::text)`;

/** The team first (owner, admins, secretary), then members by arrival. */
export async function listMembers(tx: Database, communityId: string) {
  return tx
    .select({
      userId: users.id,
      nickname: users.nickname,
      avatarUrl: users.avatarUrl,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.communityId, communityId))
    .orderBy(roleOrder, asc(memberships.joinedAt), asc(users.id));
}

export async function findMember(tx: Database, communityId: string, userId: string) {
  const rows = await tx
    .select({
      userId: users.id,
      nickname: users.nickname,
      avatarUrl: users.avatarUrl,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return rows[0];
}

export async function listMembershipsOfUser(tx: Database, userId: string) {
  return tx
    .select({
      communityId: communities.id,
      communityName: communities.name,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
      rulesConfirmedAt: memberships.rulesConfirmedAt,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.joinedAt));
}
