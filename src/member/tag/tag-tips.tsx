import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import { tipPath } from '@/domain/page-paths';
import { tagLabel } from '@/domain/tags';
import { TipCardList } from '@/features/tips/components/tip-card-list';
import type { TipFeedState } from '@/features/tips/hooks/use-tip-feed';

/** The tag page's 技巧 section: published tips carrying the tag, newest first, page by page. */
export function TagTips({ tag, feed }: { tag: string | undefined; feed: TipFeedState }) {
  if (feed.status === 'error') return <LoadError error={feed.error} onRetry={feed.reload} />;
  if (feed.status === 'loading') return <SkeletonCard lines={2} />;
  if (feed.items.length === 0) {
    return (
      <View className="card tag-tips-empty">
        <Text className="hint">{`还没有 ${tagLabel(tag ?? '')} 的技巧`}</Text>
      </View>
    );
  }
  return (
    <View className="tag-tips">
      <TipCardList tips={feed.items} onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })} />
      <LoadMore list={feed} className="tag-tips__more" />
    </View>
  );
}
