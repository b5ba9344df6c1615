import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView } from '../../../src/domain/contract/tips';
import { NoticeFedCache } from '../../read-caches/notice-cache';

/** Whom a page was read for: the team sees hidden tips; members see the rest, each with their own. */
export type FeedAudience = 'team' | 'members';

export interface CachedFeedPage {
  page: Page<TipCardView>;
  /** Members who wrote a hidden tip of the community: their page shows it, so this one is not theirs. */
  hiddenTipAuthors: ReadonlySet<string>;
}

/** The payload of a `feed_changes` notice about every community (a nickname changed); any other is a community id. */
const everyCommunity = '*';

/**
 * This instance's copy of feed pages that are the same for everyone of an audience (最新 and a
 * tag's tips, each page by its cursor), so that the members opening the feed after an announcement
 * are answered without a query. Every instance drops a community's pages when PostgreSQL tells it
 * (channel `feed_changes`, migration 0015) that one of its tips changed: published, edited, hidden,
 * liked, saved or tried.
 */
export class FeedCache extends NoticeFedCache<CachedFeedPage> {
  readonly channel = 'feed_changes';

  constructor(maxEntries = 2_000) {
    super(maxEntries);
  }

  /** `place`: which list and where in it (a tag, a cursor). */
  static key(communityId: string, audience: FeedAudience, place: string): string {
    return `${communityId}|${audience}|${place}`;
  }

  lookup(key: string): CachedFeedPage | undefined {
    return this.entries.lookup(key);
  }

  store(key: string, communityId: string, page: CachedFeedPage, readInGeneration: number): void {
    this.entries.store(key, page, [communityId], readInGeneration);
  }

  /** A `feed_changes` notice: a community id, or `*` for all of them. */
  changed(payload: string): void {
    if (payload === everyCommunity) this.entries.forgetAll();
    else this.entries.drop(payload);
  }
}
