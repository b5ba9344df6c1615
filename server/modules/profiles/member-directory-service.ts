import { communityLimits } from '../../../src/domain/community-rules';
import type { Page } from '../../../src/domain/contract/common';
import type { MemberDirectoryEntry, MemberSearchQuery } from '../../../src/domain/contract/communities';
import { uploadUrl } from '../../../src/domain/uploads';
import type { Database } from '../../db/database';
import { countPart, keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { type CommunityStanding, requireMembership } from '../membership/require-membership';
import { type DirectoryRow, listDirectory } from './member-directory-repository';

const directoryCursor = keysetCursor({ roleRank: countPart, joinedAt: timePart, userId: uuidPart });

export function toDirectoryEntry(row: DirectoryRow): MemberDirectoryEntry {
  return {
    userId: row.userId,
    nickname: row.nickname,
    avatarUrl: row.avatarUploadId ? uploadUrl(row.avatarUploadId) : row.wechatAvatarUrl,
    role: row.role,
    joinedAt: new Date(row.joinedAt).toISOString(),
    tags: row.tags,
  };
}

/** The team's member list: everyone, or those whose name or a tag contains `q`, page by page. */
export async function searchMembers(
  db: Database,
  user: UserRow,
  communityId: string,
  { q, cursor }: MemberSearchQuery,
  standing?: CommunityStanding | null,
): Promise<Page<MemberDirectoryEntry>> {
  await requireMembership(db, communityId, user.id, 'secretary', standing);
  const after = cursor ? directoryCursor.decode(cursor) : undefined;
  const pageSize = communityLimits.memberPageSize;
  const text = q?.replace(/^#+|#+$/g, '').trim();
  const rows = await listDirectory(db, communityId, { text, after, limit: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map(toDirectoryEntry),
    nextCursor: rows.length > pageSize && last ? directoryCursor.encode(last) : null,
  };
}
