import { eq } from 'drizzle-orm';
import { hasRoleAtLeast, type Role } from '../../../src/domain/roles';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { communities } from '../../db/schema';
import { findRole } from './membership-repository';

/** What the database said of a user and one community: whether it exists, and their role in it. */
export interface CommunityStanding {
  communityId: string;
  communityExists: boolean;
  role: Role | null;
}

function roleOrRefusal(standing: CommunityStanding, minimumRole: Role): Role {
  if (!standing.role) {
    throw standing.communityExists ? new AppError('NOT_A_MEMBER', 403) : new AppError('NOT_FOUND', 404);
  }
  if (!hasRoleAtLeast(standing.role, minimumRole)) {
    throw new AppError(minimumRole === 'owner' ? 'OWNER_ROLE_REQUIRED' : 'FORBIDDEN', 403);
  }
  return standing.role;
}

/**
 * The one permission check of every community route: the caller's role, or the refusal.
 * Unknown community -> 404; outsider -> 403 NOT_A_MEMBER; role too low -> 403
 * (OWNER_ROLE_REQUIRED when only the owner may act, FORBIDDEN otherwise).
 * `known` is the standing read with the caller's session (see plugins/authenticate.ts): a read-only
 * route passes it to save two round trips. Writes check inside their transaction and pass nothing.
 */
export async function requireMembership(
  tx: Database,
  communityId: string,
  userId: string,
  minimumRole: Role,
  known?: CommunityStanding | null,
): Promise<Role> {
  if (known?.communityId === communityId) return roleOrRefusal(known, minimumRole);
  const role = await findRole(tx, communityId, userId);
  if (role) return roleOrRefusal({ communityId, communityExists: true, role }, minimumRole);
  const [community] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(eq(communities.id, communityId));
  return roleOrRefusal({ communityId, communityExists: community !== undefined, role: null }, minimumRole);
}
