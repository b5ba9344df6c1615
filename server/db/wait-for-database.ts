import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './database';
import { sqlStateOf } from './database-refusal';

/** Refusal to start, with one line meant for the person starting the server (no stack trace). */
export class DatabaseUnreachableError extends Error {}

interface Diagnosis {
  what: string;
  check: string;
  /** Waiting can fix it (the database is starting, or the network is); a wrong password or name cannot. */
  transient: boolean;
}

/** The driver's own error under Drizzle's wrapping ("Failed query: select 1"). */
function driverError(error: unknown): { code?: unknown; message: string } {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current : { message: String(error) };
}

function diagnose(error: unknown): Diagnosis {
  const state = sqlStateOf(error);
  const { code, message } = driverError(error);
  if (code === 'ECONNREFUSED')
    return { what: '连接被拒绝', check: 'PostgreSQL 是否已启动、端口是否正确', transient: true };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { what: '找不到这个主机', check: '主机名是否拼写正确、DNS 是否可用', transient: true };
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout/i.test(message))
    return { what: '连接超时', check: '网络是否通、防火墙是否放行这个端口', transient: true };
  if (state === '28P01' || state === '28000')
    return { what: '用户名或密码被拒绝', check: 'DATABASE_URL 里的用户名和密码', transient: false };
  if (state === '3D000')
    return { what: '数据库不存在', check: '数据库名是否正确，或先创建它（createdb）', transient: false };
  if (state === '57P03') return { what: '数据库正在启动', check: '数据库是否已启动完成', transient: true };
  if (state === '53300')
    return { what: '连接数已满', check: 'max_connections 和其他占用连接的程序', transient: true };
  return { what: message.split('\n')[0]!, check: 'DATABASE_URL 和数据库的日志', transient: true };
}

/** `host:port/database` of a connection string, never its password. */
export function databaseAddress(connectionString: string): string {
  const url = new URL(connectionString);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username);
  return `${url.hostname}:${url.port || '5432'}/${database}`;
}

/**
 * Services are often started beside their database, before it accepts connections: PostgreSQL is
 * asked every `intervalMs` for up to `retrySeconds`, with one line when it first fails. Gives up at
 * once on what waiting cannot fix (a wrong password, a database that does not exist).
 */
export async function waitForDatabase(
  handle: DatabaseHandle,
  connectionString: string,
  {
    retrySeconds,
    intervalMs = 2_000,
    log = console.error,
  }: { retrySeconds: number; intervalMs?: number; log?: (line: string) => void },
): Promise<void> {
  const address = databaseAddress(connectionString);
  const deadline = Date.now() + retrySeconds * 1000;
  let announced = false;
  for (;;) {
    try {
      await handle.db.execute(sql`select 1`);
      if (announced) log(`数据库 ${address} 已连上`);
      return;
    } catch (error) {
      const { what, check, transient } = diagnose(error);
      if (!transient || Date.now() + intervalMs > deadline) {
        throw new DatabaseUnreachableError(`无法连接数据库 ${address}：${what}。请检查${check}。`);
      }
      if (!announced) {
        log(
          `数据库 ${address} 暂时连不上（${what}），${retrySeconds} 秒内每 ${intervalMs / 1000} 秒重试一次…`,
        );
        announced = true;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
