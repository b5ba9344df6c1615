// `npm start`: the H5 app and the API on one local port, with the embedded database,
// the demo community seeded on first start and dev login on. Not for production.
import { spawn } from 'node:child_process';
import { ensureH5Build } from './h5-build.mjs';

if (process.env.NODE_ENV === 'production') {
  console.error(
    'npm start is the local demo (dev login on). In production run the server with NODE_ENV=production: see README.',
  );
  process.exit(1);
}

ensureH5Build();

const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
  stdio: 'inherit',
  env: {
    SEED_DEMO: '1',
    ENABLE_DEV_LOGIN: '1',
    SERVE_H5_DIR: 'dist-h5',
    ...process.env,
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
