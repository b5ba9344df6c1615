import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { subscribeTemplateKeys, templateEnvName } from '../../src/domain/notices';
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat';
import { startServerProcess } from '../support/server-process';

export interface WeappApiServer {
  url: string;
  fakeWechat: FakeWechat;
  /** The template id the server hands out for each subscribe-message key. */
  templateIds: Record<string, string>;
  /** A login code for `wx.login` that the fake WeChat answers with this openid. */
  loginCodeFor(openid: string): string;
  close(): Promise<void>;
}

/**
 * The real API server (`server/server.ts`) as its own process, on an embedded database in a temp
 * folder with the demo community seeded, logging in through a fake WeChat over real HTTP.
 */
export async function startWeappApiServer(): Promise<WeappApiServer> {
  const fakeWechat = await startFakeWechat();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qy-weapp-'));
  const templateIds = Object.fromEntries(subscribeTemplateKeys.map((key) => [key, `tmpl-${key}`]));
  const server = startServerProcess({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    SEED_DEMO: '1',
    WECHAT_API_BASE: fakeWechat.baseUrl,
    WECHAT_APPID: fakeWechat.appid,
    WECHAT_SECRET: fakeWechat.secret,
    ...Object.fromEntries(subscribeTemplateKeys.map((key) => [templateEnvName(key), templateIds[key]!])),
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
  });
  let codes = 0;
  try {
    // A first start (database, migrations, demo seed) beside the build took over 60 s on a loaded machine.
    const url = await server.listening(150_000);
    return {
      url,
      fakeWechat,
      templateIds,
      loginCodeFor(openid) {
        codes += 1;
        const code = `weapp-test-code-${codes}`;
        fakeWechat.setCode(code, { kind: 'ok', openid });
        return code;
      },
      async close() {
        await server.stop();
        await fakeWechat.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    await fakeWechat.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
