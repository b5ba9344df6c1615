import fs from 'node:fs';
import path from 'node:path';

const lockFileName = 'server.lock';

/** Refusal to start, with a message meant for the person starting the server. */
export class DataDirBusyError extends Error {}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes on one PGlite folder raise no error and silently lose data, so the folder is
 * held by one process at a time. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirBusyError(`数据目录正被另一个进程使用 (pid ${holder}): ${dataDir}`);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录: ${dataDir}`);
}
