import type { MembershipView, MeView } from '../../../src/domain/contract/me';
import type { Database } from '../../db/database';
import { toUserView, type UserRow } from '../auth/user-repository';
import { listMyJoinRequests } from '../joining/join-request-views';
import { listMembershipsOfUser } from '../membership/membership-repository';

/** What the mini program reads at launch: who I am, my communities, my join requests still open. */
export async function getMe(db: Database, user: UserRow): Promise<MeView> {
  const rows = await listMembershipsOfUser(db, user.id);
  const memberships: MembershipView[] = rows.map(({ rulesConfirmedAt, ...row }) => ({
    ...row,
    joinedAt: row.joinedAt.toISOString(),
    rulesConfirmed: rulesConfirmedAt !== null,
  }));
  return { user: toUserView(user), memberships, joinRequests: await listMyJoinRequests(db, user.id) };
}
