import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runServerCommand, startServerProcess } from '../../support/server-process';
import { testDatabaseUrl } from '../../support/test-database';

/**
 * `npm run backup` while the server runs, `npm run restore` into another folder, and a server
 * started on the restored folder has every community; a restore over the running server's folder
 * is refused. Real processes, as an operator runs them.
 */

// Slow tests run with test:pg; this one needs no PostgreSQL.
const describeInSlowRun = testDatabaseUrl() ? describe : describe.skip;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qy-backup-run-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const serverEnv = (dataDir: string) => ({
  DATA_DIR: dataDir,
  ENABLE_DEV_LOGIN: '1',
  SEED_DEMO: '1',
  BACKGROUND_JOBS: '0',
});

async function signIn(url: string, name: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const { token } = (await login.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function communityNames(url: string, headers: Record<string, string>): Promise<string[]> {
  const me = (await (await fetch(`${url}/api/me`, { headers })).json()) as {
    memberships: Array<{ communityName: string }>;
  };
  return me.memberships.map((membership) => membership.communityName).sort();
}

describeInSlowRun('backing up and restoring the embedded database', () => {
  it('backs up a running server, refuses to restore over it, and restores every community elsewhere', async () => {
    const live = path.join(root, 'live');
    const file = path.join(root, 'qunyou.tar.gz');
    const server = startServerProcess(serverEnv(live));
    let names: string[];
    try {
      const url = await server.listening(120_000);
      const owner = await signIn(url, '李根');
      const created = await fetch(`${url}/api/communities`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({ name: '备份测试社群', goal: '一起进步', rules: '友善' }),
      });
      expect(created.status).toBe(201);
      names = await communityNames(url, owner);
      expect(names).toContain('备份测试社群');

      const backup = await runServerCommand('server/db/backup-command.ts', [file], { DATA_DIR: live });
      expect(backup).toMatchObject({ code: 0, output: expect.stringContaining('由运行中的服务写出') });

      const overLive = await runServerCommand('server/db/restore-command.ts', [file], { DATA_DIR: live });
      expect(overLive.code).toBe(1);
      expect(overLive.output).toContain('请先停止服务再恢复');
      // The server was not disturbed.
      expect(await communityNames(url, owner)).toEqual(names);
    } finally {
      await server.stop();
    }

    const restoredDir = path.join(root, 'restored');
    const restore = await runServerCommand('server/db/restore-command.ts', [file], { DATA_DIR: restoredDir });
    expect(restore).toMatchObject({
      code: 0,
      output: expect.stringContaining(`已从 ${file} 恢复到 ${restoredDir}`),
    });
    const restored = startServerProcess(serverEnv(restoredDir));
    try {
      const url = await restored.listening(120_000);
      expect(await communityNames(url, await signIn(url, '李根'))).toEqual(names);
    } finally {
      await restored.stop();
    }
  }, 400_000);
});
