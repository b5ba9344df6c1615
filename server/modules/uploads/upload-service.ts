import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { UploadView } from '../../../src/domain/contract/uploads';
import { type PictureUse, uploadLimits, uploadUrl } from '../../../src/domain/uploads';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { detectImageType } from './image-type';
import { type CheckRequestOptions, requestDueChecks } from './picture-check-requests';
import type { PictureChecker } from './picture-checker';
import { findOwnUpload, findUploadContent, insertUpload } from './upload-repository';

export interface UploadDeps {
  db: Database;
  pictureChecker: PictureChecker;
  leaseMs: CheckRequestOptions['leaseMs'];
}

/** mediaCheckAsync's scenes: an avatar is 资料 (1), a tip's or a promotion's picture 论坛 (3). */
const sceneOfUse: Record<PictureUse, number> = { avatar: 1, tip: 3, promotion: 3 };

/**
 * Stores an image the caller sent; its type is read from the bytes, never from what the client
 * claimed. It is stored pending and its check is asked for at once (local checks pass it on the
 * spot); if WeChat cannot be reached, the picture-check job asks again.
 */
export async function storeImageUpload(
  { db, pictureChecker, leaseMs }: UploadDeps,
  user: { id: string },
  data: Buffer,
  use: PictureUse,
  now: Date,
): Promise<UploadView> {
  if (data.length > uploadLimits.maxBytes) throw new AppError('IMAGE_TOO_LARGE', 413);
  const contentType = detectImageType(data);
  if (!contentType) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 415);
  const id = await db.transaction((tx) =>
    insertUpload(tx, {
      ownerUserId: user.id,
      contentType,
      data,
      checkStatus: 'pending',
      checkScene: sceneOfUse[use],
      checkNextAttemptAt: now,
      previewKey: randomBytes(18).toString('base64url'),
    }),
  );
  await requestDueChecks(db, pictureChecker, now, { uploadId: id, leaseMs });
  return { id, url: uploadUrl(id) };
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The bytes, and whether they may be kept long: an approved picture for everyone, one still being
 * checked only with its preview key (its uploader's address, and WeChat's), never a risky one.
 */
export async function readUpload(db: Database, uploadId: string, previewKey: string | undefined) {
  const upload = await findUploadContent(db, uploadId);
  if (!upload) return null;
  if (upload.checkStatus === 'pass') return { ...upload, approved: true };
  const previewable =
    upload.checkStatus === 'pending' &&
    upload.previewKey &&
    previewKey &&
    sameKey(previewKey, upload.previewKey);
  return previewable ? { ...upload, approved: false } : null;
}

/**
 * For features that attach an upload to something (an avatar, a tip image): refuses an id the
 * caller did not upload, so nobody can claim another member's image, and a picture WeChat refused.
 * One still being checked may be attached: only its uploader sees it until it passes. Call it
 * inside your transaction.
 */
export async function requireOwnUpload(tx: Database, uploadId: string, userId: string): Promise<void> {
  const upload = await findOwnUpload(tx, uploadId, userId);
  if (!upload) throw new AppError('UPLOAD_NOT_FOUND', 422);
  if (upload.checkStatus === 'risky') throw new AppError('IMAGE_REJECTED', 422);
}
