import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database';
import { communityBlocks, users } from '../../db/schema';

/** A second block of the same user keeps the first row and takes the latest reason and remover. */
export async function blockUser(
  tx: Database,
  block: { communityId: string; userId: string; reason: string; blockedBy: string; createdAt: Date },
): Promise<void> {
  await tx
    .insert(communityBlocks)
    .values(block)
    .onConflictDoUpdate({
      target: [communityBlocks.communityId, communityBlocks.userId],
      set: { reason: block.reason, blockedBy: block.blockedBy, createdAt: block.createdAt },
    });
}

export async function isBlocked(tx: Database, communityId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: communityBlocks.id })
    .from(communityBlocks)
    .where(and(eq(communityBlocks.communityId, communityId), eq(communityBlocks.userId, userId)));
  return row !== undefined;
}

/** True when there was a block to lift. */
export async function liftBlock(tx: Database, communityId: string, userId: string): Promise<boolean> {
  const lifted = await tx
    .delete(communityBlocks)
    .where(and(eq(communityBlocks.communityId, communityId), eq(communityBlocks.userId, userId)))
    .returning({ id: communityBlocks.id });
  return lifted.length > 0;
}

const remover = alias(users, 'remover');

/** Newest first. */
export async function listBlocks(tx: Database, communityId: string) {
  return tx
    .select({
      userId: users.id,
      nickname: users.nickname,
      avatarUrl: users.avatarUrl,
      reason: communityBlocks.reason,
      blockedByNickname: remover.nickname,
      blockedAt: communityBlocks.createdAt,
    })
    .from(communityBlocks)
    .innerJoin(users, eq(users.id, communityBlocks.userId))
    .leftJoin(remover, eq(remover.id, communityBlocks.blockedBy))
    .where(eq(communityBlocks.communityId, communityId))
    .orderBy(desc(communityBlocks.createdAt), desc(communityBlocks.id));
}
