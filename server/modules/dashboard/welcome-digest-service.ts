import type { WelcomeDigestView } from '../../../src/domain/contract/dashboard';
import { welcomeText } from '../../../src/domain/welcome-digest';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { findNewcomers } from './welcome-digest-repository';

/** The team (owner, admins, secretary) welcomes today's newcomers. Read only. */
export async function getWelcomeDigest(
  db: Database,
  user: UserRow,
  communityId: string,
  now = new Date(),
): Promise<WelcomeDigestView> {
  await requireMembership(db, communityId, user.id, 'secretary');
  const row = await findNewcomers(db, communityId, now);
  const newcomers = row.newcomers.map((newcomer) => ({
    userId: newcomer.userId,
    nickname: newcomer.nickname,
    invitedBy: newcomer.invitedBy,
    joinedAt: new Date(newcomer.joinedAt).toISOString(),
    tags: newcomer.tags.map((held) => held.tag),
    sharedTags: newcomer.tags.filter((held) => held.others > 0),
  }));
  return {
    since: new Date(row.since).toISOString(),
    newcomers,
    text: welcomeText(row.communityName, newcomers),
  };
}
