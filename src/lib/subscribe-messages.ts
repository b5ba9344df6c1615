import Taro from '@tarojs/taro';
import type { ClientConfigView, SubscriptionsResult } from '@/domain/contract/notifications';
import type { SubscribeTemplateKey } from '@/domain/notices';
import { withPermission } from './device-permission';
import { api } from './request';

/** WeChat shows at most three templates in one consent dialog. */
const maxTemplatesPerRequest = 3;

let templates: ClientConfigView['subscribeTemplates'] | undefined;
let loading: Promise<ClientConfigView['subscribeTemplates']> | undefined;

/**
 * Fetches the template ids once per app run; the WeChat app calls it at launch (src/app.ts). WeChat
 * only shows the consent dialog when asked straight from a tap, not after waiting on the network.
 */
export function preloadSubscribeTemplates(): Promise<ClientConfigView['subscribeTemplates']> {
  if (templates) return Promise.resolve(templates);
  loading ??= api
    .get<ClientConfigView>('/api/config/client')
    .then((config) => {
      templates = config.subscribeTemplates;
      return templates;
    })
    .catch(() => {
      loading = undefined;
      return {};
    });
  return loading;
}

/**
 * Asks the member to accept WeChat subscribe messages for these templates (one accepted request
 * allows one message), and tells the server which were accepted. Call it from the tap handler of
 * the action that will notify (报名, 申请推广...) without awaiting it before the action: it never
 * throws, and a refusal never stops the action. Weapp only; elsewhere it does nothing.
 */
export async function askForSubscriptions(keys: SubscribeTemplateKey[]): Promise<SubscribeTemplateKey[]> {
  if (process.env.TARO_ENV !== 'weapp') return [];
  const known = templates;
  if (!known) {
    // Not loaded yet, or the launch load failed: asking after an await would be refused anyway,
    // so this tap asks nothing and the next one will.
    preloadSubscribeTemplates();
    return [];
  }
  const wanted = keys.filter((key) => known[key]).slice(0, maxTemplatesPerRequest);
  if (wanted.length === 0) return [];
  // Asked in the same tick as the tap (withPermission calls it before its first await). Refused,
  // dismissed, or not allowed here: the notice still reaches 我的 → 消息; only subscriptions switched
  // off in the settings are explained, with 去设置.
  const answer = (await withPermission('subscribe', () =>
    Taro.requestSubscribeMessage({ tmplIds: wanted.map((key) => known[key]!), entityIds: [] }),
  )) as unknown as Record<string, string> | undefined;
  const accepted = wanted.filter((key) => answer?.[known[key]!] === 'accept');
  if (accepted.length === 0) return [];
  try {
    await api.post<SubscriptionsResult>('/api/me/subscriptions', { accepted });
  } catch {
    // Not recorded: the server sends no WeChat message without it, the inbox still has the notice.
    return [];
  }
  return accepted;
}

/** For tests: forget the loaded template ids. */
export function forgetSubscribeTemplates(): void {
  templates = undefined;
  loading = undefined;
}
