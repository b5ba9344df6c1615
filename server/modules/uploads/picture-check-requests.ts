import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { uploads, users } from '../../db/schema';
import { type BackgroundJob, toDueWork } from '../../jobs/background-job';
import { applyEarlyAnswer, forgetStrayAnswers, lockTrace } from './picture-check-answers';
import { type CheckRequestOutcome, createPictureChecker, type PictureChecker } from './picture-checker';

interface ClaimedCheck {
  uploadId: string;
  previewKey: string;
  scene: number;
  uploaderOpenid: string;
  /** The attempt this claim is: its record is kept only while no later claim took the upload. */
  attempt: number;
}

export interface CheckRequestOptions {
  /** Only this upload (the upload route asks for its new picture at once). */
  uploadId?: string;
  batchSize?: number;
  /** How long a claim is ours: past it another instance asks again (this one may have died). */
  leaseMs: number;
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** A claim covers one request: an access token, the call, a renewed token and the call again. */
export function checkRequestLeaseMs(config: Pick<Config, 'wechatTimeoutMs'>): number {
  return config.wechatTimeoutMs * 4 + 10_000;
}

function retryDelay(attempt: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(attempt - 1, 0), max);
}

/**
 * Sends the due check requests: claims pending pictures whose request is due with `FOR UPDATE
 * SKIP LOCKED` (several instances never take the same one) and leases them, asks the checker
 * outside any transaction (a slow WeChat holds no lock), then records each outcome if the claim is
 * still the latest. A failed request is asked again later, with growing delays. Returns how many
 * were claimed.
 */
export async function requestDueChecks(
  db: Database,
  checker: PictureChecker,
  now: Date,
  options: CheckRequestOptions,
): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({
        uploadId: uploads.id,
        previewKey: uploads.previewKey,
        scene: uploads.checkScene,
        uploaderOpenid: users.openid,
        attempts: uploads.checkAttempts,
      })
      .from(uploads)
      .innerJoin(users, eq(users.id, uploads.ownerUserId))
      .where(
        and(
          eq(uploads.checkStatus, 'pending'),
          lte(uploads.checkNextAttemptAt, now),
          options.uploadId ? eq(uploads.id, options.uploadId) : undefined,
        ),
      )
      .orderBy(asc(uploads.checkNextAttemptAt))
      .limit(options.batchSize ?? 20)
      .for('update', { of: uploads, skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(uploads)
      .set({
        checkAttempts: sql`${uploads.checkAttempts} + 1`,
        checkNextAttemptAt: new Date(now.getTime() + options.leaseMs),
      })
      .where(
        inArray(
          uploads.id,
          due.map((row) => row.uploadId),
        ),
      );
    return due.map(
      ({ attempts, previewKey, ...row }): ClaimedCheck => ({
        ...row,
        previewKey: previewKey ?? '',
        attempt: attempts + 1,
      }),
    );
  });

  await Promise.all(
    claimed.map(async (check) => {
      let outcome: CheckRequestOutcome | { kind: 'failed'; error: string };
      try {
        outcome = await checker.requestCheck(check);
      } catch (error) {
        const errcode = (error as { wechatErrcode?: number }).wechatErrcode;
        outcome = { kind: 'failed', error: errcode ? `WECHAT_ERRCODE_${errcode}` : 'WECHAT_UNAVAILABLE' };
      }
      await recordOutcome(db, check, outcome, now, options);
    }),
  );
  return claimed.length;
}

async function recordOutcome(
  db: Database,
  check: ClaimedCheck,
  outcome: CheckRequestOutcome | { kind: 'failed'; error: string },
  now: Date,
  options: CheckRequestOptions,
): Promise<void> {
  const stillOurs = and(
    eq(uploads.id, check.uploadId),
    eq(uploads.checkStatus, 'pending'),
    eq(uploads.checkAttempts, check.attempt),
  );
  await db.transaction(async (tx) => {
    if (outcome.kind === 'passed') {
      await tx
        .update(uploads)
        .set({ checkStatus: 'pass', checkedAt: now, checkNextAttemptAt: null, checkLastError: null })
        .where(stillOurs);
    } else if (outcome.kind === 'asked') {
      await lockTrace(tx, outcome.traceId);
      const [recorded] = await tx
        .update(uploads)
        .set({ checkTraceId: outcome.traceId, checkNextAttemptAt: null, checkLastError: null })
        .where(stillOurs)
        .returning({ id: uploads.id });
      if (recorded) await applyEarlyAnswer(tx, outcome.traceId, now);
    } else {
      const delay = retryDelay(
        check.attempt,
        options.retryDelayMs ?? 30_000,
        options.maxRetryDelayMs ?? 3_600_000,
      );
      await tx
        .update(uploads)
        .set({ checkLastError: outcome.error, checkNextAttemptAt: new Date(now.getTime() + delay) })
        .where(stillOurs);
    }
  });
}

/**
 * The background job: asks WeChat to check every picture whose request failed or was never sent
 * (a server stopped between storing it and asking). Idle runs drop stray answers.
 */
export function createPictureCheckRequester(
  { config }: { config: Config },
  options: Partial<Omit<CheckRequestOptions, 'uploadId'>> & { idleIntervalMs?: number } = {},
): BackgroundJob {
  return {
    name: 'picture-check-requests',
    idleIntervalMs: options.idleIntervalMs ?? 5_000,
    async runOnce(db, now) {
      const handled = await requestDueChecks(db, createPictureChecker(db, config), now, {
        leaseMs: checkRequestLeaseMs(config),
        ...options,
      });
      if (handled === 0) await forgetStrayAnswers(db, now);
      return handled;
    },
    async dueWork(db, now) {
      const [row] = await db
        .select({
          count: sql<number>`count(*)`,
          oldest: sql<Date | null>`min(${uploads.checkNextAttemptAt})`,
        })
        .from(uploads)
        .where(and(eq(uploads.checkStatus, 'pending'), lte(uploads.checkNextAttemptAt, now)));
      return toDueWork(row);
    },
  };
}
