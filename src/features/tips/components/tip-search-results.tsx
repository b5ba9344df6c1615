import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import type { TipCardView } from '@/domain/contract/tips';
import type { CursorPagesState } from '@/lib/use-cursor-pages';
import { TipCardList } from './tip-card-list';
import '../tips.scss';

/** What a search found: skeletons, the cards (title matches first), an empty state, or the error. */
export function TipSearchResults({
  q,
  results,
  onOpen,
}: {
  q: string;
  results: CursorPagesState<TipCardView>;
  onOpen: (tipId: string) => void;
}) {
  if (!q)
    return (
      <View className="card tip-search-hint">
        <Text className="hint">输入标题、做法或步骤里的词，比如「烘焙」「红薯」「PPT」。</Text>
      </View>
    );
  if (results.status === 'loading')
    return (
      <>
        <SkeletonCard />
        <SkeletonCard />
      </>
    );
  if (results.status === 'error') return <LoadError error={results.error} onRetry={results.reload} />;
  if (results.items.length === 0)
    return (
      <View className="card tip-search-empty">
        <Text className="hint">{`没有找到包含「${q}」的技巧，换个词试试`}</Text>
      </View>
    );
  return (
    <View className="tip-search-results">
      <TipCardList tips={results.items} onOpen={onOpen} />
      <LoadMore list={results} className="tip-search__more" />
    </View>
  );
}
