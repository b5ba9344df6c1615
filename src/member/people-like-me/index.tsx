import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { tagPath } from '@/domain/page-paths';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useSimilarMembers } from '@/features/profiles/api/get-similar-members';
import { SimilarMemberList } from '@/features/profiles/components/similar-member-list';
import { useTagCloud } from '@/features/tags/api/get-tag-cloud';
import { TagCloud } from '@/features/tags/components/tag-cloud';
import { useLoginSession } from '@/lib/login-session';

function PeopleLikeMeContent() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const similar = useSimilarMembers(communityId);
  const cloud = useTagCloud(communityId);
  usePullDownRefresh(async () => {
    await Promise.all([similar.reload(), cloud.reload()]);
    Taro.stopPullDownRefresh();
  });
  return (
    <>
      <SimilarMemberList similar={similar} />
      <View className="section-title">社群标签</View>
      <TagCloud cloud={cloud} onOpenTag={(tag) => Taro.navigateTo({ url: tagPath(tag) })} />
    </>
  );
}

export default function PeopleLikeMePage() {
  return (
    <View className="page">
      <SignInGate>
        <PeopleLikeMeContent />
      </SignInGate>
    </View>
  );
}
