import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database';
import {
  communities,
  contentReports,
  inboxMessages,
  joinRequests,
  memberProfiles,
  memberships,
  memberTags,
  promotionRequests,
  sessionSignups,
  sessions,
  subscribeConsents,
  tipLikes,
  tipSaves,
  tips,
  tipTries,
  tipWants,
  uploads,
  users,
} from '../../db/schema';

/**
 * Everything held about one user, one query per kind, each filtered by their id and nothing else:
 * what another member wrote never enters their file.
 */

export async function findAccount(tx: Database, userId: string) {
  const [row] = await tx
    .select({
      nickname: users.nickname,
      openid: users.openid,
      unionid: users.unionid,
      avatarUrl: users.avatarUrl,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

const inviter = alias(users, 'inviter');

export async function listMemberships(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
      rulesConfirmedAt: memberships.rulesConfirmedAt,
      invitedBy: inviter.nickname,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .leftJoin(inviter, eq(inviter.id, memberships.invitedBy))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.joinedAt));
}

export async function listProfiles(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      nickname: memberProfiles.nickname,
      avatarUploadId: memberProfiles.avatarUploadId,
      bio: memberProfiles.bio,
      hiddenFromSimilar: memberProfiles.hiddenFromSimilar,
      updatedAt: memberProfiles.updatedAt,
    })
    .from(memberProfiles)
    .innerJoin(communities, eq(communities.id, memberProfiles.communityId))
    .where(eq(memberProfiles.userId, userId))
    .orderBy(asc(communities.name));
}

export async function listTags(tx: Database, userId: string) {
  return tx
    .select({ community: communities.name, tag: memberTags.tag, createdAt: memberTags.createdAt })
    .from(memberTags)
    .innerJoin(communities, eq(communities.id, memberTags.communityId))
    .where(eq(memberTags.userId, userId))
    .orderBy(asc(communities.name), asc(memberTags.createdAt));
}

export async function listSignups(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      session: sessions.title,
      startsAt: sessions.startsAt,
      status: sessionSignups.status,
      guests: sessionSignups.guests,
      checkedInAt: sessionSignups.checkedInAt,
      feedbackRating: sessionSignups.feedbackRating,
      feedbackComment: sessionSignups.feedbackComment,
      signedUpAt: sessionSignups.createdAt,
      cancelledAt: sessionSignups.cancelledAt,
    })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .innerJoin(communities, eq(communities.id, sessions.communityId))
    .where(eq(sessionSignups.userId, userId))
    .orderBy(asc(sessions.startsAt));
}

export async function listAuthoredTips(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      title: tips.title,
      status: tips.status,
      body: tips.body,
      steps: tips.steps,
      tags: tips.tags,
      createdAt: tips.createdAt,
      publishedAt: tips.publishedAt,
    })
    .from(tips)
    .innerJoin(communities, eq(communities.id, tips.communityId))
    .where(eq(tips.authorId, userId))
    .orderBy(asc(tips.createdAt));
}

/** 收藏, 点赞, 试过 (with the note) and 想听这个, each with the tip it is about. */
export async function listReactions(tx: Database, userId: string) {
  const reaction = (kind: 'save' | 'like' | 'try' | 'want') => {
    const table = { save: tipSaves, like: tipLikes, try: tipTries, want: tipWants }[kind];
    return tx
      .select({
        community: communities.name,
        tip: tips.title,
        at: table.createdAt,
        note: kind === 'try' ? tipTries.note : sql<string | null>`null`,
      })
      .from(table)
      .innerJoin(tips, eq(tips.id, table.tipId))
      .innerJoin(communities, eq(communities.id, tips.communityId))
      .where(eq(table.userId, userId))
      .orderBy(asc(table.createdAt));
  };
  return {
    saves: await reaction('save'),
    likes: await reaction('like'),
    tries: await reaction('try'),
    wants: await reaction('want'),
  };
}

export async function listPromotionRequests(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      title: promotionRequests.title,
      content: promotionRequests.content,
      link: promotionRequests.link,
      category: promotionRequests.category,
      status: promotionRequests.status,
      rejectReason: promotionRequests.rejectReason,
      createdAt: promotionRequests.createdAt,
    })
    .from(promotionRequests)
    .innerJoin(communities, eq(communities.id, promotionRequests.communityId))
    .where(eq(promotionRequests.userId, userId))
    .orderBy(asc(promotionRequests.createdAt));
}

/** Reports they made (what and why), not reports others made about them. */
export async function listReportsMade(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      targetKind: contentReports.targetKind,
      reason: contentReports.reason,
      status: contentReports.status,
      createdAt: contentReports.createdAt,
    })
    .from(contentReports)
    .innerJoin(communities, eq(communities.id, contentReports.communityId))
    .where(eq(contentReports.reporterId, userId))
    .orderBy(asc(contentReports.createdAt));
}

export async function listJoinRequests(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      via: joinRequests.via,
      note: joinRequests.note,
      status: joinRequests.status,
      reason: joinRequests.reason,
      createdAt: joinRequests.createdAt,
    })
    .from(joinRequests)
    .innerJoin(communities, eq(communities.id, joinRequests.communityId))
    .where(eq(joinRequests.userId, userId))
    .orderBy(asc(joinRequests.createdAt));
}

export async function listConsents(tx: Database, userId: string) {
  return tx
    .select({
      templateKey: subscribeConsents.templateKey,
      remaining: subscribeConsents.remaining,
      updatedAt: subscribeConsents.updatedAt,
    })
    .from(subscribeConsents)
    .where(eq(subscribeConsents.userId, userId))
    .orderBy(asc(subscribeConsents.templateKey));
}

export async function listInbox(tx: Database, userId: string) {
  return tx
    .select({
      community: communities.name,
      title: inboxMessages.title,
      body: inboxMessages.body,
      createdAt: inboxMessages.createdAt,
      readAt: inboxMessages.readAt,
    })
    .from(inboxMessages)
    .innerJoin(communities, eq(communities.id, inboxMessages.communityId))
    .where(eq(inboxMessages.userId, userId))
    .orderBy(asc(inboxMessages.createdAt));
}

/** The images they uploaded: metadata and address, not the bytes. */
export async function listUploads(tx: Database, userId: string) {
  return tx
    .select({
      id: uploads.id,
      contentType: uploads.contentType,
      byteSize: uploads.byteSize,
      createdAt: uploads.createdAt,
    })
    .from(uploads)
    .where(eq(uploads.ownerUserId, userId))
    .orderBy(asc(uploads.createdAt));
}
