// Builds the H5 app if stale, then starts the real server on a free port with a fresh
// embedded database (seeded, dev login on) and hands its URL to the tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureH5Build } from '../../scripts/h5-build.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`server exited with ${server.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} not healthy after ${timeoutMs} ms`);
}

export default async function globalSetup() {
  ensureH5Build();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'qy-e2e-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      ENABLE_DEV_LOGIN: '1',
      SERVE_H5_DIR: 'dist-h5',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Every test signs in several demo users from one address within a minute.
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  globalThis.__E2E_SERVER__ = server;
  process.env.E2E_BASE_URL = url;
  // PGlite's first start (initdb, migrations, the demo seed) took 52 s on this 2-core machine at load 14.
  await waitForHealth(url, server, 90000);
}
