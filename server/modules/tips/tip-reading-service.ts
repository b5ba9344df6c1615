import type { Page } from '../../../src/domain/contract/common';
import type {
  FeedQuery,
  TipCardView,
  TipDetailView,
  TipNoteView,
  TipTagsView,
} from '../../../src/domain/contract/tips';
import { seesHiddenContent } from '../../../src/domain/moderation';
import { isTeamRole, type Role } from '../../../src/domain/roles';
import { normaliseTag, tagProblemMessages } from '../../../src/domain/tags';
import { type TipStatus, tipLimits } from '../../../src/domain/tips';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { countPart, emptyPart, keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { type CommunityStanding, requireMembership } from '../membership/require-membership';
import { canSeeContent, type Viewer } from '../moderation/visibility';
import { FeedCache } from './feed-cache';
import {
  type FeedPosition,
  type FeedRow,
  findHiddenTipAuthors,
  findMemberTags,
  latestTips,
  popularTipTags,
  recommendedCandidates,
  recommendedRest,
  taggedTips,
} from './feed-repository';
import { findTry, hasMark, listMarkedTips, listTries } from './reaction-repository';
import { findTip, findTipCard, listTipsByStatus, listTipsOfAuthor, type TipRow } from './tip-repository';
import { toTipCardView, toTipDetailView, toTipNoteView } from './tip-views';

/** The feed's sort key: (published, id); 为你推荐 adds the shared count, which 最新 keeps empty. */
const latestCursor = keysetCursor({ publishedAt: timePart, id: uuidPart, sharedCount: emptyPart });
const recommendedCursor = keysetCursor({ publishedAt: timePart, id: uuidPart, sharedCount: countPart });
/** 我的 收藏 / 试过的技巧: (when I marked it, tip id). */
const markedCursor = keysetCursor({ markedAt: timePart, tipId: uuidPart });

function feedPosition(cursor: string, recommended: boolean): FeedPosition {
  return (recommended ? recommendedCursor : latestCursor).decode(cursor);
}

/** Fetches one more row than a page, so the last page knows it is the last. */
function toPage(rows: FeedRow[], pageSize: number, recommended: boolean): Page<TipCardView> {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > pageSize && last
      ? recommended
        ? recommendedCursor.encode({
            publishedAt: last.publishedAt!,
            id: last.id,
            sharedCount: last.sharedCount,
          })
        : latestCursor.encode({ publishedAt: last.publishedAt!, id: last.id, sharedCount: null })
      : null;
  return { items: items.map(toTipCardView), nextCursor };
}

/**
 * 为你推荐 in two stretches: the candidates (recent tips sharing my tags) by (shared count, recency),
 * then every other tip by recency. A cursor with a shared count of 0 is already in the second
 * stretch; without tags of mine there are no candidates, and the rest is 最新.
 */
async function recommendedTips(
  db: Database,
  communityId: string,
  viewer: Viewer,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const inFirstStretch = !after || (after.sharedCount ?? 0) > 0;
  const candidates = inFirstStretch ? await recommendedCandidates(db, communityId, viewer, limit, after) : [];
  if (candidates.length >= limit) return candidates;
  const rest = await recommendedRest(
    db,
    communityId,
    viewer,
    limit - candidates.length,
    inFirstStretch ? undefined : after,
  );
  return [...candidates, ...rest];
}

/** A feed request, checked: which list, and where the previous page ended. */
interface FeedRequest {
  recommended: boolean;
  tag?: string;
  after?: FeedPosition;
  /** The list and the cursor as the cache keys them. */
  place: string;
}

function feedRequestOf(query: FeedQuery): FeedRequest {
  const recommended = query.sort === 'recommended' && !query.tag;
  const after = query.cursor ? feedPosition(query.cursor, recommended) : undefined;
  if (query.tag === undefined)
    return { recommended, after, place: `${recommended ? 'recommended' : 'latest'}|${query.cursor ?? ''}` };
  const tag = normaliseTag(query.tag);
  if (!tag.ok) throw new AppError('TAG_INVALID', 400, { tag: tagProblemMessages[tag.problem] });
  return { recommended, tag: tag.tag, after, place: `tag:${tag.tag}|${query.cursor ?? ''}` };
}

async function readFeed(
  db: Database,
  communityId: string,
  viewer: Viewer,
  { recommended, tag, after }: FeedRequest,
): Promise<Page<TipCardView>> {
  const pageSize = tipLimits.pageSize;
  if (tag !== undefined)
    return toPage(await taggedTips(db, communityId, viewer, tag, pageSize + 1, after), pageSize, false);
  const rows = recommended
    ? await recommendedTips(db, communityId, viewer, pageSize + 1, after)
    : await latestTips(db, communityId, viewer, pageSize + 1, after);
  return toPage(rows, pageSize, recommended);
}

/**
 * 最新 and a tag's pages are the same for every member, and for everyone of the team: read once and
 * kept until a tip of the community changes. A member who wrote a hidden tip sees it where others do
 * not, so their pages are read for them alone, as is 为你推荐 (it follows each member's tags).
 */
async function readFeedThroughCache(
  db: Database,
  cache: FeedCache,
  communityId: string,
  viewer: Viewer,
  request: FeedRequest,
): Promise<Page<TipCardView>> {
  const audience = seesHiddenContent(viewer.role) ? 'team' : 'members';
  const key = FeedCache.key(communityId, audience, request.place);
  const cached = cache.lookup(key);
  if (cached)
    return cached.hiddenTipAuthors.has(viewer.userId)
      ? readFeed(db, communityId, viewer, request)
      : cached.page;
  const generation = cache.generation;
  const hiddenTipAuthors = new Set(audience === 'team' ? [] : await findHiddenTipAuthors(db, communityId));
  const page = await readFeed(db, communityId, viewer, request);
  if (!hiddenTipAuthors.has(viewer.userId))
    cache.store(key, communityId, { page, hiddenTipAuthors }, generation);
  return page;
}

export async function getFeed(
  db: Database,
  user: UserRow,
  communityId: string,
  query: FeedQuery,
  standing?: CommunityStanding | null,
  cache?: FeedCache,
): Promise<Page<TipCardView>> {
  const viewer = {
    userId: user.id,
    role: await requireMembership(db, communityId, user.id, 'member', standing),
  };
  const request = feedRequestOf(query);
  return cache && !request.recommended
    ? readFeedThroughCache(db, cache, communityId, viewer, request)
    : readFeed(db, communityId, viewer, request);
}

/**
 * Members see published tips; the team sees every tip of its community; an author sees their own
 * suggestions. A tip the team hid follows the visibility rule on top.
 */
function canSee(tip: TipRow, role: Role, userId: string): boolean {
  const byStatus = tip.status === 'published' || isTeamRole(role) || tip.authorId === userId;
  return byStatus && canSeeContent(tip, { userId, role });
}

/** The tip and the caller's role, or 404 (unknown or hidden) / 403 (not a member). */
export async function visibleTip(
  db: Database,
  user: UserRow,
  tipId: string,
): Promise<{ tip: TipRow; role: Role }> {
  const tip = await findTip(db, tipId);
  if (!tip) throw new AppError('NOT_FOUND', 404);
  const role = await requireMembership(db, tip.communityId, user.id, 'member');
  if (!canSee(tip, role, user.id)) throw new AppError('NOT_FOUND', 404);
  return { tip, role };
}

export async function tipDetail(db: Database, user: UserRow, tipId: string): Promise<TipDetailView> {
  const { tip, role } = await visibleTip(db, user, tipId);
  const card = await findTipCard(db, tipId);
  const myTry = await findTry(db, tipId, user.id);
  return toTipDetailView(
    { ...card!, steps: tip.steps, declineReason: tip.declineReason, createdAt: tip.createdAt },
    {
      liked: await hasMark(db, 'like', tipId, user.id),
      saved: await hasMark(db, 'save', tipId, user.id),
      myTry: myTry ? { note: myTry.note, updatedAt: myTry.updatedAt.toISOString() } : null,
      canManage: isTeamRole(role),
    },
  );
}

export async function tipNotes(db: Database, user: UserRow, tipId: string): Promise<TipNoteView[]> {
  const { role } = await visibleTip(db, user, tipId);
  return (await listTries(db, tipId, { userId: user.id, role }, 50)).map(toTipNoteView);
}

export async function myTips(
  db: Database,
  user: UserRow,
  communityId: string,
  query: { kind: 'saved' | 'tried'; cursor?: string },
  standing?: CommunityStanding | null,
): Promise<Page<TipCardView>> {
  const role = await requireMembership(db, communityId, user.id, 'member', standing);
  const after = query.cursor ? markedCursor.decode(query.cursor) : undefined;
  const limit = tipLimits.pageSize;
  const viewer = { userId: user.id, role };
  const rows = await listMarkedTips(db, query.kind, communityId, viewer, { after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTipCardView),
    nextCursor:
      rows.length > limit && last ? markedCursor.encode({ markedAt: last.markedAt, tipId: last.id }) : null,
  };
}

const memberSuggestionStatuses: TipStatus[] = ['suggested', 'published', 'declined'];

/** The team's lists by status; a member asking gets only their own suggestions (待审核 / 已发布 / 未通过). */
export async function managedTips(
  db: Database,
  user: UserRow,
  communityId: string,
  statuses: TipStatus[],
  standing?: CommunityStanding | null,
): Promise<TipCardView[]> {
  const role = await requireMembership(db, communityId, user.id, 'member', standing);
  if (isTeamRole(role)) return (await listTipsByStatus(db, communityId, statuses, 100)).map(toTipCardView);
  const ownStatuses = statuses.filter((status) => memberSuggestionStatuses.includes(status));
  if (ownStatuses.length === 0) return [];
  const rows = await listTipsOfAuthor(db, communityId, user.id, ownStatuses, 100);
  return rows.map(toTipCardView);
}

/** The feed's tag chips: mine first (我的标签), then the community's most used. */
export async function feedTags(
  db: Database,
  user: UserRow,
  communityId: string,
  standing?: CommunityStanding | null,
): Promise<TipTagsView> {
  await requireMembership(db, communityId, user.id, 'member', standing);
  const myTags = await findMemberTags(db, communityId, user.id);
  const popular = await popularTipTags(db, communityId, 12);
  return { myTags, otherTags: popular.filter((tag) => !myTags.includes(tag)) };
}
