import { AppError } from '../../app-error';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { type AccessTokenConfig, callWechatWithToken } from '../wechat/access-token';
import type { WechatReply } from '../wechat/wechat-api';
import type { PictureChecker } from './picture-checker';
import { picturePreviewUrl } from './picture-visibility';

interface MediaCheckAsyncReply extends WechatReply {
  trace_id?: string;
}

/**
 * mediaCheckAsync v2: media_type 2 (a picture), the uploader's openid and the scene of its use.
 * WeChat answers the call with a trace id and the verdict later, within 30 minutes, as a
 * `wxa_media_check` push to `POST /api/wechat/push`.
 */
export function createWechatPictureChecker(
  db: Database,
  config: AccessTokenConfig & Pick<Config, 'publicBaseUrl'>,
): PictureChecker {
  return {
    async requestCheck(picture) {
      if (!config.publicBaseUrl) throw new AppError('WECHAT_UNAVAILABLE', 503);
      const reply = await callWechatWithToken<MediaCheckAsyncReply>(db, config, '/wxa/media_check_async', {
        // WeChat downloads it from our public address, with the key that shows it before it passed.
        media_url: `${config.publicBaseUrl}${picturePreviewUrl(picture.uploadId, picture.previewKey)}`,
        media_type: 2,
        version: 2,
        scene: picture.scene,
        openid: picture.uploaderOpenid,
      });
      if ((reply.errcode !== undefined && reply.errcode !== 0) || !reply.trace_id) {
        throw Object.assign(new AppError('WECHAT_UNAVAILABLE', 503), { wechatErrcode: reply.errcode });
      }
      return { kind: 'asked', traceId: reply.trace_id };
    },
  };
}
