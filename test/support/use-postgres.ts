// Runs in every test:pg worker: test-database.ts then opens a fresh PostgreSQL database per test file.
process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
