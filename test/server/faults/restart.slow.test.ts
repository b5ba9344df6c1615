import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommunityView } from '../../../src/domain/contract/communities';
import type { MeView } from '../../../src/domain/contract/me';
import type { AttendanceView, SessionView, SignUpResult } from '../../../src/domain/contract/sessions';
import { startServerProcess } from '../../support/server-process';
import { sessionInput } from '../sessions/session-fixtures';

/**
 * The embedded database on disk, the server stopped in the middle of a burst of writes: every write
 * the server acknowledged is there after a restart, and no write is there half.
 */

const serverEnv = (dataDir: string) => ({
  NODE_ENV: 'development',
  ENABLE_DEV_LOGIN: '1',
  BACKGROUND_JOBS: '0',
  DATA_DIR: dataDir,
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: '100000',
  RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: '100000',
});

async function logIn(url: string, name: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** Creates communities from 8 parallel lanes until stopped; returns the names the server acknowledged. */
function burstOfWrites(url: string, headers: Record<string, string>) {
  const acknowledged: string[] = [];
  let running = true;
  let counter = 0;
  const lane = async () => {
    while (running) {
      const name = `断电测试${++counter}`;
      try {
        const response = await fetch(`${url}/api/communities`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name, goal: '写入不丢', rules: '每条都要在' }),
        });
        if (response.status === 201) acknowledged.push(name);
      } catch {
        // The connection died with the server: not acknowledged, so it may or may not be there.
      }
    }
  };
  const lanes = Promise.all(Array.from({ length: 8 }, lane));
  return {
    acknowledged,
    async stop() {
      running = false;
      await lanes;
    },
  };
}

// Three server starts (first, intruder, restart) of several seconds each on a busy 2-core machine.
const restartTimeoutMs = 240_000;

describe.each(['SIGTERM', 'SIGKILL'] as const)('stopped with %s during a burst of writes', (signal) => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), `qy-restart-${signal}-`));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'keeps every acknowledged write, whole, after a restart',
    async () => {
      const first = startServerProcess(serverEnv(dataDir));
      const url = await first.listening();
      const headers = await logIn(url, '断电测试员');
      // A second process on the same embedded database is refused, not allowed to lose data silently.
      const intruder = startServerProcess(serverEnv(dataDir));
      expect(await intruder.exited()).toBe(1);
      expect(intruder.output()).toContain('数据目录正被另一个进程使用');

      const burst = burstOfWrites(url, headers);
      while (burst.acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
      await first.stop(signal);
      await burst.stop();
      const acknowledged = [...burst.acknowledged];
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      const second = startServerProcess(serverEnv(dataDir));
      try {
        const again = await second.listening();
        const sameUser = await logIn(again, '断电测试员');
        const me = (await (await fetch(`${again}/api/me`, { headers: sameUser })).json()) as MeView;
        const present = new Set(me.memberships.map((m) => m.communityName));
        expect(acknowledged.filter((name) => !present.has(name))).toEqual([]);

        // Whole, not half: every community that exists has its owner and its invite code.
        for (const membership of me.memberships) {
          const response = await fetch(`${again}/api/communities/${membership.communityId}`, {
            headers: sameUser,
          });
          const community = (await response.json()) as CommunityView;
          expect({ name: community.name, role: community.myRole, members: community.memberCount }).toEqual({
            name: membership.communityName,
            role: 'owner',
            members: 1,
          });
          expect(community.inviteCode).toMatch(/^[A-Z0-9]{6}$/);
        }
      } finally {
        await second.stop();
      }
    },
    restartTimeoutMs,
  );
});

async function call<T>(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: unknown,
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('killed (SIGKILL) during a burst of sign-ups', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'qy-restart-signups-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'keeps every acknowledged seat and place once, and the counters equal the sign-ups',
    async () => {
      const first = startServerProcess(serverEnv(dataDir));
      const url = await first.listening();
      const owner = await logIn(url, '抢位群主');
      const community = await call<CommunityView>(url, '/api/communities', owner, 'POST', {
        name: '断电抢位',
        goal: '名额不多不少',
        rules: '先到先得',
      });
      const session = await call<SessionView>(
        url,
        `/api/communities/${community.body.id}/sessions`,
        owner,
        'POST',
        sessionInput({ capacity: 15 }),
      );
      const members = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const headers = await logIn(url, `抢位成员${i}`);
          await call(url, '/api/communities/join', headers, 'POST', {
            inviteCode: community.body.inviteCode,
          });
          return headers;
        }),
      );

      const acknowledged = new Map<number, SignUpResult>();
      const signUps = members.map(async (headers, i) => {
        try {
          const response = await call<SignUpResult>(
            url,
            `/api/sessions/${session.body.id}/signups`,
            headers,
            'POST',
            {},
          );
          if (response.status === 200) acknowledged.set(i, response.body);
        } catch {
          // The connection died with the server: not acknowledged.
        }
      });
      while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 10));
      await first.stop('SIGKILL');
      await Promise.all(signUps);

      const second = startServerProcess(serverEnv(dataDir));
      try {
        const again = await second.listening();
        const view = await call<SessionView>(again, `/api/sessions/${session.body.id}`, owner);
        const attendance = await call<AttendanceView>(
          again,
          `/api/sessions/${session.body.id}/attendance`,
          owner,
        );
        const byStatus = (status: string) =>
          attendance.body.attendees.filter((a) => a.status === status).length;
        // The counters shown equal the sign-ups there are: nothing half-written, nothing twice.
        expect({ confirmed: view.body.confirmedCount, waiting: view.body.waitlistCount }).toEqual({
          confirmed: byStatus('confirmed'),
          waiting: byStatus('waitlisted'),
        });
        expect(new Set(attendance.body.attendees.map((a) => a.userId)).size).toBe(
          attendance.body.attendees.length,
        );
        expect(byStatus('confirmed')).toBe(Math.min(15, attendance.body.attendees.length));
        for (const [i, result] of acknowledged) {
          const mine = await call<SessionView>(again, `/api/sessions/${session.body.id}`, members[i]!);
          expect({ i, status: mine.body.mySignup?.status }).toEqual({ i, status: result.status });
        }
        const positions = (
          await Promise.all(
            members.map((headers) => call<SessionView>(again, `/api/sessions/${session.body.id}`, headers)),
          )
        )
          .flatMap((mine) => (mine.body.mySignup?.position ? [mine.body.mySignup.position] : []))
          .sort((a, b) => a - b);
        expect(positions).toEqual(positions.map((_, index) => index + 1));
      } finally {
        await second.stop();
      }
    },
    restartTimeoutMs,
  );
});
