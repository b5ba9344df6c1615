// The suites that need real PostgreSQL, each test file on a fresh database of the DATABASE_URL server:
// *.pg.test.ts (races that PGlite's serialised transactions would hide, several connections, outages)
// and *.slow.test.ts (real server processes). `npm run test:pg:all` runs every API suite there as well,
// for a change to SQL that PGlite and PostgreSQL might take differently (npm test runs them on PGlite).
const base = require('./jest.config.js').projects.find((project) => project.displayName === 'server');

const databaseUrl = process.env.DATABASE_URL;

if (!databaseUrl) {
  process.stderr.write(
    '\ntest:pg skipped: DATABASE_URL not set (e.g. postgres://postgres@127.0.0.1:5432/test)\n\n',
  );
}

module.exports = {
  transform: base.transform,
  moduleNameMapper: base.moduleNameMapper,
  testTimeout: 30000,
  displayName: 'server-pg',
  testEnvironment: 'node',
  maxWorkers: 2,
  testMatch: !databaseUrl
    ? ['<rootDir>/test/support/postgres-skipped.test.ts']
    : process.env.PG_SUITES === 'all'
      ? ['<rootDir>/test/server/**/*.test.ts']
      : ['<rootDir>/test/server/**/*.pg.test.ts', '<rootDir>/test/server/**/*.slow.test.ts'],
  setupFiles: ['<rootDir>/test/support/use-postgres.ts'],
};
