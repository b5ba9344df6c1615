import { createCipheriv, randomBytes } from 'node:crypto';

/** What `wx.getGroupEnterInfo` hands the mini program: the group's opengid encrypted with the session key. */
export function encryptGroupTicket(
  sessionKey: string,
  content: { opengid?: string; appid: string },
): { encryptedData: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  const plain = JSON.stringify({
    ...(content.opengid === undefined ? {} : { opengid: content.opengid }),
    watermark: { timestamp: Math.floor(Date.now() / 1000), appid: content.appid },
  });
  return {
    encryptedData: Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64'),
    iv: iv.toString('base64'),
  };
}

export function randomSessionKey(): string {
  return randomBytes(16).toString('base64');
}
