import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { communities } from '../../db/schema';
import { randomInviteCode } from './invite-code';

export type CommunityRow = typeof communities.$inferSelect;

export async function findCommunity(tx: Database, communityId: string): Promise<CommunityRow | undefined> {
  const [community] = await tx.select().from(communities).where(eq(communities.id, communityId));
  return community;
}

/** Locks the row until the transaction ends: joins and capacity changes queue behind each other. */
export async function lockCommunity(tx: Database, communityId: string): Promise<CommunityRow | undefined> {
  const [community] = await tx
    .select()
    .from(communities)
    .where(eq(communities.id, communityId))
    .for('update');
  return community;
}

export async function lockCommunityByInviteCode(
  tx: Database,
  inviteCode: string,
): Promise<CommunityRow | undefined> {
  const [community] = await tx
    .select()
    .from(communities)
    .where(eq(communities.inviteCode, inviteCode))
    .for('update');
  return community;
}

export async function lockCommunityByWechatGroup(
  tx: Database,
  wechatGroupId: string,
): Promise<CommunityRow | undefined> {
  const [community] = await tx
    .select()
    .from(communities)
    .where(eq(communities.wechatGroupId, wechatGroupId))
    .for('update');
  return community;
}

/**
 * 31^6 codes make a collision rare, not impossible. Checking first keeps the transaction alive:
 * on PostgreSQL a unique violation would abort it.
 */
export async function unusedInviteCode(tx: Database): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const code = randomInviteCode();
    const [taken] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.inviteCode, code));
    if (!taken) return code;
  }
  throw new Error('no unused invite code after 10 attempts');
}

export async function insertCommunity(
  tx: Database,
  community: Pick<CommunityRow, 'name' | 'goal' | 'rules' | 'capacity' | 'inviteCode'>,
): Promise<CommunityRow> {
  const [created] = await tx.insert(communities).values(community).returning();
  return created!;
}

export async function updateCommunity(
  tx: Database,
  communityId: string,
  changes: Partial<
    Pick<
      CommunityRow,
      | 'name'
      | 'goal'
      | 'rules'
      | 'capacity'
      | 'inviteCode'
      | 'joinApproval'
      | 'wechatGroupId'
      | 'lateCancelHours'
      | 'gentleRule'
    >
  >,
): Promise<CommunityRow> {
  const [updated] = await tx
    .update(communities)
    .set(changes)
    .where(eq(communities.id, communityId))
    .returning();
  return updated!;
}
