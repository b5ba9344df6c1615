import { ConfigError, parseConfig } from '../config';
import { BackupError, backUp } from './backup';
import { DataDirBusyError } from './data-dir-lock';

/** `npm run backup -- <file>`: the embedded database of DATA_DIR into one file, server running or not. */
async function main() {
  const file = process.argv[2];
  if (!file) throw new BackupError('用法：npm run backup -- 备份文件.tar.gz');
  const config = parseConfig(process.env);
  if (config.databaseUrl)
    throw new BackupError('DATABASE_URL 指向 PostgreSQL：请用 pg_dump 备份（见 README 的「备份与恢复」）');
  const { from, bytes } = await backUp(config.dataDir, file);
  const source = from === 'server' ? '由运行中的服务写出' : '服务未运行，直接读取数据目录';
  console.log(`已备份 ${config.dataDir} 到 ${file}（${(bytes / 2 ** 20).toFixed(1)} MB，${source}）`);
}

main().catch((error) => {
  const forThePerson =
    error instanceof ConfigError || error instanceof DataDirBusyError || error instanceof BackupError;
  console.error(forThePerson ? error.message : error);
  process.exit(1);
});
