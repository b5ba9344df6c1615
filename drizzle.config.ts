import { defineConfig } from 'drizzle-kit';

// Generation is offline (no database connection): it diffs the schema against the snapshots in meta/.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
