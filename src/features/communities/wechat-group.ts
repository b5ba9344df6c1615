import Taro from '@tarojs/taro';
import type { GroupTicketInput } from '@/domain/contract/joining';
import { isApiError } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';
import { loginWithWechat } from '@/lib/login-with-wechat';

/**
 * Whether the mini program was opened from a share card inside a group chat: only then does
 * WeChat hand out a share ticket, and `getGroupEnterInfo` name the group. H5 has neither.
 */
export function openedFromGroupChat(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  return !!Taro.getEnterOptionsSync().shareTicket;
}

async function readGroupTicket(): Promise<GroupTicketInput> {
  const { encryptedData, iv } =
    (await Taro.getGroupEnterInfo()) as Taro.getGroupEnterInfo.SuccessCallbackResult;
  return { encryptedData, iv };
}

/**
 * Sends the group chat's encrypted info. The server decrypts it with my WeChat session key, which
 * WeChat may have replaced since I signed in: then it answers GROUP_TICKET_INVALID, and a fresh
 * login (new key) and freshly read group info are worth exactly one more try.
 */
export async function sendGroupTicket<T>(send: (ticket: GroupTicketInput) => Promise<T>): Promise<T> {
  try {
    return await send(await readGroupTicket());
  } catch (error) {
    if (!isApiError(error) || error.code !== 'GROUP_TICKET_INVALID') throw error;
    useLoginSession.getState().signIn(await loginWithWechat());
    return send(await readGroupTicket());
  }
}
