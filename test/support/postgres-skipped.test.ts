// Run by test:pg instead of the suites when there is no server to run them on, so the skip is visible.
describe.skip('skipped: DATABASE_URL not set', () => {
  it('runs the API suites on real PostgreSQL', () => {});
});
