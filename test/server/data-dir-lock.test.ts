import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirBusyError, lockDataDir } from '../../server/db/data-dir-lock';

/** PGlite does not lock its folder and silently loses data when two processes share it: we do. */

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'qy-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: child.pid!,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

it('holds the folder while open and lets it go on release', () => {
  const release = lockDataDir(dataDir);
  expect(readFileSync(join(dataDir, 'server.lock'), 'utf8')).toBe(String(process.pid));
  release();
  expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
});

it('refuses a folder that a live process holds, and says which', async () => {
  const other = otherProcess();
  try {
    writeFileSync(join(dataDir, 'server.lock'), String(other.pid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirBusyError);
    expect(() => lockDataDir(dataDir)).toThrow(`数据目录正被另一个进程使用 (pid ${other.pid})`);
  } finally {
    await other.stop();
  }
});

it('takes over the lock of a process that died without releasing it', async () => {
  const other = otherProcess();
  await other.stop();
  writeFileSync(join(dataDir, 'server.lock'), String(other.pid));
  const release = lockDataDir(dataDir);
  expect(readFileSync(join(dataDir, 'server.lock'), 'utf8')).toBe(String(process.pid));
  release();
});
