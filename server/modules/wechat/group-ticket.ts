import { createDecipheriv } from 'node:crypto';
import type { GroupTicketInput } from '../../../src/domain/contract/joining';
import { AppError } from '../../app-error';

/**
 * WeChat's open data (`getGroupEnterInfo`, `getUserProfile`...): AES-128-CBC with the user's session
 * key, PKCS#7 padding, JSON with a watermark naming the mini program. Returns the JSON only when it
 * decrypts and the watermark names our appid; null for anything else (a stale session key after
 * another login, data of another mini program, garbage).
 */
export function decryptWechatData(
  sessionKey: string | null,
  data: GroupTicketInput,
  appid: string | undefined,
): Record<string, unknown> | null {
  const key = sessionKey ? Buffer.from(sessionKey, 'base64') : Buffer.alloc(0);
  const iv = Buffer.from(data.iv, 'base64');
  if (key.length !== 16 || iv.length !== 16 || !appid) return null;
  let decrypted: unknown;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    const plain = Buffer.concat([decipher.update(data.encryptedData, 'base64'), decipher.final()]);
    decrypted = JSON.parse(plain.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof decrypted !== 'object' || decrypted === null) return null;
  const watermark = (decrypted as { watermark?: { appid?: unknown } }).watermark;
  return watermark?.appid === appid ? (decrypted as Record<string, unknown>) : null;
}

/** The `opengid` of the group the mini program was opened in: unique per group and mini program. */
export function openGroupId(
  sessionKey: string | null,
  ticket: GroupTicketInput,
  appid: string | undefined,
): string {
  const opengid = decryptWechatData(sessionKey, ticket, appid)?.opengid;
  if (typeof opengid !== 'string' || opengid === '') throw new AppError('GROUP_TICKET_INVALID', 400);
  return opengid;
}
