import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { tagLabel } from '@/domain/tags';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { TagMemberList } from '@/features/profiles/components/tag-member-list';
import { useTagMembers } from '@/features/tags/api/get-tag-members';
import { useTipFeed } from '@/features/tips/hooks/use-tip-feed';
import { useLoginSession } from '@/lib/login-session';
import { TagTips } from './tag-tips';

/** A tag's page composes one section per feature: the members carrying the tag, then its tips. */
function TagContent() {
  const { params } = useRouter();
  const tag = params.tag ? decodeURIComponent(params.tag) : undefined;
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const members = useTagMembers(communityId, tag);
  const tips = useTipFeed(tag ? communityId : null, { sort: 'latest', tag: tag ?? null });
  usePullDownRefresh(async () => {
    await Promise.all([members.reload(), tips.reload()]);
    Taro.stopPullDownRefresh();
  });
  return (
    <>
      <View className="card">
        <Text className="title tag-title">{tag && tagLabel(tag)}</Text>
        {members.data && <Text className="hint">{members.data.length} 位群友</Text>}
      </View>
      <View className="section-title">群友</View>
      <TagMemberList members={members} />
      <View className="section-title">技巧</View>
      <TagTips tag={tag} feed={tips} />
    </>
  );
}

export default function TagPage() {
  return (
    <View className="page">
      <SignInGate>
        <TagContent />
      </SignInGate>
    </View>
  );
}
