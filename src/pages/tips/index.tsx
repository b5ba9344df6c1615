import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { pagePaths, tipEditorPath, tipPath } from '@/domain/page-paths';
import { hasRoleAtLeast, isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { NoCommunityChoice } from '@/features/communities/components/no-community-choice';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { type FeedFilter, firstFeedFilter } from '@/features/tips/api/get-tip-feed';
import { useTipTags } from '@/features/tips/api/get-tip-tags';
import { TipFeed } from '@/features/tips/components/tip-feed';
import { useTipFeed } from '@/features/tips/hooks/use-tip-feed';

function TipsContent() {
  const current = useCurrentCommunity();
  const [filter, setFilter] = useState<FeedFilter>(firstFeedFilter);
  // Alongside /api/me and the community, not after them: the first cards are what a member waits for.
  const feed = useTipFeed(current.communityId, filter);
  const tags = useTipTags(current.communityId);

  useReachBottom(() => {
    feed.loadMore();
  });
  usePullDownRefresh(async () => {
    await Promise.all([feed.reload(), tags.reload()]);
    Taro.stopPullDownRefresh();
  });

  if (current.status === 'loading') return <SkeletonCard />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (current.status === 'no-community') return <NoCommunityChoice />;
  const role = current.community.myRole;
  const compose = () => Taro.navigateTo({ url: tipEditorPath() });

  return (
    <>
      <View className="button-row tip-tools">
        <ActionButton
          variant="mini"
          className="tip-search-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.tipSearch })}
        >
          搜索技巧
        </ActionButton>
        <ActionButton variant="mini" className="tip-compose" onClick={compose}>
          {isTeamRole(role) ? '发布技巧' : '投稿技巧'}
        </ActionButton>
        <ActionButton
          variant="mini"
          className="tip-review-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.tipReview })}
        >
          {hasRoleAtLeast(role, 'admin') ? '审核投稿' : isTeamRole(role) ? '草稿与定时' : '我的投稿'}
        </ActionButton>
      </View>
      <TipFeed
        filter={filter}
        onFilterChange={setFilter}
        feed={feed}
        tags={tags.data}
        canPublish={isTeamRole(role)}
        onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })}
        onCompose={compose}
      />
    </>
  );
}

export default function TipsPage() {
  return (
    <View className="page">
      <SignInGate>
        <TipsContent />
      </SignInGate>
    </View>
  );
}
