export default async function globalTeardown() {
  const server = globalThis.__E2E_SERVER__;
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  let timer;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
  clearTimeout(timer);
  if (server.exitCode === null) server.kill('SIGKILL');
}
