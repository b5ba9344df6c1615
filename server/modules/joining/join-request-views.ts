import { joinLimits } from '../../../src/domain/community-rules';
import type { UserView } from '../../../src/domain/contract/common';
import type { JoinRequestView, MyJoinRequestView } from '../../../src/domain/contract/joining';
import type { Database } from '../../db/database';
import { type JoinRequestRow, listMyRequests, type listRequestsWithPeople } from './join-request-repository';

type RequestWithPeople = Awaited<ReturnType<typeof listRequestsWithPeople>>[number];

export function toMyJoinRequestView(request: JoinRequestRow, communityName: string): MyJoinRequestView {
  return {
    id: request.id,
    communityId: request.communityId,
    communityName,
    status: request.status,
    reason: request.reason,
    createdAt: request.createdAt.toISOString(),
  };
}

export function toJoinRequestView({ request, user, inviter }: RequestWithPeople): JoinRequestView {
  return {
    id: request.id,
    communityId: request.communityId,
    user,
    inviter: inviter as UserView | null,
    via: request.via,
    note: request.note,
    status: request.status,
    reason: request.reason,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

export async function listMyJoinRequests(db: Database, userId: string): Promise<MyJoinRequestView[]> {
  const declinedSince = new Date(Date.now() - joinLimits.declinedVisibleDays * 24 * 3600_000);
  const rows = await listMyRequests(db, userId, declinedSince);
  return rows.map((row) => toMyJoinRequestView(row.request, row.communityName));
}
