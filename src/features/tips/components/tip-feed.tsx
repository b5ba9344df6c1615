import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { TipTagsView } from '@/domain/contract/tips';
import type { FeedFilter } from '../api/get-tip-feed';
import type { TipFeedState } from '../hooks/use-tip-feed';
import { TipCardList } from './tip-card-list';
import '../tips.scss';

interface TipFeedProps {
  filter: FeedFilter;
  onFilterChange: (filter: FeedFilter) => void;
  feed: TipFeedState;
  tags: TipTagsView | undefined;
  /** The team publishes; members suggest. Decides the words of the empty state. */
  canPublish: boolean;
  onOpen: (tipId: string) => void;
  onCompose: () => void;
}

function TagChips({
  filter,
  onFilterChange,
  tags,
}: Pick<TipFeedProps, 'filter' | 'onFilterChange' | 'tags'>) {
  const all = [...(tags?.myTags ?? []), ...(tags?.otherTags ?? [])];
  if (all.length === 0) return null;
  const mine = new Set(tags?.myTags ?? []);
  return (
    <View className="tip-chips">
      <Text
        className={`tip-chip ${filter.tag === null ? 'is-selected' : ''}`}
        onClick={() => onFilterChange({ ...filter, tag: null })}
      >
        全部
      </Text>
      {all.map((tag) => (
        <Text
          key={tag}
          className={`tip-chip ${mine.has(tag) ? 'tip-chip--mine' : ''} ${filter.tag === tag ? 'is-selected' : ''}`}
          onClick={() => onFilterChange({ ...filter, tag: filter.tag === tag ? null : tag })}
        >
          #{tag}
        </Text>
      ))}
    </View>
  );
}

function SortSwitch({ filter, onFilterChange }: Pick<TipFeedProps, 'filter' | 'onFilterChange'>) {
  const options = [
    ['recommended', '为你推荐'],
    ['latest', '最新'],
  ] as const;
  return (
    <View className="tip-sort">
      {options.map(([sort, label]) => (
        <Text
          key={sort}
          className={`tip-sort__option tip-sort--${sort} ${filter.sort === sort && !filter.tag ? 'is-selected' : ''}`}
          onClick={() => onFilterChange({ sort, tag: null })}
        >
          {label}
        </Text>
      ))}
    </View>
  );
}

/** 技巧: tag chips (mine first), 为你推荐 / 最新, then the cards page by page. */
export function TipFeed({ filter, onFilterChange, feed, tags, canPublish, onOpen, onCompose }: TipFeedProps) {
  return (
    <View className="tip-feed">
      <TagChips filter={filter} onFilterChange={onFilterChange} tags={tags} />
      <SortSwitch filter={filter} onFilterChange={onFilterChange} />
      {feed.status === 'loading' && (
        <>
          <SkeletonCard />
          <SkeletonCard />
        </>
      )}
      {feed.status === 'error' && <LoadError error={feed.error} onRetry={feed.reload} />}
      {feed.status === 'ready' && feed.items.length === 0 && (
        <View className="card tip-empty-state">
          <Text className="tip-empty">
            {filter.tag
              ? `还没有 #${filter.tag} 的技巧`
              : canPublish
                ? '还没有技巧。发布第一个能马上用上的小技巧吧！'
                : '还没有技巧。你也有值得分享的小技巧，投稿给群主吧！'}
          </Text>
          <ActionButton variant="primary" className="tip-compose" onClick={onCompose}>
            {canPublish ? '发布技巧' : '投稿技巧'}
          </ActionButton>
        </View>
      )}
      <TipCardList tips={feed.items} onOpen={onOpen} />
      {feed.status === 'ready' && feed.items.length > 0 && (
        <>
          {feed.loadingMore && <SkeletonCard lines={2} />}
          {feed.moreError ? (
            <LoadError error={feed.moreError} onRetry={feed.loadMore} />
          ) : feed.hasMore ? (
            !feed.loadingMore && (
              <ActionButton className="tip-feed__more" onClick={feed.loadMore}>
                加载更多
              </ActionButton>
            )
          ) : (
            <Text className="tip-feed__end">没有更多了</Text>
          )}
        </>
      )}
    </View>
  );
}
