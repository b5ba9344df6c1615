import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import { pagePaths } from '@/domain/page-paths';
import type { useSimilarMembers } from '../api/get-similar-members';
import { MemberRow } from './member-row';

/** 和我相似的人: most shared tags first; each row says which tags we share. */
export function SimilarMemberList({ similar }: { similar: ReturnType<typeof useSimilarMembers> }) {
  if (similar.status === 'error') return <LoadError error={similar.error} onRetry={similar.reload} />;
  if (similar.status === 'loading') return <SkeletonCard lines={4} />;
  if (similar.items.length === 0) {
    return (
      <View className="card empty-state similar-empty">
        <Text className="hint">还没有和你标签相同的群友。多加几个兴趣标签试试？</Text>
        <ActionButton variant="primary" onClick={() => Taro.navigateTo({ url: pagePaths.editProfile })}>
          编辑我的标签
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="card list similar-list">
      {similar.items.map((member) => (
        <View key={member.userId} className="similar-member">
          <MemberRow member={member} sharedTags={member.sharedTags} />
        </View>
      ))}
      <LoadMore list={similar} className="load-more" />
    </View>
  );
}
