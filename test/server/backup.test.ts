import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { BackupError, backUp, restoreBackup, serveBackups } from '../../server/db/backup';
import type { DatabaseHandle } from '../../server/db/database';
import { openPglite } from '../../server/db/open-database';
import { seedDemoCommunity } from '../../server/db/seed';
import { devLogin } from '../support/api-session';
import { databaseChecksum } from '../support/database-checksum';
import { everyTableRowCount } from '../support/row-counts';
import { testConfig } from '../support/test-app';

/**
 * The embedded database is backed up while the server runs (the server writes it: its folder is
 * locked), and a restore gives back every row of every table. A restore never overwrites a folder
 * in use, and keeps a database already there aside.
 */

// Each opens PGlite folders on disk (a first open creates the database): seconds, more on a busy machine.
jest.setTimeout(180_000);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qy-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function snapshot(handle: DatabaseHandle) {
  return { rows: await everyTableRowCount(handle.db), checksum: await databaseChecksum(handle.db) };
}

describe('backups of the embedded database', () => {
  const live = path.join(root, 'live');
  const file = path.join(root, 'backup.tar.gz');
  let handle: DatabaseHandle;
  let stopServing: () => Promise<void>;

  beforeAll(async () => {
    handle = await openPglite({ dataDir: live });
    await handle.migrate();
    await seedDemoCommunity(handle.db);
    stopServing = await serveBackups(handle.backup!, live);
  });
  afterAll(async () => {
    await stopServing();
    await handle.close();
  });

  it('is written by the running server, and a restore finds every row of every table', async () => {
    const app = await buildApp({ db: handle.db, config: testConfig });
    try {
      await devLogin(app, '备份前登录');
      const before = await snapshot(handle);
      expect(await backUp(live, file)).toMatchObject({ from: 'server' });
      // What happens after the backup is not in it.
      await devLogin(app, '备份后登录');

      const restoredDir = path.join(root, 'restored');
      expect(await restoreBackup(file, restoredDir)).toEqual({ keptAside: null });
      const restored = await openPglite({ dataDir: restoredDir });
      try {
        const after = await snapshot(restored);
        expect(after).toEqual(before);
        expect(after.rows['public.communities']).toBeGreaterThan(0);
        expect(after.rows['public.tips']).toBeGreaterThan(0);
      } finally {
        await restored.close();
      }
    } finally {
      await app.close();
    }
  });

  it('refuses to restore over a folder a running server holds, and changes nothing there', async () => {
    const held = path.join(root, 'held');
    fs.mkdirSync(path.join(held, 'pglite'), { recursive: true });
    fs.writeFileSync(path.join(held, 'pglite', 'PG_VERSION'), '17');
    // The lock of a live process: the server of that folder (the lock is per process).
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      fs.writeFileSync(path.join(held, 'server.lock'), String(server.pid));
      await expect(restoreBackup(file, held)).rejects.toThrow(
        `数据目录正被另一个进程使用 (pid ${server.pid}): ${held}。请先停止服务再恢复`,
      );
      expect(fs.readdirSync(held).sort()).toEqual(['pglite', 'server.lock']);
      expect(fs.readdirSync(path.join(held, 'pglite'))).toEqual(['PG_VERSION']);
    } finally {
      server.kill();
      await exited;
    }
  });

  it('keeps a database already in the folder aside instead of overwriting it', async () => {
    const target = path.join(root, 'replaced');
    fs.mkdirSync(path.join(target, 'pglite'), { recursive: true });
    fs.writeFileSync(path.join(target, 'pglite', 'PG_VERSION'), '17');
    const { keptAside } = await restoreBackup(file, target);
    expect(keptAside).toMatch(/pglite\.before-restore-/);
    expect(fs.readdirSync(keptAside!)).toEqual(['PG_VERSION']);
  });

  it('refuses a file that is not a backup, leaving the folder as it was', async () => {
    const junk = path.join(root, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a backup');
    const target = path.join(root, 'untouched');
    await expect(restoreBackup(junk, target)).rejects.toBeInstanceOf(BackupError);
    expect(fs.existsSync(path.join(target, 'pglite'))).toBe(false);
  });
});
