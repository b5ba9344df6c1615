import type { AuthResult, DevUserView } from '../../../src/domain/contract/auth';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import type { CommunityStanding } from '../membership/require-membership';
import { exchangeLoginCode } from '../wechat/code-to-session';
import { type CachedLogin, LoginCache } from './login-cache';
import {
  deleteLoginSession,
  findLoginSessionWithStanding,
  findLoginSessionWithUser,
  insertLoginSession,
} from './login-session-repository';
import { hashLoginToken, newLoginToken } from './login-token';
import {
  findOrCreateDevUser,
  listDevUsers,
  toUserView,
  type UserRow,
  upsertWechatUser,
} from './user-repository';

const dayMs = 24 * 60 * 60 * 1000;

async function startLoginSession(tx: Database, user: UserRow, ttlDays: number): Promise<AuthResult> {
  const token = newLoginToken();
  const expiresAt = new Date(Date.now() + ttlDays * dayMs);
  await insertLoginSession(tx, { userId: user.id, tokenHash: hashLoginToken(token), expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
}

export async function loginWithWechat(db: Database, config: Config, code: string): Promise<AuthResult> {
  // Outside the transaction: no database connection waits on WeChat.
  const wechat = await exchangeLoginCode(config, code);
  return db.transaction(async (tx) => {
    const user = await upsertWechatUser(tx, wechat);
    return startLoginSession(tx, user, config.sessionTtlDays);
  });
}

export async function loginAsDevUser(db: Database, config: Config, nickname: string): Promise<AuthResult> {
  return db.transaction(async (tx) => {
    const user = await findOrCreateDevUser(tx, nickname);
    return startLoginSession(tx, user, config.sessionTtlDays);
  });
}

export async function listDevUserViews(db: Database): Promise<DevUserView[]> {
  return listDevUsers(db);
}

export async function logout(db: Database, token: string): Promise<void> {
  await deleteLoginSession(db, hashLoginToken(token));
}

async function liveLoginSession<T extends { expiresAt: Date }>(
  db: Database,
  tokenHash: string,
  session: T | undefined,
): Promise<T> {
  if (!session) throw new AppError('SESSION_EXPIRED', 401);
  if (session.expiresAt.getTime() <= Date.now()) {
    await deleteLoginSession(db, tokenHash);
    throw new AppError('SESSION_EXPIRED', 401);
  }
  return session;
}

/**
 * The user behind a bearer token; unknown and expired tokens are the same answer to the client.
 * Given a community, the user's standing in it is read in the same query (null without one).
 * Given this instance's login cache (reads only), a login it holds costs no query at all.
 */
export async function authenticateToken(
  db: Database,
  token: string,
  communityId?: string,
  cache?: LoginCache,
): Promise<{ user: UserRow; standing: CommunityStanding | null }> {
  const tokenHash = hashLoginToken(token);
  const key = LoginCache.key(tokenHash, communityId);
  const cached = cache?.lookup(key, Date.now());
  if (cached) return cached;
  const readInGeneration = cache?.generation ?? 0;
  const login = await readLogin(db, tokenHash, communityId);
  cache?.store(key, login, readInGeneration);
  return login;
}

async function readLogin(
  db: Database,
  tokenHash: string,
  communityId: string | undefined,
): Promise<CachedLogin> {
  if (!communityId) {
    const { user, expiresAt } = await liveLoginSession(
      db,
      tokenHash,
      await findLoginSessionWithUser(db, tokenHash),
    );
    return { user, standing: null, expiresAt };
  }
  const session = await liveLoginSession(
    db,
    tokenHash,
    await findLoginSessionWithStanding(db, tokenHash, communityId),
  );
  return {
    user: session.user,
    standing: { communityId, communityExists: session.communityExists, role: session.role },
    expiresAt: session.expiresAt,
  };
}
