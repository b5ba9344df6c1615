import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { createWechatPictureChecker } from './wechat-picture-checker';

/** One stored picture to check, with what WeChat needs to download it and judge it. */
export interface PictureToCheck {
  uploadId: string;
  previewKey: string;
  /** mediaCheckAsync's scene: 1 资料 (avatars), 3 论坛 (tip and promotion images). */
  scene: number;
  uploaderOpenid: string;
}

/** `asked`: WeChat will push its answer with this trace id; `passed`: approved on the spot. */
export type CheckRequestOutcome = { kind: 'asked'; traceId: string } | { kind: 'passed' };

/**
 * Checks pictures after they are stored, like `TextChecker` checks text before. Production asks
 * WeChat (`mediaCheckAsync`, answered later through the message push); local checks approve at
 * once. Throws `WECHAT_UNAVAILABLE` when the request did not get through: the job asks again.
 */
export interface PictureChecker {
  requestCheck(picture: PictureToCheck): Promise<CheckRequestOutcome>;
}

/** `npm start`, dev and tests without WeChat: every picture passes as soon as it is stored. */
export const localPictureChecker: PictureChecker = {
  requestCheck: async () => ({ kind: 'passed' }),
};

export function createPictureChecker(
  db: Database,
  config: Pick<
    Config,
    'contentCheck' | 'wechatApiBase' | 'wechatTimeoutMs' | 'wechatAppid' | 'wechatSecret' | 'publicBaseUrl'
  >,
): PictureChecker {
  return config.contentCheck === 'wechat' ? createWechatPictureChecker(db, config) : localPictureChecker;
}
