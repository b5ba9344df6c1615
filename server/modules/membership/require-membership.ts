import { eq } from 'drizzle-orm';
import { hasRoleAtLeast, type Role } from '../../../src/domain/roles';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { communities } from '../../db/schema';
import { findRole } from './membership-repository';

/**
 * The one permission check of every community route: the caller's role, or the refusal.
 * Unknown community -> 404; outsider -> 403 NOT_A_MEMBER; role too low -> 403
 * (OWNER_ROLE_REQUIRED when only the owner may act, FORBIDDEN otherwise).
 */
export async function requireMembership(
  tx: Database,
  communityId: string,
  userId: string,
  minimumRole: Role,
): Promise<Role> {
  const role = await findRole(tx, communityId, userId);
  if (!role) {
    const [community] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.id, communityId));
    throw community ? new AppError('NOT_A_MEMBER', 403) : new AppError('NOT_FOUND', 404);
  }
  if (!hasRoleAtLeast(role, minimumRole)) {
    throw new AppError(minimumRole === 'owner' ? 'OWNER_ROLE_REQUIRED' : 'FORBIDDEN', 403);
  }
  return role;
}
