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
export function askForSubscriptions(keys: SubscribeTemplateKey[]): Promise<SubscribeTemplateKey[]> {
  const known = process.env.TARO_ENV === 'weapp' ? templates : {};
  // Not loaded yet, or the launch load failed: asking after a wait would be refused anyway, so
  // this tap asks nothing and the next one will.
  if (!known) preloadSubscribeTemplates();
  const wanted = keys.filter((key) => known?.[key]).slice(0, maxTemplatesPerRequest);
  if (!known || wanted.length === 0) return Promise.resolve([]);
  // Asked in the same tick as the tap: withPermission calls it at once. Refused, dismissed, or not
  // allowed here: the notice still reaches 我的 → 消息; only subscriptions switched off in the
  // settings are explained, with 去设置. A chain rather than async/await: the main package carries it.
  return withPermission('subscribe', () =>
    Taro.requestSubscribeMessage({ tmplIds: wanted.map((key) => known[key]!), entityIds: [] }),
  ).then((answer) => {
    const accepted = wanted.filter(
      (key) => (answer as Record<string, string> | undefined)?.[known[key]!] === 'accept',
    );
    if (accepted.length === 0) return [];
    // Not recorded: the server sends no WeChat message without it, the inbox still has the notice.
    return api.post<SubscriptionsResult>('/api/me/subscriptions', { accepted }).then(
      () => accepted,
      () => [],
    );
  });
}

/** For tests: forget the loaded template ids. */
export function forgetSubscribeTemplates(): void {
  templates = undefined;
  loading = undefined;
}
