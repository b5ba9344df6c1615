import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DataDirBusyError, lockDataDir } from './data-dir-lock';

/**
 * Backups of the embedded database (PGlite). Its folder is locked by the running server and must
 * not be copied underneath it, so the running server writes the backup itself when asked through a
 * Unix socket in the data folder (only whoever may read that folder can ask). With no server
 * running, the command opens the folder itself. PostgreSQL is backed up with pg_dump (README).
 */

export const backupSocketName = 'backup.sock';
/** Where `openPglite` keeps the database inside DATA_DIR. */
export const pgliteFolderName = 'pglite';

export function backupSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), backupSocketName);
}

/**
 * A gzip tar of the whole database, consistent: no transaction runs while it is taken (PGlite's
 * own transaction lock); a checkpoint first writes the committed pages to the folder, so a restore
 * has little log to replay.
 */
export async function dumpPglite(client: PGlite): Promise<Buffer> {
  await client.exec('checkpoint');
  // Not a query (those wait for this same lock): the dump itself takes only PGlite's query lock.
  const archive = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
  return Buffer.from(await archive.arrayBuffer());
}

/** The running server's side: answers `GET /backup` on the data folder's socket. Returns the close function. */
export async function serveBackups(
  dump: () => Promise<Buffer>,
  dataDir: string,
): Promise<() => Promise<void>> {
  const socketPath = backupSocketPath(dataDir);
  // We hold the data folder's lock: a socket file left here belongs to a server that is gone.
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer(async (request, response) => {
    if (request.method !== 'GET' || request.url !== '/backup') {
      response.writeHead(404).end();
      return;
    }
    try {
      const archive = await dump();
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': archive.length });
      response.end(archive);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        fs.rmSync(socketPath, { force: true });
        resolve();
      });
    });
}

/** The backup from the server running on this data folder, or null when none is listening there. */
export function requestBackup(dataDir: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath: backupSocketPath(dataDir), path: '/backup' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode === 200) resolve(body);
        else reject(new Error(`服务没能写出备份：${body.toString('utf8')}`));
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
  });
}

/** Written aside and renamed, so an interrupted backup never leaves half a file under the final name. */
function writeWhole(file: string, bytes: Buffer): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, file);
}

/** Backs up DATA_DIR into `file`: through the running server, or from the folder when none runs. */
export async function backUp(
  dataDir: string,
  file: string,
): Promise<{ from: 'server' | 'folder'; bytes: number }> {
  const fromServer = await requestBackup(dataDir);
  if (fromServer) {
    writeWhole(file, fromServer);
    return { from: 'server', bytes: fromServer.length };
  }
  if (!fs.existsSync(path.join(dataDir, pgliteFolderName))) throw new BackupError(`${dataDir} 里没有数据库`);
  const release = lockDataDir(dataDir);
  try {
    const client = new PGlite({ dataDir: path.join(dataDir, pgliteFolderName) });
    try {
      const archive = await dumpPglite(client);
      writeWhole(file, archive);
      return { from: 'folder', bytes: archive.length };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** Refusal with a message meant for the person running the command. */
export class BackupError extends Error {}

/**
 * Restores `file` into DATA_DIR. Refuses while a server uses the folder; a database already there is
 * kept beside it (`pglite.before-restore-<time>`), never overwritten. The archive is opened and
 * checked before it takes the database's place.
 */
export async function restoreBackup(file: string, dataDir: string): Promise<{ keptAside: string | null }> {
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirBusyError)
      throw new BackupError(`${error.message}。请先停止服务再恢复：不能覆盖正在使用的数据库`);
    throw error;
  }
  const target = path.join(dataDir, pgliteFolderName);
  const restoring = `${target}.restoring`;
  try {
    if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`);
    fs.rmSync(restoring, { recursive: true, force: true });
    try {
      const client = new PGlite({ dataDir: restoring, loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await client.waitReady;
        const { rows } = await client.query<{ ours: string | null }>(
          "select to_regclass('public.communities')::text as ours",
        );
        if (!rows[0]?.ours) throw new BackupError(`${file} 不是群友圈的备份`);
      } finally {
        await client.close();
      }
    } catch (error) {
      fs.rmSync(restoring, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `${file} 不是可以恢复的备份（${error instanceof Error ? error.message : error}）`,
      );
    }
    let keptAside: string | null = null;
    if (fs.existsSync(target)) {
      keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, keptAside);
    }
    fs.renameSync(restoring, target);
    return { keptAside };
  } finally {
    release();
  }
}
