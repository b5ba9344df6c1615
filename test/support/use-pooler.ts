// Runs in every test:pooler worker: test-database.ts then opens the apps' databases through PgBouncer.
process.env.TEST_DATABASE_POOLER_URL = process.env.DATABASE_POOLER_URL;
