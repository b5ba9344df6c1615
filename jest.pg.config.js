// The API suites again, on real PostgreSQL: each test file gets a fresh database on the DATABASE_URL server.
// *.pg.test.ts files (races that PGlite's serialised transactions would hide) run only here.
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
  testMatch: databaseUrl
    ? ['<rootDir>/test/server/**/*.test.ts']
    : ['<rootDir>/test/support/postgres-skipped.test.ts'],
  setupFiles: ['<rootDir>/test/support/use-postgres.ts'],
};
