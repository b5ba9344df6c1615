import { timeInWeek, weekLabel, weekStartOf } from '../../../src/domain/china-weeks';
import { weeklyDigestPath } from '../../../src/domain/page-paths';
import { assembleDigest, digestReadyAt, isEmptyDigest } from '../../../src/domain/weekly-digest';
import type { BackgroundJob } from '../../jobs/background-job';
import { listTeamIds } from '../membership/membership-repository';
import { enqueueNotices } from '../notifications';
import { digestCandidates } from './digest-queries';
import { claimWeekForCommunities } from './digest-repository';

const batchSize = 20;

/**
 * From Friday 18:00 (China time) each community's week is taken up once: when it has anything to
 * tell, the team finds 本周群周报 in 消息, ready to preview and share in one tap. An empty week tells
 * nobody. Safe on several instances: the (community, week) key hands each week to one of them.
 */
export const weeklyDigestReadyJob: BackgroundJob = {
  name: 'weekly-digest-ready',
  idleIntervalMs: 10 * 60_000,
  async runOnce(db, now) {
    const weekStart = weekStartOf(now);
    if (now < timeInWeek(weekStart, digestReadyAt.days, digestReadyAt.hours)) return 0;
    return db.transaction(async (tx) => {
      const communityIds = await claimWeekForCommunities(tx, weekStart, now, batchSize);
      for (const communityId of communityIds) {
        const content = assembleDigest(await digestCandidates(tx, communityId, weekStart));
        if (isEmptyDigest(content)) continue;
        const team = await listTeamIds(tx, communityId, 'secretary');
        await enqueueNotices(
          tx,
          team.map((userId) => ({
            userId,
            communityId,
            kind: 'weekly_digest_ready' as const,
            title: `本周群周报已生成（${weekLabel(weekStart)}）`,
            body: '预览一下，写一句开场白，一键分享到群里：比 @所有人 更友好。',
            link: weeklyDigestPath(weekStart),
            dedupeKey: `weekly-digest:${communityId}:${weekStart}:ready:user:${userId}`,
          })),
        );
      }
      return communityIds.length;
    });
  },
};
