import { noticeLimits } from '../../../src/domain/notices';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { type AccessTokenConfig, getAccessToken } from '../wechat/access-token';
import { callWechat, type WechatReply } from '../wechat/wechat-api';

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini program page opened from the message, with its query, without the leading slash. */
  page: string;
  data: Record<string, string>;
}

/** What came of one send: delivered; refused for good (do not retry); or worth another try later. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'no-consent'; error: string }
  | { kind: 'rejected'; error: string }
  | { kind: 'retry'; error: string };

const tokenExpired = new Set([40001, 42001]);
/** The user has no consent left on WeChat's side: our count was wrong, so stop using it. */
const userRefused = 43101;
/** Bad openid, template id or field values: sending again cannot help. */
const permanent = new Set([40003, 40037, 47003]);

/** WeChat refuses `thing` values longer than 20 characters; cut them rather than lose the message. */
function templateData(data: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(data).map(([field, value]) => {
      const characters = Array.from(value);
      const fits = !field.startsWith('thing') || characters.length <= noticeLimits.wechatThingMax;
      return [
        field,
        { value: fits ? value : `${characters.slice(0, noticeLimits.wechatThingMax - 1).join('')}…` },
      ];
    }),
  );
}

/** `subscribeMessage.send`, renewing the access token once if WeChat says it expired. */
export async function sendSubscribeMessage(
  db: Database,
  config: AccessTokenConfig,
  message: SubscribeMessage,
): Promise<SendOutcome> {
  const body = {
    touser: message.openid,
    template_id: message.templateId,
    page: message.page.replace(/^\//, ''),
    data: templateData(message.data),
  };
  try {
    for (let attempt = 0; ; attempt += 1) {
      const accessToken = await getAccessToken(db, config, { forceRefresh: attempt > 0 });
      const reply = await callWechat<WechatReply>(config, '/cgi-bin/message/subscribe/send', {
        query: { access_token: accessToken },
        json: body,
      });
      const errcode = reply.errcode ?? 0;
      if (errcode === 0) return { kind: 'sent' };
      const error = `errcode ${errcode}: ${reply.errmsg ?? ''}`.trim();
      if (tokenExpired.has(errcode) && attempt === 0) continue;
      if (errcode === userRefused) return { kind: 'no-consent', error };
      if (permanent.has(errcode)) return { kind: 'rejected', error };
      return { kind: 'retry', error };
    }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'retry', error: `${error.code}${timeoutNote(error)}` };
    throw error;
  }
}

function timeoutNote(error: AppError): string {
  // AbortSignal.timeout rejects with a DOMException, which is not always an `instanceof Error`.
  const cause = (error as { cause?: { name?: unknown } }).cause;
  return cause?.name === 'TimeoutError' ? ' (timeout)' : '';
}
