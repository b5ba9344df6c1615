import { eq, lt, sql } from 'drizzle-orm';
import { pagePaths, tipPath } from '../../../src/domain/page-paths';
import type { Database } from '../../db/database';
import { memberProfiles, pictureCheckAnswers, promotionRequests, tips, uploads } from '../../db/schema';
import { enqueueNotices, type NewNotice } from '../notifications';

/** What WeChat says of a picture: `review` (a person should look) keeps it pending, see the README. */
export type PictureCheckSuggest = 'pass' | 'risky' | 'review';

export function isPictureCheckSuggest(value: unknown): value is PictureCheckSuggest {
  return value === 'pass' || value === 'risky' || value === 'review';
}

/**
 * Everything about one trace id happens under this lock, in the push's transaction and in the
 * record of mediaCheckAsync's reply: whichever comes second sees what the first wrote.
 */
export async function lockTrace(tx: Database, traceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${traceId}, 0))`);
}

/**
 * WeChat's answer for a trace id, inside the caller's transaction after `lockTrace`. A picture
 * already decided (pass or risky) stays as it is: the same push twice changes nothing more.
 * Returns false when no upload carries the trace id yet (the answer is kept for its record).
 */
export async function applyPictureCheckAnswer(
  tx: Database,
  traceId: string,
  suggest: PictureCheckSuggest,
  now: Date,
): Promise<boolean> {
  const [upload] = await tx
    .select({ id: uploads.id, ownerUserId: uploads.ownerUserId, checkStatus: uploads.checkStatus })
    .from(uploads)
    .where(eq(uploads.checkTraceId, traceId))
    .for('update');
  if (!upload) {
    await tx
      .insert(pictureCheckAnswers)
      .values({ traceId, suggest, receivedAt: now })
      .onConflictDoUpdate({ target: pictureCheckAnswers.traceId, set: { suggest, receivedAt: now } });
    return false;
  }
  if (upload.checkStatus !== 'pending') return true;
  if (suggest === 'review') {
    await tx.update(uploads).set({ checkSuggest: suggest }).where(eq(uploads.id, upload.id));
    return true;
  }
  await tx
    .update(uploads)
    .set({ checkStatus: suggest, checkSuggest: suggest, checkedAt: now })
    .where(eq(uploads.id, upload.id));
  if (suggest === 'risky') await takeDownPicture(tx, upload);
  return true;
}

/** After the trace id is recorded: an answer that came first is applied now. */
export async function applyEarlyAnswer(tx: Database, traceId: string, now: Date): Promise<void> {
  const [early] = await tx
    .delete(pictureCheckAnswers)
    .where(eq(pictureCheckAnswers.traceId, traceId))
    .returning({ suggest: pictureCheckAnswers.suggest });
  if (early && isPictureCheckSuggest(early.suggest))
    await applyPictureCheckAnswer(tx, traceId, early.suggest, now);
}

/** Answers for traces we never recorded (another environment on the same appid): dropped after a day. */
export async function forgetStrayAnswers(db: Database, now: Date): Promise<void> {
  await db
    .delete(pictureCheckAnswers)
    .where(lt(pictureCheckAnswers.receivedAt, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}

/**
 * A risky picture leaves every place it is used: the avatar falls back to the initial letter, a
 * tip or promotion shows no picture. The uploader is told in 消息, once per place.
 */
async function takeDownPicture(tx: Database, upload: { id: string; ownerUserId: string }): Promise<void> {
  const avatars = await tx
    .update(memberProfiles)
    .set({ avatarUploadId: null })
    .where(eq(memberProfiles.avatarUploadId, upload.id))
    .returning({ communityId: memberProfiles.communityId });
  const tipsUsing = await tx
    .update(tips)
    .set({ imageUploadId: null })
    .where(eq(tips.imageUploadId, upload.id))
    .returning({ id: tips.id, communityId: tips.communityId, title: tips.title });
  const promotionsUsing = await tx
    .update(promotionRequests)
    .set({ imageUploadId: null })
    .where(eq(promotionRequests.imageUploadId, upload.id))
    .returning({
      id: promotionRequests.id,
      communityId: promotionRequests.communityId,
      title: promotionRequests.title,
    });
  const notice = (place: string, communityId: string, body: string, link: string): NewNotice => ({
    userId: upload.ownerUserId,
    communityId,
    kind: 'picture_rejected',
    title: '图片未通过审核',
    body,
    link,
    dedupeKey: `picture:${upload.id}:rejected:${place}`,
  });
  const advice = '其他成员看不到它了，可以换一张重新上传。';
  await enqueueNotices(tx, [
    ...avatars.map(({ communityId }) =>
      notice(
        `avatar:${communityId}`,
        communityId,
        `你的头像未通过微信内容安全检测，已换回默认头像。${advice}`,
        pagePaths.editProfile,
      ),
    ),
    ...tipsUsing.map((tip) =>
      notice(
        `tip:${tip.id}`,
        tip.communityId,
        `干货「${tip.title}」里的图片未通过微信内容安全检测，已被撤下。${advice}`,
        tipPath(tip.id),
      ),
    ),
    ...promotionsUsing.map((request) =>
      notice(
        `promotion:${request.id}`,
        request.communityId,
        `推广「${request.title}」里的图片未通过微信内容安全检测，已被撤下。${advice}`,
        pagePaths.promotions,
      ),
    ),
  ]);
}

/** A pushed verdict, in its own transaction. */
export async function receivePictureCheckAnswer(
  db: Database,
  traceId: string,
  suggest: PictureCheckSuggest,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTrace(tx, traceId);
    await applyPictureCheckAnswer(tx, traceId, suggest, now);
  });
}
