import net from 'node:net';
import { startServerProcess } from '../../support/server-process';
import { startStallingProxy } from '../../support/stalling-proxy';
import { createFreshPostgresDatabase, testDatabaseUrl } from '../../support/test-database';

/**
 * A wrong or not-yet-reachable DATABASE_URL: the server says in one line which host, port and
 * database it could not reach and what to check (no stack trace), keeps trying for
 * DATABASE_CONNECT_RETRY_SECONDS, and starts when the database turns up within that time.
 */

const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

/** A port nothing listens on (taken from the system, then let go). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const env = (databaseUrl: string, retrySeconds: number) => ({
  DATABASE_URL: databaseUrl,
  DATABASE_CONNECT_RETRY_SECONDS: String(retrySeconds),
  BACKGROUND_JOBS: '0',
  LOG_LEVEL: 'warn',
});

function expectOneClearLine(output: string, address: string, what: string) {
  expect(output).not.toMatch(/^\s+at /m);
  const lines = output.trim().split('\n');
  expect(lines.at(-1)).toContain(`无法连接数据库 ${address}：${what}。请检查`);
}

describeOnPostgres('a wrong DATABASE_URL', () => {
  it('says which host, port and database refused, retries for the configured while, then exits', async () => {
    const port = await freePort();
    const started = Date.now();
    const server = startServerProcess(env(`postgres://postgres:secret-pw@127.0.0.1:${port}/qunyou`, 3));
    expect(await server.exited()).toBe(1);
    const output = server.output();
    expect(output).toContain(
      `数据库 127.0.0.1:${port}/qunyou 暂时连不上（连接被拒绝），3 秒内每 2 秒重试一次`,
    );
    expectOneClearLine(output, `127.0.0.1:${port}/qunyou`, '连接被拒绝');
    expect(output).not.toContain('secret-pw');
    // It waited for the retries rather than giving up at the first refusal.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  }, 60_000);

  it('gives up at once on a database that does not exist: waiting cannot create it', async () => {
    const url = new URL(testDatabaseUrl()!);
    url.pathname = '/qy_no_such_database';
    const server = startServerProcess(env(url.toString(), 600));
    expect(await server.exited()).toBe(1);
    expectOneClearLine(
      server.output(),
      `${url.hostname}:${url.port || '5432'}/qy_no_such_database`,
      '数据库不存在',
    );
  }, 60_000);

  it('starts once the database turns up within the retry time', async () => {
    const database = await createFreshPostgresDatabase(testDatabaseUrl()!);
    const port = await freePort();
    const late = new URL(database.url);
    late.hostname = '127.0.0.1';
    late.port = String(port);
    const server = startServerProcess(env(late.toString(), 60));
    let proxy: Awaited<ReturnType<typeof startStallingProxy>> | undefined;
    try {
      // The database "starts" after the server's first failed attempt.
      while (!server.output().includes('暂时连不上')) {
        if (server.child.exitCode !== null) throw new Error(server.output());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      proxy = await startStallingProxy(database.url, port);
      const url = await server.listening(60_000);
      expect(server.output()).toContain(
        `数据库 127.0.0.1:${port}/${new URL(database.url).pathname.slice(1)} 已连上`,
      );
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
      await proxy?.close();
      await database.drop();
    }
  }, 120_000);
});
