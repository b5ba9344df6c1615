// The race and two-instance suites (the login cache's among them) again, with the apps under test
// reaching PostgreSQL through PgBouncer in transaction mode (DATABASE_POOLER_URL, e.g. postgres://postgres@127.0.0.1:6432;
// scripts/start-pgbouncer.sh starts one). Set-up and checks of the tests themselves go direct.
const pg = require('./jest.pg.config.js');

const poolerUrl = process.env.DATABASE_POOLER_URL;
const ready = Boolean(process.env.DATABASE_URL && poolerUrl);

if (!ready) {
  process.stderr.write(
    '\ntest:pooler skipped: needs DATABASE_URL (PostgreSQL) and DATABASE_POOLER_URL (PgBouncer in transaction mode)\n\n',
  );
}

module.exports = {
  ...pg,
  displayName: 'server-pooler',
  // One more hop per statement, and the race suites set up 150 members each.
  testTimeout: 120_000,
  testMatch: ready
    ? [
        '<rootDir>/test/server/**/*-race.pg.test.ts',
        '<rootDir>/test/server/**/*-races.pg.test.ts',
        '<rootDir>/test/server/faults/scale-out.pg.test.ts',
        // The login cache listens past the pooler, on the direct URL.
        '<rootDir>/test/server/read-caches/two-instances.pg.test.ts',
      ]
    : ['<rootDir>/test/support/postgres-skipped.test.ts'],
  setupFiles: ['<rootDir>/test/support/use-postgres.ts', '<rootDir>/test/support/use-pooler.ts'],
};
