import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { isSubscribeTemplateKey, reachesNonMembers } from '../../../src/domain/notices';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { inboxMessages, memberships, notices, subscribeConsents, users } from '../../db/schema';
import { type BackgroundJob, toDueWork } from '../../jobs/background-job';
import { type SendOutcome, sendSubscribeMessage } from './subscribe-message-sender';

type Notice = typeof notices.$inferSelect;

export interface NoticeDispatcherDeps {
  config: Config;
  log: { info(object: object, message: string): void; warn(object: object, message: string): void };
}

export interface NoticeDispatcherOptions {
  batchSize?: number;
  idleIntervalMs?: number;
  /** After this many failed WeChat sends the notice is `failed` (its inbox message stays). */
  maxAttempts?: number;
  /** First retry delay; doubled after every further failure, capped at `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Milliseconds on a clock that only moves forward; tests move it to play a slow run. */
  elapsedClock?: () => number;
}

interface ClaimedSend {
  notice: Notice;
  openid: string;
  templateId: string;
}

export function retryDelayMs(attempts: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(attempts - 1, 0), max);
}

/**
 * Sends due notices. One run: in a transaction, claim due pending notices with
 * `FOR UPDATE SKIP LOCKED`, write each one's inbox message, reserve a subscribe consent for those
 * to go through WeChat and lease them (push `nextAttemptAt` past the longest a send can take), mark
 * the rest sent; commit. Then call WeChat outside any transaction (a slow WeChat holds no lock and,
 * on PGlite, does not block the API), and record each outcome guarded by the attempt number, so a
 * notice is sent by one instance only. A send starts only while enough of its lease is left for the
 * longest send and its record: a run slowed down (a busy machine, a slow claim) gives the notice
 * back instead, since another instance may claim it once the lease ends. A crash between WeChat's
 * answer and the record is the one case that can repeat a send, after the lease ends.
 */
export function createNoticeDispatcher(
  { config, log }: NoticeDispatcherDeps,
  options: NoticeDispatcherOptions = {},
): BackgroundJob {
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseRetryMs = options.retryDelayMs ?? 30_000;
  const maxRetryMs = options.maxRetryDelayMs ?? 6 * 60 * 60 * 1000;
  // A send is at most a token fetch, the send, and a renewed token + send again; then its record.
  const longestSendMs = config.wechatTimeoutMs * 4 + 10_000;
  // Counted from the start of the run, so a slow claim eats into it, not past it.
  const leaseMs = longestSendMs + 20_000;
  const elapsedClock = options.elapsedClock ?? (() => performance.now());

  const claim = (db: Database, now: Date) =>
    db.transaction(async (tx) => {
      const claimed = await tx
        .select({
          notice: notices,
          // Spelled out: drizzle leaves the columns of a one-table select unqualified, and in the
          // subquery they would name the membership's own.
          stillMember: sql<boolean>`exists (select 1 from ${memberships} m
            where m.community_id = notices.community_id and m.user_id = notices.user_id)`,
        })
        .from(notices)
        .where(and(eq(notices.status, 'pending'), lte(notices.nextAttemptAt, now)))
        .orderBy(asc(notices.nextAttemptAt))
        .limit(batchSize)
        .for('update', { of: notices, skipLocked: true });
      if (claimed.length === 0) return { handled: 0, sends: [] as ClaimedSend[] };
      // Checked when sending, whatever withdrew or forgot to withdraw it: a community's notice never
      // reaches someone who is no longer in it.
      const formerMembers = claimed
        .filter((row) => !row.stillMember && !reachesNonMembers(row.notice.kind))
        .map((row) => row.notice.id);
      if (formerMembers.length > 0) {
        await tx
          .update(notices)
          .set({ status: 'cancelled', lastError: 'NOT_A_MEMBER' })
          .where(inArray(notices.id, formerMembers));
      }
      const due = claimed.filter((row) => !formerMembers.includes(row.notice.id)).map((row) => row.notice);
      if (due.length === 0) return { handled: claimed.length, sends: [] as ClaimedSend[] };

      await tx
        .insert(inboxMessages)
        .values(
          due.map((notice) => ({
            noticeId: notice.id,
            userId: notice.userId,
            communityId: notice.communityId,
            kind: notice.kind,
            title: notice.title,
            body: notice.body,
            link: notice.link,
            createdAt: now,
          })),
        )
        .onConflictDoNothing({ target: inboxMessages.noticeId });

      const openids = new Map(
        (
          await tx
            .select({ id: users.id, openid: users.openid })
            .from(users)
            .where(inArray(users.id, [...new Set(due.map((notice) => notice.userId))]))
        ).map((user) => [user.id, user.openid]),
      );

      const sends: ClaimedSend[] = [];
      // Consents are row-locked as they are reserved: take them in one global order, so two
      // instances reserving for the same members never wait on each other in a cycle (deadlock).
      for (const notice of [...due].sort(byConsentRow)) {
        const key = notice.templateKey;
        const templateId = key && isSubscribeTemplateKey(key) ? config.subscribeTemplates[key] : undefined;
        const openid = openids.get(notice.userId);
        const consented =
          templateId && openid && (await reserveConsent(tx, notice.userId, key as string, now));
        if (!consented) {
          await tx
            .update(notices)
            .set({ status: 'sent', channel: 'inbox', sentAt: now })
            .where(eq(notices.id, notice.id));
          continue;
        }
        if (config.wechatSend === 'log') {
          log.info(
            { touser: openid, templateId, page: notice.link, data: notice.templateData, noticeId: notice.id },
            'subscribe message (WECHAT_SEND=log, not sent to WeChat)',
          );
          await tx
            .update(notices)
            .set({ status: 'sent', channel: 'log', sentAt: now, attempts: notice.attempts + 1 })
            .where(eq(notices.id, notice.id));
          continue;
        }
        const leased = { ...notice, attempts: notice.attempts + 1 };
        await tx
          .update(notices)
          .set({ attempts: leased.attempts, nextAttemptAt: new Date(now.getTime() + leaseMs) })
          .where(eq(notices.id, notice.id));
        sends.push({ notice: leased, openid: openid as string, templateId: templateId as string });
      }
      return { handled: claimed.length, sends };
    });

  const record = (db: Database, now: Date, { notice }: ClaimedSend, outcome: SendOutcome) =>
    db.transaction(async (tx) => {
      const stillOurs = and(
        eq(notices.id, notice.id),
        eq(notices.status, 'pending'),
        eq(notices.attempts, notice.attempts),
      );
      if (outcome.kind === 'sent') {
        await tx
          .update(notices)
          .set({ status: 'sent', channel: 'wechat', sentAt: new Date(), lastError: null })
          .where(stillOurs);
        return;
      }
      const [mine] = await tx
        .update(notices)
        .set(
          outcome.kind === 'retry' && notice.attempts < maxAttempts
            ? {
                lastError: outcome.error,
                nextAttemptAt: new Date(
                  now.getTime() + retryDelayMs(notice.attempts, baseRetryMs, maxRetryMs),
                ),
              }
            : outcome.kind === 'no-consent'
              ? { status: 'sent', channel: 'inbox', sentAt: new Date(), lastError: outcome.error }
              : { status: 'failed', channel: 'inbox', lastError: outcome.error },
        )
        .where(stillOurs)
        .returning({ id: notices.id });
      if (!mine || !notice.templateKey) return;
      if (outcome.kind === 'no-consent') {
        await tx
          .update(subscribeConsents)
          .set({ remaining: 0, updatedAt: now })
          .where(
            and(
              eq(subscribeConsents.userId, notice.userId),
              eq(subscribeConsents.templateKey, notice.templateKey),
            ),
          );
      } else {
        // Not delivered, so the consent was not used: give it back.
        await tx
          .update(subscribeConsents)
          .set({ remaining: sql`${subscribeConsents.remaining} + 1`, updatedAt: now })
          .where(
            and(
              eq(subscribeConsents.userId, notice.userId),
              eq(subscribeConsents.templateKey, notice.templateKey),
            ),
          );
      }
    });

  return {
    name: 'notice-dispatcher',
    idleIntervalMs: options.idleIntervalMs ?? 5_000,
    async runOnce(db, now) {
      const runStarted = elapsedClock();
      const { handled, sends } = await claim(db, now);
      await Promise.all(
        sends.map(async (send) => {
          const leaseLeftMs = leaseMs - (elapsedClock() - runStarted);
          const outcome: SendOutcome =
            leaseLeftMs < longestSendMs
              ? { kind: 'retry', error: 'LEASE_TOO_SHORT' }
              : await sendSubscribeMessage(db, config, {
                  openid: send.openid,
                  templateId: send.templateId,
                  page: send.notice.link,
                  data: send.notice.templateData ?? {},
                });
          if (outcome.kind !== 'sent') {
            log.warn(
              { noticeId: send.notice.id, attempts: send.notice.attempts, outcome },
              'subscribe message not sent',
            );
          }
          await record(db, now, send, outcome);
        }),
      );
      return handled;
    },
    async dueWork(db, now) {
      const [row] = await db
        .select({ count: sql<number>`count(*)`, oldest: sql<Date | null>`min(${notices.nextAttemptAt})` })
        .from(notices)
        .where(and(eq(notices.status, 'pending'), lte(notices.nextAttemptAt, now)));
      return toDueWork(row);
    },
  };
}

function byConsentRow(a: Notice, b: Notice): number {
  const left = `${a.userId}/${a.templateKey ?? ''}`;
  const right = `${b.userId}/${b.templateKey ?? ''}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Takes one of the member's consents for the template; false when none is left. */
async function reserveConsent(
  tx: Database,
  userId: string,
  templateKey: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(subscribeConsents)
    .set({ remaining: sql`${subscribeConsents.remaining} - 1`, updatedAt: now })
    .where(
      and(
        eq(subscribeConsents.userId, userId),
        eq(subscribeConsents.templateKey, templateKey),
        gt(subscribeConsents.remaining, 0),
      ),
    )
    .returning({ remaining: subscribeConsents.remaining });
  return rows.length > 0;
}
