import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { MemberSummaryView } from '@/domain/contract/profiles';
import type { QueryState } from '@/lib/use-query';
import { MemberRow } from './member-row';

/** The tag page's members section. */
export function TagMemberList({ members }: { members: QueryState<MemberSummaryView[]> }) {
  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  if (!members.data) return <SkeletonCard lines={3} />;
  if (members.data.length === 0) {
    return (
      <View className="card empty-state">
        <Text className="hint">还没有群友用这个标签。在「编辑资料」里加上它，做第一个吧。</Text>
      </View>
    );
  }
  return (
    <View className="card list tag-member-list">
      {members.data.map((member) => (
        <MemberRow key={member.userId} member={member} />
      ))}
    </View>
  );
}
