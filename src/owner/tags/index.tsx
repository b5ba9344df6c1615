import { Text, View } from '@tarojs/components';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { TagCuration } from '@/features/tags/components/tag-curation';
import { useLoginSession } from '@/lib/login-session';

function TagCurationContent() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  if (!communityId) {
    return (
      <View className="card">
        <Text className="hint">先加入一个社群</Text>
      </View>
    );
  }
  return <TagCuration communityId={communityId} />;
}

export default function TagCurationPage() {
  return (
    <View className="page">
      <SignInGate>
        <TagCurationContent />
      </SignInGate>
    </View>
  );
}
