import type { AuthResult, DevUserView } from '../../../src/domain/contract/auth';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import type { CommunityStanding } from '../membership/require-membership';
import { exchangeLoginCode } from '../wechat/code-to-session';
import {
  deleteSession,
  findSessionWithStanding,
  findSessionWithUser,
  insertSession,
} from './session-repository';
import { hashSessionToken, newSessionToken } from './session-token';
import {
  findOrCreateDevUser,
  listDevUsers,
  toUserView,
  type UserRow,
  upsertWechatUser,
} from './user-repository';

const dayMs = 24 * 60 * 60 * 1000;

async function startSession(tx: Database, user: UserRow, ttlDays: number): Promise<AuthResult> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ttlDays * dayMs);
  await insertSession(tx, { userId: user.id, tokenHash: hashSessionToken(token), expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
}

export async function loginWithWechat(db: Database, config: Config, code: string): Promise<AuthResult> {
  // Outside the transaction: no database connection waits on WeChat.
  const wechat = await exchangeLoginCode(config, code);
  return db.transaction(async (tx) => {
    const user = await upsertWechatUser(tx, wechat);
    return startSession(tx, user, config.sessionTtlDays);
  });
}

export async function loginAsDevUser(db: Database, config: Config, nickname: string): Promise<AuthResult> {
  return db.transaction(async (tx) => {
    const user = await findOrCreateDevUser(tx, nickname);
    return startSession(tx, user, config.sessionTtlDays);
  });
}

export async function listDevUserViews(db: Database): Promise<DevUserView[]> {
  return listDevUsers(db);
}

export async function logout(db: Database, token: string): Promise<void> {
  await deleteSession(db, hashSessionToken(token));
}

async function liveSession<T extends { expiresAt: Date }>(
  db: Database,
  tokenHash: string,
  session: T | undefined,
): Promise<T> {
  if (!session) throw new AppError('SESSION_EXPIRED', 401);
  if (session.expiresAt.getTime() <= Date.now()) {
    await deleteSession(db, tokenHash);
    throw new AppError('SESSION_EXPIRED', 401);
  }
  return session;
}

/**
 * The user behind a bearer token; unknown and expired tokens are the same answer to the client.
 * Given a community, the user's standing in it is read in the same query (null without one).
 */
export async function authenticateToken(
  db: Database,
  token: string,
  communityId?: string,
): Promise<{ user: UserRow; standing: CommunityStanding | null }> {
  const tokenHash = hashSessionToken(token);
  if (!communityId) {
    const { user } = await liveSession(db, tokenHash, await findSessionWithUser(db, tokenHash));
    return { user, standing: null };
  }
  const session = await liveSession(db, tokenHash, await findSessionWithStanding(db, tokenHash, communityId));
  return {
    user: session.user,
    standing: { communityId, communityExists: session.communityExists, role: session.role },
  };
}
