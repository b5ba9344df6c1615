import type { UploadView } from '../../../src/domain/contract/uploads';
import { uploadLimits, uploadUrl } from '../../../src/domain/uploads';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { detectImageType } from './image-type';
import { findUploadContent, insertUpload, isUploadOwnedBy } from './upload-repository';

/** Stores an image the caller sent; its type is read from the bytes, never from what the client claimed. */
export async function storeImageUpload(db: Database, userId: string, data: Buffer): Promise<UploadView> {
  if (data.length > uploadLimits.maxBytes) throw new AppError('IMAGE_TOO_LARGE', 413);
  const contentType = detectImageType(data);
  if (!contentType) throw new AppError('IMAGE_TYPE_UNSUPPORTED', 415);
  const id = await db.transaction((tx) => insertUpload(tx, { ownerUserId: userId, contentType, data }));
  return { id, url: uploadUrl(id) };
}

export async function readUpload(db: Database, uploadId: string) {
  const upload = await findUploadContent(db, uploadId);
  if (!upload) throw new AppError('NOT_FOUND', 404);
  return upload;
}

/**
 * For features that attach an upload to something (an avatar, a tip image): refuses an id the
 * caller did not upload, so nobody can claim another member's image. Call it inside your transaction.
 */
export async function requireOwnUpload(tx: Database, uploadId: string, userId: string): Promise<void> {
  if (!(await isUploadOwnedBy(tx, uploadId, userId))) throw new AppError('UPLOAD_NOT_FOUND', 422);
}
