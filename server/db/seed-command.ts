import { ConfigError, parseConfig } from '../config';
import { DataDirBusyError } from './data-dir-lock';
import { openDatabase } from './open-database';
import { demoCommunity, seedDemoCommunity } from './seed';
import { DatabaseUnreachableError, waitForDatabase } from './wait-for-database';

async function main() {
  const config = parseConfig(process.env);
  const handle = await openDatabase(config);
  try {
    if (config.databaseUrl) {
      await waitForDatabase(handle, config.databaseUrl, { retrySeconds: config.databaseConnectRetrySeconds });
    }
    await handle.migrate();
    const created = await seedDemoCommunity(handle.db);
    console.log(
      created
        ? `已创建示例社群「${demoCommunity.name}」，邀请码 ${demoCommunity.inviteCode}`
        : `示例社群已存在，未做改动（邀请码 ${demoCommunity.inviteCode}）`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  const forThePerson =
    error instanceof ConfigError ||
    error instanceof DataDirBusyError ||
    error instanceof DatabaseUnreachableError;
  console.error(forThePerson ? error.message : error);
  process.exit(1);
});
