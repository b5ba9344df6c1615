import type { CursorPagesState } from '@/lib/use-cursor-pages';
import { ActionButton } from './action-button';
import { LoadError } from './load-error';
import { SkeletonCard } from './skeleton-card';

type MoreState = Pick<CursorPagesState<unknown>, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore'>;

/** The foot of a paged list: a skeleton while the next page loads, its error with 重试, or 加载更多. */
export function LoadMore({ list, className }: { list: MoreState; className: string }) {
  if (list.loadingMore) return <SkeletonCard lines={2} />;
  if (list.moreError) return <LoadError error={list.moreError} onRetry={list.loadMore} />;
  if (!list.hasMore) return null;
  return (
    <ActionButton className={className} onClick={list.loadMore}>
      加载更多
    </ActionButton>
  );
}
