import { eq } from 'drizzle-orm';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { communities, memberships } from '../server/db/schema';
import type { SignUpResult } from '../src/domain/contract/sessions';
import { createCommunity, devLogin, type SignedInUser } from '../test/support/api-session';
import { lockHoldSummary, watchSessionLockHolds } from './lock-hold';

export interface SignupBurstResult {
  members: number;
  seats: number;
  wallMs: number;
  /** The same members asking `GET /api/me` all at once just before: what 500 light requests cost here now. */
  meWallMs: number;
  confirmed: number;
  waitlisted: number;
  errors: number;
  /** Waitlist positions are exactly 1..waitlisted, each once. */
  positionsContiguous: boolean;
  /** What GET /api/sessions/{id} reports afterwards. */
  reported: { confirmedCount: number; waitlistCount: number };
  /** How long the session's lock was held (real PostgreSQL only): per transaction, and in all per sign-up. */
  lockHold: ReturnType<typeof lockHoldSummary> | null;
}

/** Member i's phone: its own address, as members tap 报名 from their own phones. */
export function memberAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** A community of `members` members (inserted directly: the burst is what we time) and a session of `seats` seats. */
export async function prepareBurst(app: App, db: Database, members: number, seats: number) {
  const run = Date.now().toString(36).slice(-5);
  const owner = await devLogin(app, `burst-owner-${run}`);
  const community = await createCommunity(app, owner, { name: `抢位测试${run}` });
  await db
    .update(communities)
    .set({ capacity: members + 1 })
    .where(eq(communities.id, community.id));
  const users: SignedInUser[] = [];
  for (let i = 0; i < members; i += 50) {
    const batch = Array.from({ length: Math.min(50, members - i) }, (_, j) =>
      devLogin(app, `b-${run}-${i + j}`),
    );
    users.push(...(await Promise.all(batch)));
  }
  await db
    .insert(memberships)
    .values(
      users.map((user) => ({ communityId: community.id, userId: user.user.id, role: 'member' as const })),
    );
  const created = await app.inject({
    method: 'POST',
    url: `/api/communities/${community.id}/sessions`,
    headers: owner.headers,
    payload: {
      title: '抢位测试',
      startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      durationMinutes: 30,
      mode: 'online',
      meetingLink: 'https://meeting.tencent.com/dm/burst',
      capacity: seats,
    },
  });
  return { owner, users, community, sessionId: created.json().id as string };
}

/**
 * Everyone signs up at once, each from their own address (`oneAddress`: all from one, as behind a
 * proxy whose address is not trusted: the per-address rate limit then counts every request on one
 * row). Returns the wall time, that of the same members reading `GET /api/me` at once just before
 * (the baseline: a shared machine's speed changes from minute to minute), the lock hold and the
 * checks the issue asks for.
 */
export async function runSignupBurst(
  app: App,
  db: Database,
  members = 500,
  seats = 60,
  options: { oneAddress?: boolean } = {},
): Promise<SignupBurstResult> {
  const { owner, users, sessionId } = await prepareBurst(app, db, members, seats);
  const address = (index: number) => (options.oneAddress ? '127.0.0.1' : memberAddress(index));
  const meStarted = performance.now();
  await Promise.all(
    users.map((user, index) =>
      app.inject({ method: 'GET', url: '/api/me', headers: user.headers, remoteAddress: address(index) }),
    ),
  );
  const meWallMs = Math.round(performance.now() - meStarted);
  const holds = watchSessionLockHolds(db);
  const started = performance.now();
  const responses = await Promise.all(
    users.map((user, index) =>
      app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: user.headers,
        payload: {},
        remoteAddress: address(index),
      }),
    ),
  );
  const wallMs = Math.round(performance.now() - started);
  holds?.stop();
  const results = responses.filter((r) => r.statusCode === 200).map((r) => r.json<SignUpResult>());
  const positions = results
    .flatMap((r) => (r.status === 'waitlisted' ? [r.position!] : []))
    .sort((a, b) => a - b);
  const view = (
    await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: owner.headers })
  ).json();
  return {
    members,
    seats,
    wallMs,
    meWallMs,
    confirmed: results.filter((r) => r.status === 'confirmed').length,
    waitlisted: positions.length,
    errors: responses.length - results.length,
    positionsContiguous: positions.every((position, index) => position === index + 1),
    reported: { confirmedCount: view.confirmedCount, waitlistCount: view.waitlistCount },
    lockHold: holds && lockHoldSummary(holds.holdsMs, members),
  };
}
