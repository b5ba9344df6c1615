import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { uploads } from '../../db/schema';

export async function insertUpload(
  tx: Database,
  upload: Pick<
    typeof uploads.$inferInsert,
    | 'ownerUserId'
    | 'contentType'
    | 'data'
    | 'checkStatus'
    | 'checkScene'
    | 'checkNextAttemptAt'
    | 'previewKey'
  >,
): Promise<string> {
  const [row] = await tx
    .insert(uploads)
    .values({ ...upload, byteSize: upload.data.length })
    .returning({ id: uploads.id });
  return row!.id;
}

export async function findUploadContent(tx: Database, uploadId: string) {
  const [row] = await tx
    .select({
      contentType: uploads.contentType,
      data: uploads.data,
      createdAt: uploads.createdAt,
      checkStatus: uploads.checkStatus,
      previewKey: uploads.previewKey,
    })
    .from(uploads)
    .where(eq(uploads.id, uploadId));
  return row;
}

export async function findOwnUpload(tx: Database, uploadId: string, userId: string) {
  const [row] = await tx
    .select({ id: uploads.id, checkStatus: uploads.checkStatus })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.ownerUserId, userId)));
  return row;
}

/** Where WeChat's check of these uploads stands: what views may show of them, and to whom. */
export async function findPictureChecks(tx: Database, uploadIds: string[]) {
  return tx
    .select({
      id: uploads.id,
      ownerUserId: uploads.ownerUserId,
      checkStatus: uploads.checkStatus,
      previewKey: uploads.previewKey,
    })
    .from(uploads)
    .where(inArray(uploads.id, uploadIds));
}
