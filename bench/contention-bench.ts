import { eq } from 'drizzle-orm';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { promotionSlots } from '../server/db/schema';
import { decide, openSlots, requestSlot, settle } from '../test/server/promotions/promotion-support';
import { createCommunity, devLogin, joinCommunity } from '../test/support/api-session';
import { type BenchRow, percentile, row } from './bench-row';
import { runSignupBurst, type SignupBurstResult } from './signup-burst';

const correct = { text: 'all checks pass', met: (_: number | null, ok: number) => ok === 1 };

/** `requests` members ask for one promotion slot of 3 places; owner and admin approve them all at once. */
async function runApprovalRace(app: App, db: Database, requests: number) {
  const owner = await devLogin(app);
  const admin = await devLogin(app);
  const community = await createCommunity(app, owner, { capacity: requests + 10 });
  await joinCommunity(app, admin, community.inviteCode!);
  await app.inject({
    method: 'PUT',
    url: `/api/communities/${community.id}/members/${admin.user.id}/role`,
    headers: owner.headers,
    payload: { role: 'admin' },
  });
  const [slot] = await openSlots(app, community.id, owner);
  const ids: string[] = [];
  for (let i = 0; i < requests; i += 1) {
    const member = await devLogin(app);
    await joinCommunity(app, member, community.inviteCode!);
    await settle(db, community.id, member);
    const created = await requestSlot(app, community.id, member, slot!.id);
    if (created.statusCode !== 201)
      throw new Error(`promotion request: ${created.statusCode} ${created.body}`);
    ids.push(created.json().id);
  }
  const started = performance.now();
  const responses = await Promise.all(
    ids.map((id, index) => decide(app, index % 2 ? admin : owner, id, 'approve')),
  );
  const wallMs = performance.now() - started;
  const approved = responses.filter((r) => r.statusCode === 200).length;
  const full = responses.filter((r) => r.statusCode === 409 && r.json().code === 'SLOT_FULL').length;
  const [stored] = await db.select().from(promotionSlots).where(eq(promotionSlots.id, slot!.id));
  const places = stored!.approvedCount;
  return { wallMs, approved, full, ok: approved === 3 && full === requests - 3 && places === 3 };
}

const underOneSecond = { text: '< 1 s', met: (_: number | null, ms: number) => ms < 1000 };

function burstIsRight(burst: SignupBurstResult): boolean {
  return (
    burst.confirmed === 60 &&
    burst.waitlisted === 440 &&
    burst.errors === 0 &&
    burst.positionsContiguous &&
    burst.reported.confirmedCount === 60 &&
    burst.reported.waitlistCount === 440
  );
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Point 4: 500 simultaneous sign-ups for 60 seats (`runs` bursts, each on a fresh session; the
 * median is judged, every run is checked), the same burst from one address, and the approval race.
 */
export async function contentionBench(
  app: App,
  db: Database,
  options: { runs: number },
): Promise<{ rows: BenchRow[]; details: unknown }> {
  const bursts: SignupBurstResult[] = [];
  for (let run = 0; run < options.runs; run += 1) bursts.push(await runSignupBurst(app, db, 500, 60));
  const oneAddress = await runSignupBurst(app, db, 500, 60, { oneAddress: true });
  const holds = bursts.flatMap((burst) => (burst.lockHold ? [burst.lockHold] : []));
  const race = await runApprovalRace(app, db, 20);
  return {
    rows: [
      row(
        '4 contention',
        `500 sign-ups for 60 seats vs 500 GET /api/me, wall time (median of ${bursts.length})`,
        median(bursts.map((burst) => burst.wallMs)),
        'ms',
        median(bursts.map((burst) => burst.meWallMs)),
        underOneSecond,
      ),
      row(
        '4 contention',
        '60 confirmed, 440 waitlisted 1..440, 0 errors (every run)',
        [...bursts, oneAddress].every(burstIsRight) ? 1 : 0,
        'check',
        null,
        correct,
      ),
      ...(holds.length
        ? [
            row(
              '4 contention',
              'session lock held per sign-up',
              median(holds.map((h) => h.perSignUpMs)),
              'ms',
              null,
              null,
            ),
            row(
              '4 contention',
              'session lock held per transaction, p50',
              median(holds.map((h) => h.p50Ms)),
              'ms',
              null,
              null,
            ),
            row(
              '4 contention',
              'session lock held per transaction, p99',
              median(holds.map((h) => h.p99Ms)),
              'ms',
              null,
              null,
            ),
          ]
        : []),
      row(
        '4 contention',
        '500 sign-ups from one address (one rate-limit row), wall time',
        oneAddress.wallMs,
        'ms',
        null,
        null,
      ),
      row('4 contention', '20 approvals for 3 places, wall time', race.wallMs, 'ms', null, null),
      row('4 contention', '3 approved, 17 SLOT_FULL, 3 places used', race.ok ? 1 : 0, 'check', null, correct),
    ],
    details: { bursts, oneAddress, race },
  };
}
