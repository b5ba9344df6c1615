import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { uploads } from '../../db/schema';

export async function insertUpload(
  tx: Database,
  upload: { ownerUserId: string; contentType: string; data: Buffer },
): Promise<string> {
  const [row] = await tx
    .insert(uploads)
    .values({ ...upload, byteSize: upload.data.length })
    .returning({ id: uploads.id });
  return row!.id;
}

export async function findUploadContent(tx: Database, uploadId: string) {
  const [row] = await tx
    .select({ contentType: uploads.contentType, data: uploads.data, createdAt: uploads.createdAt })
    .from(uploads)
    .where(eq(uploads.id, uploadId));
  return row;
}

export async function isUploadOwnedBy(tx: Database, uploadId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.ownerUserId, userId)));
  return !!row;
}
