import { Text, View } from '@tarojs/components';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { ProfileEditForm } from '@/features/profiles/components/profile-edit-form';
import { useSuggestedTags } from '@/features/tags/api/get-suggested-tags';
import { TagEditor } from '@/features/tags/components/tag-editor';
import { useLoginSession } from '@/lib/login-session';

function EditProfileContent() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  if (!communityId) {
    return (
      <View className="card">
        <Text className="hint">先加入一个社群，再编辑在群里的资料</Text>
      </View>
    );
  }
  return (
    <ProfileEditForm
      communityId={communityId}
      tagEditor={(tags, onChange) => (
        <SuggestedTagEditor communityId={communityId} tags={tags} onChange={onChange} />
      )}
    />
  );
}

function SuggestedTagEditor({
  communityId,
  tags,
  onChange,
}: {
  communityId: string;
  tags: string[];
  onChange: (tags: string[]) => void;
}) {
  const suggestions = useSuggestedTags(communityId);
  return (
    <TagEditor
      value={tags}
      onChange={onChange}
      suggestions={(suggestions.data ?? []).map((suggestion) => suggestion.tag)}
    />
  );
}

export default function EditProfilePage() {
  return (
    <View className="page">
      <SignInGate>
        <EditProfileContent />
      </SignInGate>
    </View>
  );
}
