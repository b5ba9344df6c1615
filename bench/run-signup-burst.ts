/**
 * 500 members sign up at once for 60 seats on the real PostgreSQL (a fresh database, dropped after):
 * prints the wall time and the correctness checks.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/run-signup-burst.ts
 */
import { createTestApp } from '../test/support/test-app';
import { runSignupBurst } from './signup-burst';

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL (PGlite runs transactions one at a time)');
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const t = await createTestApp();
  try {
    const result = await runSignupBurst(t.app, t.db, 500, 60);
    const ok =
      result.confirmed === 60 &&
      result.waitlisted === 440 &&
      result.errors === 0 &&
      result.positionsContiguous;
    console.log(
      `sign-up burst: ${result.members} members, ${result.seats} seats in ${result.wallMs} ms -> ` +
        `${result.confirmed} confirmed, ${result.waitlisted} waitlisted, ${result.errors} errors, ` +
        `positions ${result.positionsContiguous ? '1..N contiguous' : 'BROKEN'} ${ok ? 'OK' : 'FAILED'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
