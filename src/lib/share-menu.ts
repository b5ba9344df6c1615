import Taro from '@tarojs/taro';

/**
 * Cards shared from this page carry a share ticket, so whoever opens one inside a group chat can
 * prove the group (joining a bound community without a code). Only WeChat has share tickets.
 */
export function enableShareTicket(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  // Without tickets the card still shares, so a failure here is not worth a word to the member.
  Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined);
}
