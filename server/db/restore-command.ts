import { ConfigError, parseConfig } from '../config';
import { BackupError, restoreBackup } from './backup';

/** `npm run restore -- <file>`: a backup into DATA_DIR, only while no server uses it. */
async function main() {
  const file = process.argv[2];
  if (!file) throw new BackupError('用法：npm run restore -- 备份文件.tar.gz');
  const config = parseConfig(process.env);
  if (config.databaseUrl)
    throw new BackupError('DATABASE_URL 指向 PostgreSQL：请用 pg_restore 恢复（见 README 的「备份与恢复」）');
  const { keptAside } = await restoreBackup(file, config.dataDir);
  console.log(`已从 ${file} 恢复到 ${config.dataDir}`);
  if (keptAside) console.log(`原来的数据库没有删除，移到了 ${keptAside}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof BackupError ? error.message : error);
  process.exit(1);
});
