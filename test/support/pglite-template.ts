import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../server/db/open-database';

export const templateEnvVar = 'QY_PGLITE_TEMPLATE';

function listFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    })
    .sort();
}

/** Keyed by the migrations and the PGlite version: a new migration makes a new template. */
export function pgliteTemplatePath(): string {
  const hash = createHash('sha256');
  // The package does not export its package.json, so it is read from the file.
  hash.update(fs.readFileSync(path.join(__dirname, '../../node_modules/@electric-sql/pglite/package.json')));
  for (const file of listFiles(migrationsFolder)) {
    hash.update(path.relative(migrationsFolder, file));
    hash.update(fs.readFileSync(file));
  }
  return path.join(os.tmpdir(), `qunyou-pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** One migrated database, dumped once; every test file starts from a copy (about 1 s instead of 5). */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplatePath();
  if (fs.existsSync(target)) return target;
  const client = new PGlite();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('gzip');
    // Written aside and renamed, so a parallel run never reads half a file.
    const partial = `${target}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, target);
  } finally {
    await client.close();
  }
  return target;
}
