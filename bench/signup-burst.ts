import { eq } from 'drizzle-orm';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { communities, memberships } from '../server/db/schema';
import type { SignUpResult } from '../src/domain/contract/sessions';
import { createCommunity, devLogin, type SignedInUser } from '../test/support/api-session';

export interface SignupBurstResult {
  members: number;
  seats: number;
  wallMs: number;
  confirmed: number;
  waitlisted: number;
  errors: number;
  /** Waitlist positions are exactly 1..waitlisted, each once. */
  positionsContiguous: boolean;
  /** What GET /api/sessions/{id} reports afterwards. */
  reported: { confirmedCount: number; waitlistCount: number };
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
  return { owner, users, sessionId: created.json().id as string };
}

/** Everyone signs up at once; returns the wall time and the checks the issue asks for. */
export async function runSignupBurst(
  app: App,
  db: Database,
  members = 500,
  seats = 60,
): Promise<SignupBurstResult> {
  const { owner, users, sessionId } = await prepareBurst(app, db, members, seats);
  const started = performance.now();
  const responses = await Promise.all(
    users.map((user) =>
      app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: user.headers,
        payload: {},
      }),
    ),
  );
  const wallMs = Math.round(performance.now() - started);
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
    confirmed: results.filter((r) => r.status === 'confirmed').length,
    waitlisted: positions.length,
    errors: responses.length - results.length,
    positionsContiguous: positions.every((position, index) => position === index + 1),
    reported: { confirmedCount: view.confirmedCount, waitlistCount: view.waitlistCount },
  };
}
